// `gatehouse-cli report --from ISO --to ISO --out FILE.pdf|FILE.csv [--lang en|vi] [--sign KEY]`:
// the tracing-app adoption report for the site's leaders; a thin caller of export/ReportRequest.h,
// with the PDF page drawn by app/report.
#include "ReportCommand.h"

#include "AdoptionReportPdf.h"
#include "ExportWindow.h"
#include "LogSession.h"
#include "common/Translation.h"
#include "export/ReportRequest.h"

#include <QGuiApplication>

namespace {
const QCommandLineOption OUT(QStringLiteral("out"), QStringLiteral("The file to write (.pdf or .csv)."),
                             QStringLiteral("FILE"));
} // namespace

QString ReportCommand::summary() const
{
    return tr("The tracing-app adoption report: entries a day, the share with the app, staff without it.");
}

void ReportCommand::addOptions(QCommandLineParser& parser)
{
    parser.addOptions({ExportWindow::From, ExportWindow::To, OUT, ExportWindow::Lang, ExportWindow::Sign});
}

int ReportCommand::run(const QCommandLineParser& parser, CliContext& context)
{
    const auto window = ExportWindow::parse(parser, context);
    if (!window)
        return 2;
    const auto path = ExportWindow::outputPath(parser, OUT, {QStringLiteral(".pdf"), QStringLiteral(".csv")}, context);
    if (!path)
        return 2;
    ReportRequest request;
    request.language = ExportWindow::language(parser, context.settings.language());
    const bool pdf = path->endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive);
    if (pdf && !qobject_cast<QGuiApplication*>(QCoreApplication::instance())) {
        context.err << tr("The PDF report needs gatehouse-cli's graphical libraries, which did not start.") << Qt::endl;
        return 1;
    }
    auto key = ExportWindow::signingKey(parser, context);
    if (!key)
        return context.fail(key.error());
    request.ask = {*path, window->from, window->to, QStringLiteral("cli"), key.value(), {}, {}};
    const QString siteName = context.settings.siteName();
    request.pdf = [&siteName](const AdoptionReport& report, QIODevice& out, Sha256& hash) {
        return AdoptionReportPdf::write(report, siteName, out, &hash);
    };
    auto session = LogSession::open(context);
    if (!session)
        return context.fail(session.error());
    // The page is drawn in the report's language, whatever the session speaks.
    Translation translation;
    if (pdf)
        (void)translation.apply(request.language);
    const auto made = request.run(session.value()->records());
    if (!made)
        return context.fail(made.error());
    context.out << tr("Adoption report of %1 entries (%2% with the app) written to %3.")
                       .arg(made->total.entries())
                       .arg(AdoptionReport::share(made->total), 0, 'f', 1)
                       .arg(*path)
                << '\n';
    return 0;
}
