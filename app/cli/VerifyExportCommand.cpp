// `gatehouse-cli verify-export FILE --pub KEY` (formats/cli.md).
#include "VerifyExportCommand.h"

#include "export/ExportSignature.h"

namespace {
const QCommandLineOption PUB(QStringLiteral("pub"), QStringLiteral("The site's public key (site.pub.pem)."),
                             QStringLiteral("KEY"));
} // namespace

QString VerifyExportCommand::summary() const
{
    return tr("Check that a signed export is exactly what the site signed.");
}

void VerifyExportCommand::addOptions(QCommandLineParser& parser)
{
    parser.addOption(PUB);
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("The export; its signature is FILE.sig."));
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
    const Result<void> verified = ExportSignature::verify(positional[1], key.value());
    if (!verified)
        return context.fail(verified.error());
    context.out << tr("%1 is intact and signed by key %2.").arg(positional[1], key->keyId()) << '\n';
    return 0;
}
