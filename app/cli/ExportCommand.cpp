// `gatehouse-cli export --from ISO --to ISO --out FILE [--lang en|vi] [--sign KEY]`
// (formats/cli.md, formats/export-csv.md): CSV or XLSX by the file's extension.
#include "ExportCommand.h"

#include "ExportWindow.h"
#include "LogSession.h"
#include "export/EntryExport.h"

namespace {
const QCommandLineOption OUT(QStringLiteral("out"), QStringLiteral("The file to write (.csv or .xlsx)."),
                             QStringLiteral("FILE"));
const QCommandLineOption LANG(QStringLiteral("lang"), QStringLiteral("Header language: en (default) or vi."),
                              QStringLiteral("en|vi"), QStringLiteral("en"));
const QCommandLineOption SIGN(QStringLiteral("sign"), QStringLiteral("Sign with this private key (site.pem)."),
                              QStringLiteral("KEY"));

} // namespace

QString ExportCommand::summary() const
{
    return tr("Export the entries that overlap a window, for health officials.");
}

void ExportCommand::addOptions(QCommandLineParser& parser)
{
    parser.addOptions({ExportWindow::From, ExportWindow::To, OUT, LANG, SIGN});
}

int ExportCommand::run(const QCommandLineParser& parser, CliContext& context)
{
    const auto window = ExportWindow::parse(parser, context);
    if (!window)
        return 2;
    const auto path = ExportWindow::outputPath(parser, OUT, {QStringLiteral(".csv"), QStringLiteral(".xlsx")}, context);
    if (!path)
        return 2;
    const QString language = parser.value(LANG);
    if (language != QLatin1String("en") && language != QLatin1String("vi")) {
        context.err << tr("--lang must be en or vi.") << Qt::endl;
        return 2;
    }
    std::optional<Ed25519Key> key;
    if (parser.isSet(SIGN)) {
        auto loaded = Ed25519Key::load(parser.value(SIGN));
        if (!loaded)
            return context.fail(loaded.error());
        if (!loaded->hasPrivateKey()) {
            context.err
                << tr("%1 is a public key; exports are signed with the private key (site.pem).").arg(parser.value(SIGN))
                << Qt::endl;
            return 2;
        }
        key = loaded.value();
    }
    auto session = LogSession::open(context);
    if (!session)
        return context.fail(session.error());

    // Both formats are written under a temporary name and renamed at the end: an official never
    // finds a partial file that looks complete.
    const auto written = EntryExport::write(session.value()->database(), *path, window->from, window->to, language,
                                            session.value()->service().site().utcOffsetMinutes, key);
    if (!written)
        return context.fail(written.error());
    if (written->sha256.isEmpty())
        context.err << tr("Gatehouse could not read %1 back to record its SHA-256.").arg(*path) << Qt::endl;
    // Who exported what, when: the window, the rows and the file's SHA-256.
    session.value()->recordAction(QStringLiteral("export"),
                                  AuditLog::outputDetails(window->from, window->to,
                                                          QStringLiteral("rows=%1").arg(written->rows), written->sha256,
                                                          *path),
                                  context.err);
    context.out << tr("%1 entries exported to %2.").arg(written->rows).arg(*path) << '\n';
    return 0;
}
