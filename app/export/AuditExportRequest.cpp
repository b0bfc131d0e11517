// "Show me the audit log".
#include "export/AuditExportRequest.h"

#include "crypto/Sha256.h"
#include "export/CsvExport.h"
#include "records/SiteRecords.h"

#include <QIODevice>

Result<OfficialFile::Handed> AuditExportRequest::run(SiteRecords& records) const
{
    const SiteTime siteTime = records.service().site().time();
    return OfficialFile::hand(
        records, QStringLiteral("audit_export"), ask,
        [&](QIODevice& out, Sha256& hash) -> Result<qint64> {
            const auto write = [&](const QByteArray& bytes) -> Result<void> {
                hash.addData(bytes);
                if (out.write(bytes) != bytes.size())
                    return Error(Error::Kind::Failed,
                                 tr("The audit log could not be written (%1).").arg(out.errorString()));
                return {};
            };
            const Result<void> header = write(
                CsvExport::headerRow({QStringLiteral("id"), QStringLiteral("at"), QStringLiteral("actor"),
                                      QStringLiteral("action"), QStringLiteral("details"), QStringLiteral("hash")}));
            if (!header)
                return header.error();
            return records.audit().forEach([&](const AuditLog::Row& row) {
                QByteArray line = CsvExport::field(QString::number(row.id));
                for (const QString& value :
                     {siteTime.iso(row.record.at), row.record.actor, row.record.action, row.record.details, row.hash})
                    line += ',' + CsvExport::field(value);
                return write(line + "\r\n");
            });
        },
        OfficialFile::rows);
}
