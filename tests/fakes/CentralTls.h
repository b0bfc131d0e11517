// A central store reached as a province runs it (README's production notes): the province's CA
// and the server's certificate for localhost and 127.0.0.1, made with the openssl tool, and a
// ThrowawayPostgres listening on 127.0.0.1 with TLS where kiosks log in by certificate only
// (`hostssl all all 127.0.0.1/32 cert`: the certificate's CN is the kiosk's role).
#pragma once

#include "ThrowawayPostgres.h"

#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace CentralTls {

// The openssl tool in folder; false when it fails.
inline bool openssl(const QStringList& arguments, const QString& folder)
{
    QProcess process;
    process.setWorkingDirectory(folder);
    process.start(QStringLiteral("openssl"), arguments);
    return process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

// ca.key, ca.pem, server.key and server.pem in folder; false when openssl fails.
inline bool makeAuthority(const QString& folder)
{
    const auto ec = [](const QStringList& more) {
        return QStringList{QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                           QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes")} +
               more;
    };
    if (!openssl(QStringList{QStringLiteral("req"), QStringLiteral("-x509")} +
                     ec({QStringLiteral("-keyout"), QStringLiteral("ca.key"), QStringLiteral("-out"),
                         QStringLiteral("ca.pem"), QStringLiteral("-subj"), QStringLiteral("/CN=Gatehouse test CA"),
                         QStringLiteral("-days"), QStringLiteral("2")}),
                 folder) ||
        !openssl(QStringList{QStringLiteral("req"), QStringLiteral("-new")} +
                     ec({QStringLiteral("-keyout"), QStringLiteral("server.key"), QStringLiteral("-out"),
                         QStringLiteral("server.csr"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost")}),
                 folder))
        return false;
    QFile extensions(folder + QStringLiteral("/server.ext"));
    if (!extensions.open(QIODevice::WriteOnly))
        return false;
    extensions.write("subjectAltName=DNS:localhost,IP:127.0.0.1\n");
    extensions.close();
    return openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), QStringLiteral("server.csr"),
                    QStringLiteral("-CA"), QStringLiteral("ca.pem"), QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
                    QStringLiteral("-CAcreateserial"), QStringLiteral("-out"), QStringLiteral("server.pem"),
                    QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"),
                    QStringLiteral("server.ext")},
                   folder);
}

// Starts server with TLS from folder's files (makeAuthority) and extraSettings; empty when it
// runs, else why not.
inline QString start(ThrowawayPostgres& server, const QString& folder, const QStringList& extraSettings = {})
{
    return server.start(QStringList{QStringLiteral("-c listen_addresses=127.0.0.1"), QStringLiteral("-c ssl=on"),
                                    QStringLiteral("-c ssl_cert_file=server.pem"),
                                    QStringLiteral("-c ssl_key_file=server.key"),
                                    QStringLiteral("-c ssl_ca_file=ca.pem")} +
                            extraSettings,
                        {QStringLiteral("hostssl all all 127.0.0.1/32 cert")}, [&folder](ThrowawayPostgres& store) {
                            for (const char* name : {"server.pem", "server.key", "ca.pem"}) {
                                const QString target = store.dataFolder() + u'/' + QLatin1String(name);
                                QFile::copy(folder + u'/' + QLatin1String(name), target);
                                QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
                                store.giveToServer(target);
                            }
                        });
}

} // namespace CentralTls
