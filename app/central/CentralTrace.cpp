// `central trace`.
#include "central/CentralTrace.h"

#include "central/CentralConnection.h"
#include "central/CentralHandedOut.h"
#include "common/IdNumber.h"
#include "common/SiteTime.h"
#include "crypto/Sha256.h"
#include "export/CsvExport.h"
#include "export/OfficialAsk.h"
#include "export/OutputFile.h"
#include "storage/AuditLog.h"

#include <QIODevice>

Result<CentralTrace::Written> CentralTrace::run(CentralConnection& connection) const
{
    const auto number = IdNumber::parse(idNumber);
    if (!number)
        return number.error();
    const Result<void> asked = OfficialAsk::check(ask.from, ask.to, language);
    if (!asked)
        return asked.error();
    const auto rows = connection.exec(
        QStringLiteral("SELECT v.visit_key, v.site, v.entrance, v.person_type, v.full_name, v.id_number, v.phone,"
                       " v.address, v.checked_in_at, v.checked_out_at, v.checkout_kind, v.method, v.app_status,"
                       " v.app_profile, v.app_id, v.declaration, c.overlap_minutes, v.site_name"
                       " FROM %1 c JOIN gatehouse.%2 v USING (visit_key)"
                       " ORDER BY v.checked_in_at, v.visit_key")
            .arg(scoped ? QStringLiteral("gatehouse.scoped_contact_stays($1, $2, $3)")
                        : QStringLiteral("gatehouse.contact_stays($1, $2, $3)"),
                 scoped ? QStringLiteral("scoped_visits") : QStringLiteral("visits")),
        {number->text(), CentralConnection::timeParameter(ask.from), CentralConnection::timeParameter(ask.to)});
    if (!rows)
        return rows.error();
    const auto traced = connection.exec(
        scoped ? QStringLiteral("SELECT gatehouse.seen_case_stayed($1, $2, $3)")
               : QStringLiteral("SELECT gatehouse.case_stayed($1, $2, $3)"),
        {number->text(), CentralConnection::timeParameter(ask.from), CentralConnection::timeParameter(ask.to)});
    if (!traced)
        return traced.error();
    if (traced->values.value(0).value(0) != QLatin1String("t"))
        return Error(Error::Kind::Failed,
                     tr("The central store has no stay of this person at any site in the window."));

    const SiteTime siteTime(ask.utcOffsetMinutes);
    const bool vietnamese = language == QLatin1String("vi");
    Sha256 hash;
    Written written;
    const auto wrote = OutputFile::write(ask.path, [&](QIODevice& out) -> Result<qint64> {
        QByteArray text = CsvExport::header(
            language, {vietnamese ? QStringLiteral("Số phút tiếp xúc") : QStringLiteral("overlap_minutes"),
                       vietnamese ? QStringLiteral("Tên cơ sở") : QStringLiteral("site_name")});
        for (const QStringList& row : rows->values) {
            for (int c = 0; c < row.size(); ++c) {
                QString value = row[c];
                if (c == 8 || c == 9) // checked_in_at, checked_out_at: the site's time, ISO 8601
                    value = siteTime.iso(CentralConnection::timeFrom(value));
                if (c)
                    text += ',';
                text += CsvExport::field(value);
            }
            text += "\r\n";
            if (text.size() > (1 << 20)) {
                hash.addData(text);
                if (out.write(text) != text.size())
                    return Error(Error::Kind::Failed,
                                 tr("The trace could not be written (%1).").arg(out.errorString()));
                text.clear();
            }
        }
        hash.addData(text);
        if (out.write(text) != text.size())
            return Error(Error::Kind::Failed, tr("The trace could not be written (%1).").arg(out.errorString()));
        return qint64(rows->values.size());
    });
    if (!wrote)
        return wrote.error();
    written.rows = wrote.value();
    written.sha256 = hash.result();
    CentralHandedOut::Ask traceAsk = ask;
    traceAsk.caseId = AuditLog::maskedIdNumber(number->text());
    const auto finished = CentralHandedOut::finish(connection, QStringLiteral("trace"), QStringLiteral("*"), traceAsk,
                                                   written.rows, written.sha256);
    if (!finished)
        return finished.error();
    return written;
}
