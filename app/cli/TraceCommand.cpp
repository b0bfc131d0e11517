// `gatehouse-cli trace --id-number X --from ISO --to ISO --out FILE [--lang en|vi] [--sign KEY]`
// (formats/cli.md): a thin caller of export/TraceRequest.h.
#include "TraceCommand.h"

#include "ExportWindow.h"
#include "LogSession.h"
#include "export/TraceRequest.h"

namespace {
const QCommandLineOption ID_NUMBER(QStringLiteral("id-number"), QStringLiteral("The confirmed case's ID number."),
                                   QStringLiteral("X"));
const QCommandLineOption OUT(QStringLiteral("out"), QStringLiteral("The file to write (.csv)."),
                             QStringLiteral("FILE"));
} // namespace

QString TraceCommand::summary() const
{
    return tr("Everyone whose stay overlapped a stay of a confirmed case, with the minutes.");
}

void TraceCommand::addOptions(QCommandLineParser& parser)
{
    parser.addOptions({ID_NUMBER, ExportWindow::From, ExportWindow::To, OUT, ExportWindow::Lang, ExportWindow::Sign});
}

int TraceCommand::run(const QCommandLineParser& parser, CliContext& context)
{
    if (parser.value(ID_NUMBER).trimmed().isEmpty()) {
        context.err << tr("trace needs --id-number: the confirmed case's ID number.") << Qt::endl;
        return 2;
    }
    const auto window = ExportWindow::parse(parser, context);
    if (!window)
        return 2;
    const auto path = ExportWindow::outputPath(parser, OUT, {QStringLiteral(".csv")}, context);
    if (!path)
        return 2;
    auto key = ExportWindow::signingKey(parser, context);
    if (!key)
        return context.fail(key.error());
    TraceRequest request;
    request.ask = {*path, window->from, window->to, QStringLiteral("cli"), key.value(), {}, {}};
    request.idNumber = parser.value(ID_NUMBER);
    request.language = ExportWindow::language(parser, QStringLiteral("en"));
    auto session = LogSession::open(context);
    if (!session)
        return context.fail(session.error());
    const auto handed = request.run(session.value()->records());
    if (!handed)
        return context.fail(handed.error());
    context.out << tr("%1 contacts written to %2.").arg(handed->rows).arg(*path) << '\n';
    return 0;
}
