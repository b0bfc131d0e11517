// `gatehouse-cli verify-export FILE --pub KEY [--json]` (formats/cli.md, formats/export-csv.md):
// checks the manifest's signature and the file's SHA-256, and prints what the signature vouches
// for as one JSON object; exit 1 when anything does not match.
#include "VerifyExportCommand.h"

#include "common/JsonLine.h"
#include "common/SiteTime.h"
#include "export/ExportManifest.h"

namespace {
const QCommandLineOption PUB(QStringLiteral("pub"), QStringLiteral("The site's public export key (export.pub.pem)."),
                             QStringLiteral("KEY"));
const QCommandLineOption JSON(QStringLiteral("json"), QStringLiteral("Only the JSON object (no sentence)."));
} // namespace

QString VerifyExportCommand::summary() const
{
    return tr("Check a signed export, trace or report, and say what the signature vouches for.");
}

void VerifyExportCommand::addOptions(QCommandLineParser& parser)
{
    parser.addOptions({PUB, JSON});
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 tr("The file; its manifest is FILE.manifest.json, signed in FILE.manifest.json.sig."));
}

int VerifyExportCommand::run(const QCommandLineParser& parser, CliContext& context)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2 || !parser.isSet(PUB)) {
        context.err << tr("Say \"verify-export FILE --pub KEY\".") << Qt::endl;
        return 2;
    }
    auto key = Ed25519Key::load(parser.value(PUB));
    if (!key)
        return context.fail(key.error());
    const auto manifest = ExportManifest::verify(positional[1], key.value());
    if (!manifest)
        return context.fail(manifest.error());
    const SiteTime siteTime(manifest->from.offsetFromUtc() / 60);
    const auto time = [&siteTime](const QDateTime& at) { return siteTime.iso(at); };
    JsonLine vouched;
    vouched.add("purpose", manifest->purpose)
        .add("site", manifest->site)
        .add("entrance", manifest->entrance)
        .add("from", time(manifest->from))
        .add("to", time(manifest->to))
        .add("generated_at", time(manifest->generatedAt))
        .add("rows", manifest->rows)
        .add("file", manifest->file)
        .add("sha256", QString::fromLatin1(manifest->sha256.toHex()))
        .add("signed_by", manifest->signedBy)
        .add("key_id", manifest->keyId);
    if (!manifest->caseId.isEmpty())
        vouched.add("case", manifest->caseId);
    if (!manifest->auditHead.isEmpty())
        vouched.add("audit_head", manifest->auditHead);
    context.out << vouched.toJson() << '\n';
    if (!parser.isSet(JSON))
        context.err << tr("%1 is intact: the %2 of site %3 from %4 to %5, %6 rows, signed by %7 with key %8.")
                           .arg(positional[1], manifest->purpose, manifest->site, time(manifest->from),
                                time(manifest->to))
                           .arg(manifest->rows)
                           .arg(manifest->signedBy, manifest->keyId)
                    << (manifest->caseId.isEmpty()
                            ? QString()
                            : QLatin1Char(' ') +
                                  tr("It is the trace of the case whose ID number ends %1.").arg(manifest->caseId))
                    << Qt::endl;
    return 0;
}
