// The last steps of a file handed out from the central store.
#include "central/CentralHandedOut.h"

#include "central/CentralConnection.h"

#include <QFileInfo>

Result<QString> CentralHandedOut::finish(CentralConnection& connection, ExportManifest manifest, const QString& path,
                                         const std::optional<Ed25519Key>& key)
{
    QString manifestPath;
    if (key) {
        const Result<void> signedFile = manifest.writeSigned(path, *key);
        if (!signedFile)
            return signedFile.error();
        manifestPath = ExportManifest::manifestPath(path);
    }
    const auto recorded =
        connection.exec(QStringLiteral("SELECT gatehouse.hand_out($1, $2, $3, $4, $5, $6, $7, $8)"),
                        {manifest.purpose, manifest.site, CentralConnection::timeParameter(manifest.from),
                         CentralConnection::timeParameter(manifest.to), QString::number(manifest.rows),
                         QString::fromLatin1(manifest.sha256.toHex()), QFileInfo(path).absoluteFilePath(),
                         key ? key->keyId() : QString()});
    if (!recorded)
        return Error(Error::Kind::Failed,
                     tr("%1 was written, but the central store could not record that it was handed out: %2")
                         .arg(path, recorded.error().message()));
    return manifestPath;
}
