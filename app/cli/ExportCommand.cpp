// `gatehouse-cli export --from ISO --to ISO --out FILE [--lang en|vi] [--sign KEY]`
// (formats/cli.md, formats/export-csv.md): CSV or XLSX by the file's extension; a thin caller of
// export/ExportRequest.h.
#include "ExportCommand.h"

#include "ExportWindow.h"
#include "LogSession.h"
#include "export/ExportRequest.h"

namespace {
const QCommandLineOption OUT(QStringLiteral("out"), QStringLiteral("The file to write (.csv or .xlsx)."),
                             QStringLiteral("FILE"));
} // namespace

QString ExportCommand::summary() const
{
    return tr("Export the entries that overlap a window, for health officials.");
}

void ExportCommand::addOptions(QCommandLineParser& parser)
{
    parser.addOptions({ExportWindow::From, ExportWindow::To, OUT, ExportWindow::Lang, ExportWindow::Sign});
}

int ExportCommand::run(const QCommandLineParser& parser, CliContext& context)
{
    const auto window = ExportWindow::parse(parser, context);
    if (!window)
        return 2;
    const auto path = ExportWindow::outputPath(parser, OUT, {QStringLiteral(".csv"), QStringLiteral(".xlsx")}, context);
    if (!path)
        return 2;
    ExportRequest request;
    request.language = ExportWindow::language(parser, QStringLiteral("en"));
    auto key = ExportWindow::signingKey(parser, context);
    if (!key)
        return context.fail(key.error());
    request.ask = {*path, window->from, window->to, QStringLiteral("cli"), key.value(), {}, {}};
    auto session = LogSession::open(context);
    if (!session)
        return context.fail(session.error());
    const auto handed = request.run(session.value()->records());
    if (!handed)
        return context.fail(handed.error());
    context.out << tr("%1 entries exported to %2.").arg(handed->rows).arg(*path) << '\n';
    return 0;
}
