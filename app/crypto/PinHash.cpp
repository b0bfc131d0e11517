// A receptionist's PIN as it is stored.
//
// scrypt's parameters follow the OpenSSL manual page EVP_KDF-SCRYPT and RFC 7914 section 2:
// N = 2^15, r = 8, p = 1 takes 32 MiB and about a tenth of a second, so that a stolen database
// costs an attacker that much for each of the million 6-digit PINs, per account (salted).
#include "crypto/PinHash.h"

#include <QList>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include <memory>

namespace {
constexpr int LOG2_N = 15;
constexpr int R = 8;
constexpr int P = 1;
constexpr int SALT_BYTES = 16;
constexpr int HASH_BYTES = 32;
// scrypt needs 128 * N * r bytes (RFC 7914 section 5) and a little more: OpenSSL's default limit
// of 32 MiB is just short of N = 2^15, r = 8.
constexpr quint64 MAX_MEMORY = 64ull * 1024 * 1024;
const QByteArray SCHEME = QByteArrayLiteral("scrypt");

using KdfContext = std::unique_ptr<EVP_KDF_CTX, decltype(&EVP_KDF_CTX_free)>;

// scrypt(pin, salt) with the given parameters; empty when OpenSSL refuses.
QByteArray derive(const QByteArray& pin, const QByteArray& salt, int log2N, int r, int p, int bytes)
{
    EVP_KDF* kdf = EVP_KDF_fetch(nullptr, "SCRYPT", nullptr);
    if (!kdf)
        return {};
    KdfContext context(EVP_KDF_CTX_new(kdf), EVP_KDF_CTX_free);
    EVP_KDF_free(kdf);
    if (!context)
        return {};
    uint64_t n = uint64_t(1) << log2N;
    uint32_t blockSize = uint32_t(r);
    uint32_t parallel = uint32_t(p);
    uint64_t maxMemory = MAX_MEMORY;
    QByteArray password = pin;
    QByteArray saltCopy = salt;
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_PASSWORD, password.data(), size_t(password.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, saltCopy.data(), size_t(saltCopy.size())),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_N, &n),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_R, &blockSize),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_P, &parallel),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_MAXMEM, &maxMemory),
        OSSL_PARAM_construct_end(),
    };
    QByteArray key(bytes, '\0');
    const bool ok =
        EVP_KDF_derive(context.get(), reinterpret_cast<unsigned char*>(key.data()), size_t(key.size()), params) == 1;
    OPENSSL_cleanse(password.data(), size_t(password.size()));
    return ok ? key : QByteArray();
}
} // namespace

Result<QByteArray> PinHash::make(const QString& pin)
{
    QByteArray salt(SALT_BYTES, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(salt.data()), SALT_BYTES) != 1)
        return Error(Error::Kind::Failed, tr("OpenSSL could not make a random salt for the PIN."));
    QByteArray utf8 = pin.toUtf8();
    const QByteArray hash = derive(utf8, salt, LOG2_N, R, P, HASH_BYTES);
    OPENSSL_cleanse(utf8.data(), size_t(utf8.size()));
    if (hash.isEmpty())
        return Error(Error::Kind::Failed, tr("OpenSSL could not hash the PIN (scrypt)."));
    const QByteArray stored = SCHEME + '$' + QByteArray::number(LOG2_N) + '$' + QByteArray::number(R) + '$' +
                              QByteArray::number(P) + '$' + salt.toBase64() + '$' + hash.toBase64();
    return stored;
}

bool PinHash::matches(const QByteArray& stored, const QString& pin)
{
    const QList<QByteArray> parts = stored.split('$');
    if (parts.size() != 6 || parts[0] != SCHEME)
        return false;
    bool ok[3] = {};
    const int log2N = parts[1].toInt(&ok[0]);
    const int r = parts[2].toInt(&ok[1]);
    const int p = parts[3].toInt(&ok[2]);
    const QByteArray salt = QByteArray::fromBase64(parts[4]);
    const QByteArray expected = QByteArray::fromBase64(parts[5]);
    // Bounds keep a damaged row from asking for terabytes.
    if (!ok[0] || !ok[1] || !ok[2] || log2N < 10 || log2N > 20 || r < 1 || r > 32 || p < 1 || p > 4 || salt.isEmpty() ||
        expected.size() < 16 || expected.size() > 64)
        return false;
    QByteArray utf8 = pin.toUtf8();
    const QByteArray actual = derive(utf8, salt, log2N, r, p, int(expected.size()));
    OPENSSL_cleanse(utf8.data(), size_t(utf8.size()));
    return actual.size() == expected.size() &&
           CRYPTO_memcmp(actual.constData(), expected.constData(), size_t(expected.size())) == 0;
}
