// A receptionist's PIN as it is stored: never the PIN, only a salted scrypt hash of it (RFC 7914,
// through OpenSSL 3's EVP_KDF "SCRYPT"), in one self-describing text
// "scrypt$<log2 N>$<r>$<p>$<salt, base64>$<hash, base64>" so that stronger parameters can come
// later without breaking the hashes already stored.
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

class PinHash
{
    Q_DECLARE_TR_FUNCTIONS(PinHash)

public:
    // A new hash of pin with a fresh random salt.
    [[nodiscard]] static Result<QByteArray> make(const QString& pin);
    // Whether pin hashes to stored. The hashes are compared in constant time (CRYPTO_memcmp); a
    // stored text that cannot be read never matches.
    static bool matches(const QByteArray& stored, const QString& pin);
};
