// "Who was here between these times".
#include "export/ExportRequest.h"

#include "export/CsvExport.h"
#include "export/OfficialAsk.h"
#include "export/XlsxExport.h"
#include "records/SiteRecords.h"

Result<OfficialFile::Handed> ExportRequest::run(SiteRecords& records) const
{
    const Result<void> asked = OfficialAsk::check(ask.from, ask.to, language);
    if (!asked)
        return asked.error();
    const int offset = records.service().site().utcOffsetMinutes;
    if (ask.path.endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive)) {
        return OfficialFile::handFile(
            records, QStringLiteral("export"), ask,
            [&](const QString& path) {
                return XlsxExport::write(records.database(), path, ask.from, ask.to, language, offset);
            },
            OfficialFile::rows);
    }
    return OfficialFile::hand(
        records, QStringLiteral("export"), ask,
        [&](QIODevice& out, Sha256& hash) {
            return CsvExport::write(records.database(), out, ask.from, ask.to, language, offset, &hash);
        },
        OfficialFile::rows);
}
