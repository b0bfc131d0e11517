// `gatehouse-cli report --from ISO --to ISO --out FILE.pdf|FILE.csv [--lang en|vi]`: the
// tracing-app adoption report (export/AdoptionReport.h), for the site's leaders.
#include "ReportCommand.h"

#include "AdoptionReportPdf.h"
#include "ExportWindow.h"
#include "LogSession.h"
#include "common/Translation.h"
#include "crypto/Sha256.h"
#include "export/AdoptionReport.h"
#include "export/OutputFile.h"

#include <QApplication>

namespace {
const QCommandLineOption OUT(QStringLiteral("out"), QStringLiteral("The file to write (.pdf or .csv)."),
                             QStringLiteral("FILE"));
const QCommandLineOption LANG(QStringLiteral("lang"),
                              QStringLiteral("Language of the report: vi or en (default: the site's language)."),
                              QStringLiteral("vi|en"));
} // namespace

QString ReportCommand::summary() const
{
    return tr("The tracing-app adoption report: entries a day, the share with the app, staff without it.");
}

void ReportCommand::addOptions(QCommandLineParser& parser)
{
    parser.addOptions({ExportWindow::From, ExportWindow::To, OUT, LANG});
}

int ReportCommand::run(const QCommandLineParser& parser, CliContext& context)
{
    const auto window = ExportWindow::parse(parser, context);
    if (!window)
        return 2;
    const auto path = ExportWindow::outputPath(parser, OUT, {QStringLiteral(".pdf"), QStringLiteral(".csv")}, context);
    if (!path)
        return 2;
    const QString language = parser.isSet(LANG) ? parser.value(LANG) : context.settings.language();
    if (!Translation::languages().contains(language)) {
        context.err << tr("--lang must be vi or en.") << Qt::endl;
        return 2;
    }
    const bool pdf = path->endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive);
    if (pdf && !qobject_cast<QApplication*>(QCoreApplication::instance())) {
        context.err << tr("The PDF report needs gatehouse-cli's graphical libraries, which did not start.") << Qt::endl;
        return 1;
    }
    auto session = LogSession::open(context);
    if (!session)
        return context.fail(session.error());
    const auto report = AdoptionReport::compute(session.value()->database(), window->from, window->to,
                                                session.value()->service().site().utcOffsetMinutes);
    if (!report)
        return context.fail(report.error());

    // The page is drawn in the report's language, whatever the session speaks.
    Translation translation;
    if (pdf)
        (void)translation.apply(language);
    Sha256 hash;
    auto written = OutputFile::write(*path, [&](QIODevice& file) -> Result<qint64> {
        if (!pdf)
            return report->writeCsv(file, language, &hash);
        const Result<void> drawn = AdoptionReportPdf::write(report.value(), context.settings.siteName(), file, &hash);
        if (!drawn)
            return drawn.error();
        return qint64(report->days().size() + report->staffWithoutApp().size());
    });
    if (!written)
        return context.fail(written.error());
    const AdoptionReport::Day total = report->total();
    session.value()->recordAction(
        QStringLiteral("report"),
        AuditLog::outputDetails(window->from, window->to, report->auditCounts(), hash.result(), *path), context.err);
    context.out << tr("Adoption report of %1 entries (%2% with the app) written to %3.")
                       .arg(total.entries())
                       .arg(AdoptionReport::share(total), 0, 'f', 1)
                       .arg(*path)
                << '\n';
    return 0;
}
