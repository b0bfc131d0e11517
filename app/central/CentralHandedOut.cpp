// The last steps of a file handed out from the central store.
#include "central/CentralHandedOut.h"

#include "central/CentralConnection.h"
#include "export/ExportManifest.h"

#include <QFileInfo>

Result<QString> CentralHandedOut::finish(CentralConnection& connection, const QString& purpose, const QString& scope,
                                         const Ask& ask, qint64 rows, const QByteArray& sha256)
{
    QString manifestPath;
    if (ask.key) {
        ExportManifest manifest;
        manifest.purpose = purpose;
        manifest.site = scope;
        manifest.from = ask.from;
        manifest.to = ask.to;
        manifest.generatedAt = ask.generatedAt;
        manifest.rows = rows;
        manifest.sha256 = sha256;
        manifest.signedBy = ask.actor;
        manifest.caseId = ask.caseId;
        manifest.utcOffsetMinutes = ask.utcOffsetMinutes;
        const Result<void> signedFile = manifest.writeSigned(ask.path, *ask.key);
        if (!signedFile)
            return signedFile.error();
        manifestPath = ExportManifest::manifestPath(ask.path);
    }
    const auto recorded = connection.exec(QStringLiteral("SELECT gatehouse.hand_out($1, $2, $3, $4, $5, $6, $7, $8)"),
                                          {purpose, scope, CentralConnection::timeParameter(ask.from),
                                           CentralConnection::timeParameter(ask.to), QString::number(rows),
                                           QString::fromLatin1(sha256.toHex()), QFileInfo(ask.path).absoluteFilePath(),
                                           ask.key ? ask.key->keyId() : QString()});
    if (!recorded)
        return Error(Error::Kind::Failed,
                     tr("%1 was written, but the central store could not record that it was handed out: %2")
                         .arg(ask.path, recorded.error().message()));
    return manifestPath;
}
