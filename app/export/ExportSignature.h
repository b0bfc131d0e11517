// Signed exports: FILE.sig holds the raw 64-byte Ed25519 signature (RFC 8032) of FILE's bytes,
// made with the site key, so an official can check with Gatehouse or with plain OpenSSL:
// `openssl pkeyutl -verify -pubin -inkey site.pub.pem -rawin -in FILE -sigfile FILE.sig`.
#pragma once

#include "crypto/Ed25519Key.h"

#include <QCoreApplication>

class ExportSignature
{
    Q_DECLARE_TR_FUNCTIONS(ExportSignature)

public:
    // Signs the file at path, writing path + ".sig" (atomically).
    [[nodiscard]] static Result<void> sign(const QString& path, const Ed25519Key& key);
    // Checks path against path + ".sig": ok, or an Error that says what does not match.
    [[nodiscard]] static Result<void> verify(const QString& path, const Ed25519Key& key);
};
