// A site's certificate authority for tests, made with the openssl tool itself (the commands the
// README gives a site's technician): its own key and certificate, then certificates for a kiosk
// (a TLS server, named by subjectAltName) and for desk computers (TLS clients). A test that needs
// one skips where the tool is missing.
#pragma once

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>

class SiteAuthority
{
public:
    struct Issued
    {
        QString certificate;
        QString key;
    };

    static bool available() { return !QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty(); }

    // Makes name.key (owner-only) and name.pem, a CA valid for a month, in folder.
    SiteAuthority(const QString& folder, const QString& name) : m_folder(folder), m_name(name)
    {
        m_ok = run({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                    QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                    QStringLiteral("-keyout"), key(), QStringLiteral("-out"), certificate(), QStringLiteral("-days"),
                    QStringLiteral("30"), QStringLiteral("-subj"), QStringLiteral("/CN=") + name,
                    QStringLiteral("-addext"), QStringLiteral("basicConstraints=critical,CA:TRUE"),
                    QStringLiteral("-addext"), QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")});
    }

    bool ok() const { return m_ok; }
    QString certificate() const { return QDir(m_folder).filePath(m_name + QStringLiteral(".pem")); }
    QString key() const { return QDir(m_folder).filePath(m_name + QStringLiteral(".key")); }

    // A kiosk's certificate: a TLS server's, for the hosts in altNames ("DNS:kiosk-1", "IP:127.0.0.1").
    std::optional<Issued> kiosk(const QString& name, const QStringList& altNames) const
    {
        return issue(name, QStringLiteral("extendedKeyUsage=serverAuth\nsubjectAltName=") +
                               altNames.join(QLatin1Char(',')) + QLatin1Char('\n'));
    }
    // A desk computer's certificate: a TLS client's.
    std::optional<Issued> desk(const QString& name) const
    {
        return issue(name, QStringLiteral("extendedKeyUsage=clientAuth\n"));
    }

private:
    std::optional<Issued> issue(const QString& name, const QString& extensions) const
    {
        const QDir folder(m_folder);
        const Issued issued{folder.filePath(name + QStringLiteral(".pem")),
                            folder.filePath(name + QStringLiteral(".key"))};
        const QString request = folder.filePath(name + QStringLiteral(".csr"));
        const QString extensionFile = folder.filePath(name + QStringLiteral(".ext"));
        QFile file(extensionFile);
        if (!file.open(QIODevice::WriteOnly) ||
            file.write((QStringLiteral("basicConstraints=CA:FALSE\n") + extensions).toUtf8()) < 0)
            return std::nullopt;
        file.close();
        const bool made =
            run({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                 QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                 QStringLiteral("-keyout"), issued.key, QStringLiteral("-out"), request, QStringLiteral("-subj"),
                 QStringLiteral("/CN=") + name}) &&
            run({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), request, QStringLiteral("-CA"),
                 certificate(), QStringLiteral("-CAkey"), key(), QStringLiteral("-CAcreateserial"),
                 QStringLiteral("-days"), QStringLiteral("30"), QStringLiteral("-extfile"), extensionFile,
                 QStringLiteral("-out"), issued.certificate});
        if (!made)
            return std::nullopt;
        // As a technician is told to: the key for its owner only.
        QFile::setPermissions(issued.key, QFile::ReadOwner | QFile::WriteOwner);
        return issued;
    }

    bool run(const QStringList& arguments) const
    {
        QProcess openssl;
        openssl.setWorkingDirectory(m_folder);
        openssl.start(QStringLiteral("openssl"), arguments);
        return openssl.waitForFinished(60000) && openssl.exitStatus() == QProcess::NormalExit &&
               openssl.exitCode() == 0;
    }

    QString m_folder;
    QString m_name;
    bool m_ok = false;
};
