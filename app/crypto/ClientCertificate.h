// A kiosk's TLS client certificate for the central store (formats/central.md: certificate CN =
// kiosk id, pg_hba.conf method `cert`), issued with the province's CA by `central add-kiosk`: a
// new P-256 key and an X.509 v3 certificate for TLS client authentication, signed by the CA key.
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

class ClientCertificate
{
    Q_DECLARE_TR_FUNCTIONS(ClientCertificate)

public:
    struct Issued
    {
        QByteArray keyPem;         // PKCS#8, unencrypted: for /etc/gatehouse/kiosk.key, 0600
        QByteArray certificatePem; // for /etc/gatehouse/kiosk.pem
    };

    // caKeyPem/caCertificatePem: the CA's key (any type OpenSSL signs with) and certificate.
    [[nodiscard]] static Result<Issued> issue(const QString& commonName, const QByteArray& caKeyPem,
                                              const QByteArray& caCertificatePem, int validDays = 5 * 365);
    // Reads the CA's files, issues, and writes the kiosk's key (0600) and certificate.
    [[nodiscard]] static Result<void> issue(const QString& commonName, const QString& caKeyPath,
                                            const QString& caCertificatePath, const QString& keyPath,
                                            const QString& certificatePath);
};
