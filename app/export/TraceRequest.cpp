// "Who was near this person".
#include "export/TraceRequest.h"

#include "export/ContactTrace.h"
#include "export/OfficialAsk.h"
#include "records/SiteRecords.h"

Result<OfficialFile::Handed> TraceRequest::run(SiteRecords& records) const
{
    const Result<void> asked = OfficialAsk::check(ask.from, ask.to, language);
    if (!asked)
        return asked.error();
    CheckInService& service = records.service();
    auto contacts = ContactTrace::find(records.entries(), service.site(), idNumber, ask.from, ask.to, service.now());
    if (!contacts)
        return contacts.error();
    const QString masked = AuditLog::maskedIdNumber(idNumber);
    OfficialFile::Ask traceAsk = ask;
    traceAsk.caseId = masked;
    return OfficialFile::hand(
        records, QStringLiteral("trace"), traceAsk,
        [&](QIODevice& out, Sha256& hash) {
            return ContactTrace::writeCsv(contacts.value(), out, language, service.site().utcOffsetMinutes, &hash);
        },
        [&masked](qint64 rows) { return QStringLiteral("id_number=%1 rows=%2").arg(masked).arg(rows); });
}
