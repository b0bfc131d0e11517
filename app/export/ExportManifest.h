// What a signature on a file handed to an official vouches for (formats/export-csv.md): not only
// the file's bytes but the request that made it. FILE.manifest.json holds purpose (export, trace,
// report), site, entrance, the window (from, to), generated_at, rows, the file's name and SHA-256,
// the key's id and who signed (the account, or "cli"), and for a trace whose trace it is (case); FILE.manifest.json.sig
// the raw 64-byte Ed25519 signature (RFC 8032) of the manifest's bytes, made with an export key (never a pass key). An
// official checks it with plain OpenSSL:
//   openssl pkeyutl -verify -pubin -inkey export.pub.pem -rawin -in FILE.manifest.json
//       -sigfile FILE.manifest.json.sig   (one command)
// then compares `sha256sum FILE` with the manifest's sha256.
#pragma once

#include "common/Result.h"
#include "crypto/Ed25519Key.h"

#include <QCoreApplication>
#include <QDateTime>

class ExportManifest
{
    Q_DECLARE_TR_FUNCTIONS(ExportManifest)

public:
    QString purpose;
    QString site;
    QString entrance;
    QDateTime from;
    QDateTime to;
    QDateTime generatedAt;
    qint64 rows = 0;
    QString file; // the file's name, without its folder
    QByteArray sha256;
    QString keyId;
    QString signedBy;
    // Whose trace it is (issue 24): a trace's case, its ID number as the audit log names it ("…260",
    // AuditLog::maskedIdNumber), so that the file, its manifest and the audit row are matched
    // without the number in full; written as "case", and only for a trace.
    QString caseId;
    // The site's audit chain as it stood when the file was handed out, "ID:HASH" of its newest row
    // (storage/AuditLog.h: Head), written as "audit_head" (issue 24): an anchor outside the kiosk
    // that `audit verify --anchor` holds the log to, so that rows removed later are found.
    QString auditHead;
    int utcOffsetMinutes = 7 * 60; // the site's, for the times written

    static QString manifestPath(const QString& file) { return file + QStringLiteral(".manifest.json"); }
    static QString signaturePath(const QString& file) { return manifestPath(file) + QStringLiteral(".sig"); }

    // The manifest as written: one JSON object, UTF-8, with a line end.
    QByteArray toJson() const;
    [[nodiscard]] static Result<ExportManifest> fromJson(const QByteArray& json);

    // Writes FILE.manifest.json and its signature beside file (each whole or not at all, private);
    // keyId is taken from key.
    [[nodiscard]] Result<void> writeSigned(const QString& file, const Ed25519Key& key);
    // Checks FILE.manifest.json's signature with key, then that file's SHA-256 is the manifest's:
    // what was vouched for, or an Error that says what does not match (kind Failed).
    [[nodiscard]] static Result<ExportManifest> verify(const QString& file, const Ed25519Key& key);
};
