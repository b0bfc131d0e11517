// An Ed25519 key, through OpenSSL 3's EVP interface (EVP_PKEY_ED25519, one-shot
// EVP_DigestSign/EVP_DigestVerify as the OpenSSL manual page EVP_SIGNATURE-ED25519 describes).
#include "crypto/Ed25519Key.h"

#include <QCryptographicHash>
#include <QFile>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

namespace {
using Bio = std::unique_ptr<BIO, decltype(&BIO_free)>;
using DigestContext = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;
constexpr int SIGNATURE_BYTES = 64;
constexpr int PUBLIC_KEY_BYTES = 32;

QByteArray bioContents(BIO* bio)
{
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, size);
}
} // namespace

void Ed25519Key::Free::operator()(EvpKey* key) const
{
    EVP_PKEY_free(key);
}

Ed25519Key::Ed25519Key(EvpKey* key, bool isPrivate) : m_key(key, Free()), m_private(isPrivate) {}

Result<Ed25519Key> Ed25519Key::generate()
{
    EVP_PKEY* key = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
    if (!key)
        return Error(Error::Kind::Failed, tr("OpenSSL could not make an Ed25519 key."));
    return Ed25519Key(key, true);
}

Result<Ed25519Key> Ed25519Key::fromPem(const QByteArray& pem)
{
    const auto wrongKind = [] { return Error(Error::Kind::Input, tr("The key is not an Ed25519 key in PEM form.")); };
    {
        Bio bio(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())), BIO_free);
        if (EVP_PKEY* key = PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr)) {
            if (EVP_PKEY_get_id(key) != EVP_PKEY_ED25519) {
                EVP_PKEY_free(key);
                return wrongKind();
            }
            return Ed25519Key(key, true);
        }
    }
    Bio bio(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())), BIO_free);
    EVP_PKEY* key = PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr);
    if (!key)
        return wrongKind();
    if (EVP_PKEY_get_id(key) != EVP_PKEY_ED25519) {
        EVP_PKEY_free(key);
        return wrongKind();
    }
    return Ed25519Key(key, false);
}

Result<Ed25519Key> Ed25519Key::load(const QString& path)
{
    QFile file(path);
    if (!file.exists())
        return Error(Error::Kind::Input, tr("The key file %1 does not exist.").arg(path));
    // A key file is a few hundred bytes; refuse to read a large file that cannot be one.
    if (file.size() > 64 * 1024 || !file.open(QIODevice::ReadOnly))
        return Error(Error::Kind::Input, tr("The key file %1 cannot be read as a key.").arg(path));
    auto key = fromPem(file.readAll());
    if (!key)
        return Error(Error::Kind::Input, tr("The key file %1 is not an Ed25519 key in PEM form.").arg(path));
    return key;
}

QByteArray Ed25519Key::publicKey() const
{
    QByteArray raw(PUBLIC_KEY_BYTES, Qt::Uninitialized);
    size_t size = static_cast<size_t>(raw.size());
    if (EVP_PKEY_get_raw_public_key(m_key.get(), reinterpret_cast<unsigned char*>(raw.data()), &size) != 1)
        return QByteArray();
    raw.truncate(static_cast<qsizetype>(size));
    return raw;
}

QString Ed25519Key::keyId() const
{
    return QString::fromLatin1(QCryptographicHash::hash(publicKey(), QCryptographicHash::Sha256).left(8).toHex());
}

QByteArray Ed25519Key::privatePem() const
{
    if (!m_private)
        return QByteArray();
    Bio bio(BIO_new(BIO_s_mem()), BIO_free);
    if (PEM_write_bio_PrivateKey(bio.get(), m_key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return QByteArray();
    return bioContents(bio.get());
}

QByteArray Ed25519Key::publicPem() const
{
    Bio bio(BIO_new(BIO_s_mem()), BIO_free);
    if (PEM_write_bio_PUBKEY(bio.get(), m_key.get()) != 1)
        return QByteArray();
    return bioContents(bio.get());
}

QByteArray Ed25519Key::sign(const QByteArray& message) const
{
    if (!m_private)
        return QByteArray();
    DigestContext context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    QByteArray signature(SIGNATURE_BYTES, Qt::Uninitialized);
    size_t size = static_cast<size_t>(signature.size());
    // Ed25519 hashes internally: no digest is named (EVP_SIGNATURE-ED25519(7)).
    if (!context || EVP_DigestSignInit(context.get(), nullptr, nullptr, nullptr, m_key.get()) != 1 ||
        EVP_DigestSign(context.get(), reinterpret_cast<unsigned char*>(signature.data()), &size,
                       reinterpret_cast<const unsigned char*>(message.constData()),
                       static_cast<size_t>(message.size())) != 1) {
        return QByteArray();
    }
    signature.truncate(static_cast<qsizetype>(size));
    return signature;
}

bool Ed25519Key::verify(const QByteArray& message, const QByteArray& signature) const
{
    if (signature.size() != SIGNATURE_BYTES)
        return false;
    DigestContext context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    return context && EVP_DigestVerifyInit(context.get(), nullptr, nullptr, nullptr, m_key.get()) == 1 &&
           EVP_DigestVerify(context.get(), reinterpret_cast<const unsigned char*>(signature.constData()),
                            static_cast<size_t>(signature.size()),
                            reinterpret_cast<const unsigned char*>(message.constData()),
                            static_cast<size_t>(message.size())) == 1;
}
