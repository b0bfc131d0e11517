// The reception desk's TLS, from the site's files.
#include "crypto/DeskTls.h"

#include "common/FilePrivacy.h"
#include "common/Settings.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>

namespace {
// Whether keyPem is the private key of certificatePem (OpenSSL's X509_check_private_key: Qt has
// no such question, and would only fail the first handshake with a sentence nobody reads).
bool belongs(const QByteArray& keyPem, const QByteArray& certificatePem)
{
    using Bio = std::unique_ptr<BIO, decltype(&BIO_free)>;
    Bio keyBio(BIO_new_mem_buf(keyPem.constData(), int(keyPem.size())), &BIO_free);
    Bio certificateBio(BIO_new_mem_buf(certificatePem.constData(), int(certificatePem.size())), &BIO_free);
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
        keyBio ? PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr) : nullptr, &EVP_PKEY_free);
    std::unique_ptr<X509, decltype(&X509_free)> certificate(
        certificateBio ? PEM_read_bio_X509(certificateBio.get(), nullptr, nullptr, nullptr) : nullptr, &X509_free);
    return key && certificate && X509_check_private_key(certificate.get(), key.get()) == 1;
}

Result<QByteArray> readWhole(const QString& path, const char* setting)
{
    if (path.isEmpty()) {
        return Error(Error::Kind::Input,
                     DeskTls::tr("The setting console/%1 is empty: the reception desk over the network needs it.")
                         .arg(QString::fromLatin1(setting)));
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error(Error::Kind::Input, DeskTls::tr("The file %1 (console/%2) cannot be read: %3.")
                                             .arg(path, QString::fromLatin1(setting), file.errorString()));
    }
    return file.readAll();
}
} // namespace

DeskTls::Files DeskTls::Files::of(const Settings& settings)
{
    return Files{settings.deskTlsCertificate(), settings.deskTlsKey(), settings.deskTlsAuthority()};
}

Result<QSslConfiguration> DeskTls::configuration(const Files& files, const QDateTime& now)
{
    const Result<QByteArray> certificatePem = readWhole(files.certificate, "tls_certificate");
    if (!certificatePem)
        return certificatePem.error();
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certificatePem.value(), QSsl::Pem);
    if (chain.isEmpty()) {
        return Error(Error::Kind::Input,
                     tr("The file %1 (console/tls_certificate) holds no PEM certificate.").arg(files.certificate));
    }
    const QSslCertificate& mine = chain.first();
    if (now < mine.effectiveDate() || now > mine.expiryDate()) {
        return Error(Error::Kind::Input,
                     tr("The certificate %1 is valid from %2 to %3 only: ask the site's administrator for a new one.")
                         .arg(files.certificate, mine.effectiveDate().toString(Qt::ISODate),
                              mine.expiryDate().toString(Qt::ISODate)));
    }

    // A key others may read is no secret (as libpq refuses a client key with group or world access).
    if (const QString exposed = FilePrivacy::exposure(files.key); !exposed.isEmpty()) {
        return Error(
            Error::Kind::Input,
            tr("The reception desk's key is not private: %1 Make it readable by its owner only (chmod 600 %2).")
                .arg(exposed, files.key));
    }
    const Result<QByteArray> keyPem = readWhole(files.key, "tls_key");
    if (!keyPem)
        return keyPem.error();
    QSslKey key;
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Ec, QSsl::Rsa, QSsl::Dsa}) {
        key = QSslKey(keyPem.value(), algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull()) {
        return Error(Error::Kind::Input,
                     tr("The file %1 (console/tls_key) holds no unencrypted PEM private key.").arg(files.key));
    }
    if (!belongs(keyPem.value(), certificatePem.value())) {
        return Error(Error::Kind::Input,
                     tr("The key %1 is not the key of the certificate %2: give the pair that was issued together.")
                         .arg(files.key, files.certificate));
    }

    const Result<QByteArray> authorityPem = readWhole(files.authority, "tls_authority");
    if (!authorityPem)
        return authorityPem.error();
    const QList<QSslCertificate> authority = QSslCertificate::fromData(authorityPem.value(), QSsl::Pem);
    if (authority.isEmpty()) {
        return Error(Error::Kind::Input,
                     tr("The file %1 (console/tls_authority) holds no PEM certificate.").arg(files.authority));
    }

    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    // The site's authority only: setting it also stops Qt loading the system's list on demand.
    configuration.setCaCertificates(authority);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    // No certificate, no desk: a kiosk asks for a console's, a console checks the kiosk's.
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    return configuration;
}

QString DeskTls::unreachable(const QSslSocket& socket, const QString& kiosk, const QString& refusal)
{
    if (!refusal.isEmpty())
        return tr("The kiosk at %1 does not accept this computer's certificate (%2): ask the site's administrator for "
                  "one the site's authority signed.")
            .arg(kiosk, refusal);
    if (const QList<QSslError> errors = socket.sslHandshakeErrors(); !errors.isEmpty())
        return tr("The computer at %1 is not a kiosk of this site (%2): its certificate must be signed by the site's "
                  "authority and name the host in console/kiosk.")
            .arg(kiosk, errors.first().errorString());
    return tr("The kiosk at %1 does not answer (%2): is it on, running Gatehouse, with console/tls_port set?")
        .arg(kiosk, socket.errorString());
}
