// `gatehouse-cli keygen --out DIR` (formats/cli.md): site.pem (private, readable by its owner
// only) and site.pub.pem, as `openssl genpkey -algorithm ed25519` writes them.
#include "KeygenCommand.h"

#include "crypto/Ed25519Key.h"

#include <QDir>
#include <QSaveFile>

namespace {
const QCommandLineOption OUT(QStringLiteral("out"), QStringLiteral("Directory to write site.pem and site.pub.pem to."),
                             QStringLiteral("DIR"));

bool writeFile(const QString& path, const QByteArray& data, QFileDevice::Permissions permissions)
{
    // Written under a temporary name and renamed, so a key file is never half there.
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.setPermissions(permissions) && file.write(data) == data.size() &&
           file.commit();
}
} // namespace

QString KeygenCommand::summary() const
{
    return tr("Make the site's key pair for visitor passes and signed exports.");
}

void KeygenCommand::addOptions(QCommandLineParser& parser)
{
    parser.addOption(OUT);
}

int KeygenCommand::run(const QCommandLineParser& parser, CliContext& context)
{
    if (!parser.isSet(OUT)) {
        context.err << tr("keygen needs --out DIR.") << Qt::endl;
        return 2;
    }
    const QDir dir(parser.value(OUT));
    if (!QDir().mkpath(dir.absolutePath())) {
        context.err << tr("Gatehouse cannot create the folder %1.").arg(dir.absolutePath()) << Qt::endl;
        return 2;
    }
    const QString privatePath = dir.filePath(QStringLiteral("site.pem"));
    const QString publicPath = dir.filePath(QStringLiteral("site.pub.pem"));
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
    if (!writeFile(privatePath, key->privatePem(), QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        !writeFile(publicPath, key->publicPem(),
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                       QFileDevice::ReadOther)) {
        context.err << tr("Gatehouse could not write the key files in %1.").arg(dir.absolutePath()) << Qt::endl;
        return 1;
    }
    context.out << tr("Key %1 written: %2 (keep it secret) and %3 (give it to the kiosks that must trust it).")
                       .arg(key->keyId(), privatePath, publicPath)
                << '\n';
    return 0;
}
