// `gatehouse-cli export --from ISO --to ISO --out FILE [--lang en|vi] [--sign KEY]`
// (formats/cli.md, formats/export-csv.md).
#include "ExportCommand.h"

#include "LogSession.h"
#include "crypto/Sha256.h"
#include "export/CsvExport.h"
#include "export/ExportSignature.h"

#include <QFile>
#include <QSaveFile>

namespace {
const QCommandLineOption FROM(QStringLiteral("from"), QStringLiteral("Start of the window (ISO 8601)."),
                              QStringLiteral("ISO"));
const QCommandLineOption TO(QStringLiteral("to"), QStringLiteral("End of the window (ISO 8601)."),
                            QStringLiteral("ISO"));
const QCommandLineOption OUT(QStringLiteral("out"), QStringLiteral("The file to write (.csv)."),
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
    parser.addOptions({FROM, TO, OUT, LANG, SIGN});
}

int ExportCommand::run(const QCommandLineParser& parser, CliContext& context)
{
    const QDateTime from = QDateTime::fromString(parser.value(FROM), Qt::ISODate);
    const QDateTime to = QDateTime::fromString(parser.value(TO), Qt::ISODate);
    if (!from.isValid() || !to.isValid()) {
        context.err << tr("export needs --from and --to in ISO 8601, such as 2020-08-01T00:00:00+07:00.") << Qt::endl;
        return 2;
    }
    if (from >= to) {
        context.err << tr("--from must be before --to.") << Qt::endl;
        return 2;
    }
    const QString path = parser.value(OUT);
    if (!path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)) {
        context.err << tr("This Gatehouse writes CSV exports: name the file with .csv.") << Qt::endl;
        return 2;
    }
    if (parser.value(LANG) != QLatin1String("en") && parser.value(LANG) != QLatin1String("vi")) {
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

    // Written under a temporary name and renamed at the end: an official never finds a partial
    // file that looks complete.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        context.err << tr("Gatehouse cannot write %1 (%2).").arg(path, file.errorString()) << Qt::endl;
        return 2;
    }
    Sha256 hash;
    auto rows = CsvExport::write(session.value()->database(), file, from, to, parser.value(LANG),
                                 session.value()->service().site().utcOffsetMinutes, &hash);
    if (!rows) {
        file.cancelWriting();
        return context.fail(rows.error());
    }
    if (!file.commit()) {
        context.err << tr("Gatehouse could not finish %1 (%2).").arg(path, file.errorString()) << Qt::endl;
        return 1;
    }
    if (key) {
        const Result<void> signedFile = ExportSignature::sign(path, *key);
        if (!signedFile)
            return context.fail(signedFile.error());
    }
    // Who exported what, when: the window, the rows and the file's SHA-256.
    const Result<void> audited = session.value()->audit().append(
        {session.value()->clock().now(), QStringLiteral("cli"), QStringLiteral("export"),
         QStringLiteral("from=%1 to=%2 rows=%3 sha256=%4 file=%5")
             .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate))
             .arg(rows.value())
             .arg(QString::fromLatin1(hash.result().toHex()), path)});
    if (!audited)
        context.err << audited.error().message() << Qt::endl;
    context.out << tr("%1 entries exported to %2.").arg(rows.value()).arg(path) << '\n';
    return 0;
}
