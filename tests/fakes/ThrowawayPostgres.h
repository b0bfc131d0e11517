// A PostgreSQL server of the tests' own, never the system's: initdb and pg_ctl from Debian's
// postgresql-15 on a temporary folder, listening only on a Unix socket there, fsync off, trust
// for local connections. initdb refuses to run as root, so as root (CI) the server runs as the
// `postgres` user (runuser); as anyone else it runs as them. Stopped (fast) when destroyed.
#pragma once

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <functional>

#include <unistd.h>

class ThrowawayPostgres
{
public:
    static QString binaries() { return QStringLiteral("/usr/lib/postgresql/15/bin"); }

    // Starts the server; empty when it runs, else why not (for QSKIP or QFAIL). extraSettings:
    // "-c name=value" options; hba: pg_hba.conf lines after "local all all trust" (empty: initdb's).
    // beforeStart: run once the folder exists, before the server starts (to place TLS files).
    QString start(const QStringList& extraSettings = {}, const QStringList& hba = {},
                  const std::function<void(ThrowawayPostgres&)>& beforeStart = {})
    {
        if (!QFile::exists(binaries() + QStringLiteral("/initdb")))
            return QStringLiteral("PostgreSQL 15 is not installed (packaging/install-deps.sh installs it)");
        if (!m_dir.isValid())
            return QStringLiteral("no temporary folder");
        m_asPostgres = ::geteuid() == 0;
        if (m_asPostgres) {
            // The folder must be the server's: hand it to the postgres user.
            if (run(QStringLiteral("chown"), {QStringLiteral("postgres:postgres"), m_dir.path()}, false) != 0)
                return QStringLiteral("the postgres user does not exist");
        }
        m_data = m_dir.path() + QStringLiteral("/data");
        m_port = 20000 + int(QRandomGenerator::global()->bounded(20000));
        if (run(binaries() + QStringLiteral("/initdb"),
                {QStringLiteral("-D"), m_data, QStringLiteral("-U"), QStringLiteral("postgres"),
                 QStringLiteral("--auth=trust"), QStringLiteral("--encoding=UTF8"), QStringLiteral("--locale=C.UTF-8"),
                 QStringLiteral("--no-sync")},
                m_asPostgres) != 0)
            return QStringLiteral("initdb failed: ") + m_output;
        if (!hba.isEmpty()) {
            QFile file(m_data + QStringLiteral("/pg_hba.conf"));
            if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
                return QStringLiteral("pg_hba.conf cannot be written");
            file.write(QStringLiteral("local all all trust\n%1\n").arg(hba.join(u'\n')).toUtf8());
        }
        if (beforeStart)
            beforeStart(*this);
        m_options = QStringList{
            QStringLiteral("-c listen_addresses=''"),  QStringLiteral("-c unix_socket_directories=") + m_dir.path(),
            QStringLiteral("-p %1").arg(m_port),       QStringLiteral("-c fsync=off"),
            QStringLiteral("-c full_page_writes=off"), QStringLiteral("-c synchronous_commit=off")};
        m_options += extraSettings;
        if (run(binaries() + QStringLiteral("/pg_ctl"),
                {QStringLiteral("-D"), m_data, QStringLiteral("-l"), m_dir.path() + QStringLiteral("/server.log"),
                 QStringLiteral("-o"), m_options.join(u' '), QStringLiteral("-w"), QStringLiteral("start")},
                m_asPostgres) != 0)
            return QStringLiteral("pg_ctl start failed: ") + m_output + log();
        m_running = true;
        return {};
    }

    void stop()
    {
        if (!m_running)
            return;
        run(binaries() + QStringLiteral("/pg_ctl"),
            {QStringLiteral("-D"), m_data, QStringLiteral("-m"), QStringLiteral("fast"), QStringLiteral("-w"),
             QStringLiteral("stop")},
            m_asPostgres);
        m_running = false;
    }

    // Starts it again after stop() (the data kept).
    bool restart()
    {
        m_running =
            run(binaries() + QStringLiteral("/pg_ctl"),
                {QStringLiteral("-D"), m_data, QStringLiteral("-l"), m_dir.path() + QStringLiteral("/server.log"),
                 QStringLiteral("-o"), m_options.join(u' '), QStringLiteral("-w"), QStringLiteral("start")},
                m_asPostgres) == 0;
        return m_running;
    }

    ~ThrowawayPostgres() { stop(); }

    // A libpq key=value string for a database and user on this server.
    QString uri(const QString& user = QStringLiteral("postgres"),
                const QString& database = QStringLiteral("postgres")) const
    {
        return QStringLiteral("host=%1 port=%2 dbname=%3 user=%4").arg(m_dir.path()).arg(m_port).arg(database, user);
    }
    // Without a user: the kiosk's id fills it in.
    QString uriWithoutUser(const QString& database = QStringLiteral("postgres")) const
    {
        return QStringLiteral("host=%1 port=%2 dbname=%3").arg(m_dir.path()).arg(m_port).arg(database);
    }
    QString folder() const { return m_dir.path(); }
    // Hands a file in the folder to the server's user (its TLS key must be its own, 0600).
    bool giveToServer(const QString& path)
    {
        return !m_asPostgres || run(QStringLiteral("chown"), {QStringLiteral("postgres:postgres"), path}, false) == 0;
    }
    QString dataFolder() const { return m_data; }
    int port() const { return m_port; }
    bool runsAsPostgres() const { return m_asPostgres; }

    // psql as a given user, for checks with the real client; its standard output, or a null
    // string when it failed.
    QString psql(const QString& sql, const QString& user = QStringLiteral("postgres")) const
    {
        QProcess process;
        process.start(binaries() + QStringLiteral("/psql"),
                      {QStringLiteral("-X"), QStringLiteral("-A"), QStringLiteral("-t"), QStringLiteral("-q"),
                       QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-d"), uri(user),
                       QStringLiteral("-c"), sql});
        process.waitForFinished(60000);
        if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
            return QString();
        return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    }

    QString log() const
    {
        QFile file(m_dir.path() + QStringLiteral("/server.log"));
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll().right(2000)) : QString();
    }

private:
    int run(const QString& program, const QStringList& arguments, bool asPostgres)
    {
        QProcess process;
        process.setWorkingDirectory(QDir::tempPath());
        if (asPostgres)
            process.start(QStringLiteral("runuser"),
                          QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), program} +
                              arguments);
        else
            process.start(program, arguments);
        if (!process.waitForFinished(120000))
            return -1;
        m_output = QString::fromUtf8(process.readAllStandardError() + process.readAllStandardOutput());
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }

    QTemporaryDir m_dir;
    QString m_data;
    QString m_output;
    QStringList m_options;
    int m_port = 0;
    bool m_asPostgres = false;
    bool m_running = false;
};
