// The reception desk over the site's network (issue 24, desk/DeskServer.h): a console on a desk computer reaches the
// kiosk's desk by TLS, each side proving itself with a certificate the site's own authority signed
// and trusting that authority only (never the system's list: a certificate a public CA sold to
// anyone opens nothing here). The kiosk's certificate names the host the console dials (its
// subjectAltName, checked by Qt as for any TLS server); a console's certificate is a client one.
// After the handshake the console is still locked: a person's PIN and role open what they may.
//
// What a technician gets wrong is said before anything listens: a missing or unreadable file, a
// key others may read (as libpq refuses one), a key that is not the certificate's, a certificate
// expired or not yet valid.
#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSslConfiguration>
#include <QSslSocket>

class Settings;

class DeskTls
{
    Q_DECLARE_TR_FUNCTIONS(DeskTls)

public:
    struct Files
    {
        QString certificate; // this computer's, PEM ([console] tls_certificate)
        QString key;         // its private key, PEM, unencrypted, owner-only ([console] tls_key)
        QString authority;   // the site's authority's certificate, PEM ([console] tls_authority)

        static Files of(const Settings& settings);
    };
    // The TLS configuration of either side from files, checked at now; an Error that names the file
    // and says what to do. Each side verifies the other: the kiosk asks a console for its
    // certificate, the console checks that the kiosk's names the host it dialled; OpenSSL checks
    // each certificate's purpose (a console's must be a TLS client's, a kiosk's a server's).
    [[nodiscard]] static Result<QSslConfiguration> configuration(const Files& files, const QDateTime& now);

    // Why a console could not reach, or lost, the kiosk at kiosk ("host:port") over socket, in a
    // sentence that says what to do (the console's and doctor's alike). refusal: why the kiosk
    // refused this computer's certificate (its TLS alert), empty when it did not.
    static QString unreachable(const QSslSocket& socket, const QString& kiosk, const QString& refusal);
};
