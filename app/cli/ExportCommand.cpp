// `gatehouse-cli export --from ISO --to ISO --out FILE [--lang en|vi] [--sign KEY]`
// (formats/cli.md, formats/export-csv.md): CSV or XLSX by the file's extension.
#include "ExportCommand.h"

#include "ExportWindow.h"
#include "LogSession.h"
#include "OutputFile.h"
#include "crypto/Sha256.h"
#include "export/CsvExport.h"
#include "export/ExportSignature.h"
#include "export/XlsxExport.h"

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
    Sha256 hash;
    const bool workbook = path->endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive);
    const int offset = session.value()->service().site().utcOffsetMinutes;
    auto rows = workbook
                    ? XlsxExport::write(session.value()->database(), *path, window->from, window->to, language, offset)
                    : OutputFile::write(*path, [&](QIODevice& file) {
                          return CsvExport::write(session.value()->database(), file, window->from, window->to, language,
                                                  offset, &hash);
                      });
    if (!rows)
        return context.fail(rows.error());
    // A workbook is a zip written by libxlsxwriter: hashed once it is complete.
    if (workbook && !hash.addFile(*path))
        context.err << tr("Gatehouse could not read %1 back to record its SHA-256.").arg(*path) << Qt::endl;
    if (key) {
        const Result<void> signedFile = ExportSignature::sign(*path, *key);
        if (!signedFile)
            return context.fail(signedFile.error());
    }
    // Who exported what, when: the window, the rows and the file's SHA-256.
    session.value()->recordAction(QStringLiteral("export"),
                                  QStringLiteral("%1 rows=%2 sha256=%3 file=%4")
                                      .arg(window->auditText())
                                      .arg(rows.value())
                                      .arg(QString::fromLatin1(hash.result().toHex()), *path),
                                  context.err);
    context.out << tr("%1 entries exported to %2.").arg(rows.value()).arg(*path) << '\n';
    return 0;
}
