// `gatehouse-cli keygen --out DIR [--purpose pass|export]` (formats/cli.md): a key pair as
// `openssl genpkey -algorithm ed25519` writes them, the private one readable by its owner only:
// site.pem and site.pub.pem for visitor passes, export.pem and export.pub.pem for signing the
// manifests of exports. One key, one purpose: a pass key never vouches for an export.
#include "KeygenCommand.h"

#include "common/FilePrivacy.h"

#include "crypto/Ed25519Key.h"

#include <QDir>

namespace {
const QCommandLineOption OUT(QStringLiteral("out"), QStringLiteral("Directory to write the key pair to."),
                             QStringLiteral("DIR"));
const QCommandLineOption PURPOSE(QStringLiteral("purpose"),
                                 QStringLiteral("pass (site.pem: visitor passes, the default) or export (export.pem: "
                                                "signed exports)."),
                                 QStringLiteral("PURPOSE"), QStringLiteral("pass"));

} // namespace

QString KeygenCommand::summary() const
{
    return tr("Make a key pair: for visitor passes (--purpose pass) or signed exports (--purpose export).");
}

void KeygenCommand::addOptions(QCommandLineParser& parser)
{
    parser.addOptions({OUT, PURPOSE});
}

int KeygenCommand::run(const QCommandLineParser& parser, CliContext& context)
{
    if (!parser.isSet(OUT)) {
        context.err << tr("keygen needs --out DIR.") << Qt::endl;
        return 2;
    }
    const QString purpose = parser.value(PURPOSE);
    if (purpose != QLatin1String("pass") && purpose != QLatin1String("export")) {
        context.err << tr("--purpose must be pass or export.") << Qt::endl;
        return 2;
    }
    const QString stem = purpose == QLatin1String("export") ? QStringLiteral("export") : QStringLiteral("site");
    const QDir dir(parser.value(OUT));
    if (!QDir().mkpath(dir.absolutePath())) {
        context.err << tr("Gatehouse cannot create the folder %1.").arg(dir.absolutePath()) << Qt::endl;
        return 2;
    }
    const QString privatePath = dir.filePath(stem + QStringLiteral(".pem"));
    const QString publicPath = dir.filePath(stem + QStringLiteral(".pub.pem"));
    if (QFileInfo::exists(privatePath)) {
        context.err << tr("%1 already exists; Gatehouse never overwrites a key, since passes signed with it would "
                          "stop working. Choose another folder.")
                           .arg(privatePath)
                    << Qt::endl;
        return 2;
    }
    auto key = Ed25519Key::generate();
    if (!key) {
        context.err << key.error().message() << Qt::endl;
        return 1;
    }
    if (!FilePrivacy::writeWhole(privatePath, key->privatePem(), QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        !FilePrivacy::writeWhole(publicPath, key->publicPem(),
                                 QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                                     QFileDevice::ReadOther)) {
        context.err << tr("Gatehouse could not write the key files in %1.").arg(dir.absolutePath()) << Qt::endl;
        return 1;
    }
    if (purpose == QLatin1String("export"))
        context.out << tr("Export key %1 written: %2 (keep it secret; set [export] signing_key to it) and %3 (give it "
                          "to the health officials who check the exports).")
                           .arg(key->keyId(), privatePath, publicPath)
                    << '\n';
    else
        context.out << tr("Key %1 written: %2 (keep it secret) and %3 (give it to the kiosks that must trust it).")
                           .arg(key->keyId(), privatePath, publicPath)
                    << '\n';
    return 0;
}
