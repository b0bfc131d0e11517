// An Ed25519 key (RFC 8032) for signing visitor passes and exports: generated, read and written
// as the PEM files `openssl genpkey -algorithm ed25519` makes (PKCS#8 private key,
// SubjectPublicKeyInfo public key). With app/crypto/ the only place that includes OpenSSL.
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <memory>

using EvpKey = struct evp_pkey_st;

class Ed25519Key
{
    Q_DECLARE_TR_FUNCTIONS(Ed25519Key)

public:
    static Result<Ed25519Key> generate();
    // A private or public key from PEM text; anything but Ed25519 is an Error.
    static Result<Ed25519Key> fromPem(const QByteArray& pem);
    static Result<Ed25519Key> load(const QString& path);

    bool hasPrivateKey() const { return m_private; }
    // The raw 32-byte public key (RFC 8032, Section 5.1.5).
    QByteArray publicKey() const;
    // Key id of visitor passes: the first 8 bytes of SHA-256 of the raw public key, as 16
    // lower-case hex digits (formats/visitor-pass.md).
    QString keyId() const;

    QByteArray privatePem() const;
    QByteArray publicPem() const;

    // The 64-byte Ed25519 signature of message; empty without a private key.
    QByteArray sign(const QByteArray& message) const;
    bool verify(const QByteArray& message, const QByteArray& signature) const;

private:
    struct Free
    {
        void operator()(EvpKey* key) const;
    };
    Ed25519Key(EvpKey* key, bool isPrivate);

    std::shared_ptr<EvpKey> m_key;
    bool m_private = false;
};
