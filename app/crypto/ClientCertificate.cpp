// A kiosk's TLS client certificate, through OpenSSL 3 (EVP_EC_gen, X509_sign; the steps of the
// `openssl req -new` + `openssl x509 -req -CA` pair, see the OpenSSL manual pages x509v3_config
// for the extensions).
#include "crypto/ClientCertificate.h"

#include "common/FilePrivacy.h"

#include <QFile>
#include <QFileInfo>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace {
using Bio = std::unique_ptr<BIO, decltype(&BIO_free)>;
using Key = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using Certificate = std::unique_ptr<X509, decltype(&X509_free)>;
using Extension = std::unique_ptr<X509_EXTENSION, decltype(&X509_EXTENSION_free)>;

Bio memory(const QByteArray& bytes)
{
    return Bio(BIO_new_mem_buf(bytes.constData(), int(bytes.size())), &BIO_free);
}

QByteArray contents(BIO* bio)
{
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, size);
}

bool addExtension(X509* certificate, X509V3_CTX* context, int nid, const char* value)
{
    Extension extension(X509V3_EXT_conf_nid(nullptr, context, nid, value), &X509_EXTENSION_free);
    return extension && X509_add_ext(certificate, extension.get(), -1) == 1;
}
} // namespace

Result<ClientCertificate::Issued> ClientCertificate::issue(const QString& commonName, const QByteArray& caKeyPem,
                                                           const QByteArray& caCertificatePem, int validDays)
{
    const auto failed = [&](const QString& step) {
        return Error(Error::Kind::Failed, tr("The certificate for %1 could not be made (%2).").arg(commonName, step));
    };
    Bio caKeyBio = memory(caKeyPem);
    Key caKey(PEM_read_bio_PrivateKey(caKeyBio.get(), nullptr, nullptr, nullptr), &EVP_PKEY_free);
    if (!caKey)
        return Error(Error::Kind::Input, tr("The CA key is not a PEM private key (or it is encrypted)."));
    Bio caCertificateBio = memory(caCertificatePem);
    Certificate ca(PEM_read_bio_X509(caCertificateBio.get(), nullptr, nullptr, nullptr), &X509_free);
    if (!ca)
        return Error(Error::Kind::Input, tr("The CA certificate is not a PEM certificate."));
    if (X509_check_private_key(ca.get(), caKey.get()) != 1)
        return Error(Error::Kind::Input, tr("The CA key does not belong to the CA certificate."));

    Key key(EVP_EC_gen("P-256"), &EVP_PKEY_free);
    if (!key)
        return failed(QStringLiteral("key"));
    Certificate certificate(X509_new(), &X509_free);
    unsigned char serial[16];
    if (!certificate || RAND_bytes(serial, sizeof serial) != 1)
        return failed(QStringLiteral("serial"));
    serial[0] &= 0x7f; // a positive serial number (RFC 5280, 4.1.2.2)
    std::unique_ptr<BIGNUM, decltype(&BN_free)> number(BN_bin2bn(serial, sizeof serial, nullptr), &BN_free);
    const QByteArray name = commonName.toUtf8();
    X509_NAME* subject = X509_get_subject_name(certificate.get());
    if (!number || X509_set_version(certificate.get(), X509_VERSION_3) != 1 ||
        !BN_to_ASN1_INTEGER(number.get(), X509_get_serialNumber(certificate.get())) ||
        !X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -3600) ||
        !X509_gmtime_adj(X509_getm_notAfter(certificate.get()), long(validDays) * 86400) ||
        X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char*>(name.constData()), int(name.size()), -1,
                                   0) != 1 ||
        X509_set_issuer_name(certificate.get(), X509_get_subject_name(ca.get())) != 1 ||
        X509_set_pubkey(certificate.get(), key.get()) != 1)
        return failed(QStringLiteral("fields"));
    X509V3_CTX context;
    X509V3_set_ctx(&context, ca.get(), certificate.get(), nullptr, nullptr, 0);
    if (!addExtension(certificate.get(), &context, NID_basic_constraints, "critical,CA:FALSE") ||
        !addExtension(certificate.get(), &context, NID_key_usage, "critical,digitalSignature,keyAgreement") ||
        !addExtension(certificate.get(), &context, NID_ext_key_usage, "clientAuth") ||
        !addExtension(certificate.get(), &context, NID_subject_key_identifier, "hash") ||
        !addExtension(certificate.get(), &context, NID_authority_key_identifier, "keyid"))
        return failed(QStringLiteral("extensions"));
    // SHA-256 for RSA and EC CAs; Ed25519 and Ed448 sign without a separate digest.
    const int type = EVP_PKEY_get_base_id(caKey.get());
    const EVP_MD* digest = (type == EVP_PKEY_ED25519 || type == EVP_PKEY_ED448) ? nullptr : EVP_sha256();
    if (X509_sign(certificate.get(), caKey.get(), digest) <= 0)
        return failed(QStringLiteral("signature"));

    Bio keyOut(BIO_new(BIO_s_mem()), &BIO_free);
    Bio certificateOut(BIO_new(BIO_s_mem()), &BIO_free);
    if (!keyOut || !certificateOut ||
        PEM_write_bio_PrivateKey(keyOut.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1 ||
        PEM_write_bio_X509(certificateOut.get(), certificate.get()) != 1)
        return failed(QStringLiteral("PEM"));
    return Issued{contents(keyOut.get()), contents(certificateOut.get())};
}

Result<void> ClientCertificate::issue(const QString& commonName, const QString& caKeyPath,
                                      const QString& caCertificatePath, const QString& keyPath,
                                      const QString& certificatePath)
{
    QFile caKey(caKeyPath);
    QFile caCertificate(caCertificatePath);
    if (!caKey.open(QIODevice::ReadOnly))
        return Error(Error::Kind::Input, tr("The CA key %1 cannot be read.").arg(caKeyPath));
    if (!caCertificate.open(QIODevice::ReadOnly))
        return Error(Error::Kind::Input, tr("The CA certificate %1 cannot be read.").arg(caCertificatePath));
    const auto issued = issue(commonName, caKey.read(64 * 1024), caCertificate.read(64 * 1024));
    if (!issued)
        return issued.error();
    if (QFile::exists(keyPath))
        return Error(Error::Kind::Usage, tr("%1 already exists; Gatehouse never overwrites a key. Choose another "
                                            "folder.")
                                             .arg(keyPath));
    if (!FilePrivacy::makeFolder(QFileInfo(keyPath).absolutePath()) ||
        !FilePrivacy::writeWhole(keyPath, issued->keyPem, QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        !FilePrivacy::writeWhole(certificatePath, issued->certificatePem,
                                 QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                                     QFileDevice::ReadOther))
        return Error(
            Error::Kind::Failed,
            tr("The kiosk's key and certificate could not be written to %1.").arg(QFileInfo(keyPath).absolutePath()));
    return {};
}
