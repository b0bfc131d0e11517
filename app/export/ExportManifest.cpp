// What a signature on a file handed to an official vouches for.
#include "export/ExportManifest.h"

#include "common/FilePrivacy.h"
#include "common/SiteTime.h"
#include "crypto/Sha256.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace {
// A manifest is a few hundred bytes; a file this large beside an export is not one.
constexpr qint64 MAX_MANIFEST_BYTES = 64 * 1024;
constexpr qint64 SIGNATURE_BYTES = 64;

Result<void> writeWhole(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(FilePrivacy::filePermissions()) ||
        file.write(bytes) != bytes.size() || !file.commit())
        return Error(Error::Kind::Failed,
                     ExportManifest::tr("Gatehouse could not write %1 (%2).").arg(path, file.errorString()));
    return {};
}
} // namespace

QByteArray ExportManifest::toJson() const
{
    const SiteTime siteTime(utcOffsetMinutes);
    const auto time = [&siteTime](const QDateTime& at) { return siteTime.iso(at); };
    QJsonObject object{{QStringLiteral("purpose"), purpose},
                       {QStringLiteral("site"), site},
                       {QStringLiteral("entrance"), entrance},
                       {QStringLiteral("from"), time(from)},
                       {QStringLiteral("to"), time(to)},
                       {QStringLiteral("generated_at"), time(generatedAt)},
                       {QStringLiteral("rows"), rows},
                       {QStringLiteral("file"), file},
                       {QStringLiteral("sha256"), QString::fromLatin1(sha256.toHex())},
                       {QStringLiteral("key_id"), keyId},
                       {QStringLiteral("signed_by"), signedBy}};
    if (!caseId.isEmpty())
        object.insert(QStringLiteral("case"), caseId);
    if (!auditHead.isEmpty())
        object.insert(QStringLiteral("audit_head"), auditHead);
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

Result<ExportManifest> ExportManifest::fromJson(const QByteArray& json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return Error(Error::Kind::Input, tr("The manifest is not a JSON object."));
    const QJsonObject object = document.object();
    ExportManifest manifest;
    const auto text = [&object](const char* key) { return object.value(QLatin1StringView(key)).toString(); };
    manifest.purpose = text("purpose");
    manifest.site = text("site");
    manifest.entrance = text("entrance");
    manifest.from = QDateTime::fromString(text("from"), Qt::ISODate);
    manifest.to = QDateTime::fromString(text("to"), Qt::ISODate);
    manifest.generatedAt = QDateTime::fromString(text("generated_at"), Qt::ISODate);
    manifest.rows = qint64(object.value(QStringLiteral("rows")).toDouble(-1));
    manifest.file = text("file");
    manifest.sha256 = QByteArray::fromHex(text("sha256").toLatin1());
    manifest.keyId = text("key_id");
    manifest.signedBy = text("signed_by");
    manifest.caseId = text("case");
    manifest.auditHead = text("audit_head");
    if (manifest.purpose.isEmpty() || manifest.sha256.size() != 32 || manifest.rows < 0)
        return Error(Error::Kind::Input, tr("The manifest lacks its purpose, rows or SHA-256."));
    return manifest;
}

Result<void> ExportManifest::writeSigned(const QString& path, const Ed25519Key& key)
{
    if (!key.hasPrivateKey())
        return Error(Error::Kind::Input, tr("Exports are signed with the private export key (export.pem), not a "
                                            "public key."));
    keyId = key.keyId();
    file = QFileInfo(path).fileName();
    const QByteArray json = toJson();
    const QByteArray signature = key.sign(json);
    if (signature.size() != SIGNATURE_BYTES)
        return Error(Error::Kind::Failed, tr("OpenSSL could not sign the manifest of %1.").arg(path));
    const Result<void> manifest = writeWhole(manifestPath(path), json);
    if (!manifest)
        return manifest;
    return writeWhole(signaturePath(path), signature);
}

Result<ExportManifest> ExportManifest::verify(const QString& path, const Ed25519Key& key)
{
    QFile manifestFile(manifestPath(path));
    if (!manifestFile.open(QIODevice::ReadOnly))
        return Error(Error::Kind::Input, tr("There is no manifest %1 beside the file.").arg(manifestPath(path)));
    if (manifestFile.size() > MAX_MANIFEST_BYTES)
        return Error(Error::Kind::Input, tr("%1 is too large to be a manifest.").arg(manifestPath(path)));
    const QByteArray json = manifestFile.readAll();
    QFile signatureFile(signaturePath(path));
    if (!signatureFile.open(QIODevice::ReadOnly))
        return Error(Error::Kind::Input, tr("There is no signature %1 beside the file.").arg(signaturePath(path)));
    if (!key.verify(json, signatureFile.read(SIGNATURE_BYTES + 1)))
        return Error(Error::Kind::Failed, tr("The manifest %1 does not match its signature: it was changed after it "
                                             "was signed, or signed with another key.")
                                              .arg(manifestPath(path)));
    auto manifest = fromJson(json);
    if (!manifest)
        return manifest.error();
    // The file itself, read in blocks (an export can be hundreds of megabytes).
    Sha256 hash;
    if (!hash.addFile(path))
        return Error(Error::Kind::Input, tr("The file %1 cannot be read.").arg(path));
    if (hash.result() != manifest->sha256)
        return Error(Error::Kind::Failed,
                     tr("%1 is not the file the manifest vouches for: its SHA-256 differs (it was changed after it "
                        "was signed, or it is another file).")
                         .arg(path));
    return manifest;
}
