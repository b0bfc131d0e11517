// "How many of our staff and visitors run the app".
#include "export/ReportRequest.h"

#include "export/OfficialAsk.h"
#include "records/SiteRecords.h"

Result<ReportRequest::Made> ReportRequest::run(SiteRecords& records) const
{
    const Result<void> asked = OfficialAsk::check(ask.from, ask.to, language);
    if (!asked)
        return asked.error();
    auto report =
        AdoptionReport::compute(records.database(), ask.from, ask.to, records.service().site().utcOffsetMinutes);
    if (!report)
        return report.error();
    const bool asPdf = ask.path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive);
    if (asPdf && !pdf)
        return Error(Error::Kind::Usage, tr("This program cannot draw the PDF report; ask for a .csv file."));
    const qint64 rows = qint64(report->days().size() + report->staffWithoutApp().size());
    auto handed = OfficialFile::hand(
        records, QStringLiteral("report"), ask,
        [&](QIODevice& out, Sha256& hash) -> Result<qint64> {
            if (!asPdf)
                return report->writeCsv(out, language, &hash);
            const Result<void> drawn = pdf(report.value(), out, hash);
            if (!drawn)
                return drawn.error();
            return rows;
        },
        [&report](qint64) { return report->auditCounts(); });
    if (!handed)
        return handed.error();
    return Made{handed.value(), report->total()};
}
