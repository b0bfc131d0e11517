// Signed exports.
#include "export/ExportSignature.h"

#include <QFile>
#include <QSaveFile>

namespace {
// Exports are read whole to be signed; a file this large is not one Gatehouse wrote.
constexpr qint64 MAX_SIGNED_BYTES = qint64(4) * 1024 * 1024 * 1024;
} // namespace

Result<void> ExportSignature::sign(const QString& path, const Ed25519Key& key)
{
    if (!key.hasPrivateKey())
        return Error(Error::Kind::Input,
                     tr("Exports are signed with the site's private key (site.pem), not a public key."));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > MAX_SIGNED_BYTES)
        return Error(Error::Kind::Failed, tr("The export %1 cannot be read to be signed.").arg(path));
    const QByteArray signature = key.sign(file.readAll());
    QSaveFile out(path + QStringLiteral(".sig"));
    if (signature.isEmpty() || !out.open(QIODevice::WriteOnly) || out.write(signature) != signature.size() ||
        !out.commit())
        return Error(Error::Kind::Failed, tr("The signature %1.sig could not be written.").arg(path));
    return {};
}

Result<void> ExportSignature::verify(const QString& path, const Ed25519Key& key)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(Error::Kind::Input, tr("The export %1 cannot be read.").arg(path));
    QFile signatureFile(path + QStringLiteral(".sig"));
    if (!signatureFile.open(QIODevice::ReadOnly))
        return Error(Error::Kind::Input, tr("There is no signature %1.sig beside the export.").arg(path));
    if (file.size() > MAX_SIGNED_BYTES)
        return Error(Error::Kind::Input, tr("The export %1 is too large to be one Gatehouse signed.").arg(path));
    if (!key.verify(file.readAll(), signatureFile.read(128)))
        return Error(Error::Kind::Failed, tr("The export %1 does not match its signature: it was changed after it was "
                                             "signed, or signed with another key.")
                                              .arg(path));
    return {};
}
