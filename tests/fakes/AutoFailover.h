// A province's central store as issue 27 runs it, on this machine: pg_auto_failover's monitor and
// two PostgreSQL 15 nodes under its keeper (`pg_autoctl`, Debian's pg-auto-failover-cli and
// postgresql-15-auto-failover), the second a synchronous standby of the first. Everything lives in
// a temporary folder: the data, one Unix socket folder for the three servers, pg_autoctl's state,
// configuration and pid files (XDG_DATA_HOME, XDG_CONFIG_HOME, XDG_RUNTIME_DIR; its defaults are
// the postgres user's home and the caller's runtime folder).
// The servers listen on 127.0.0.1 (pg_autoctl's nodes talk over TCP) and on that folder's
// sockets, which is where the tests' kiosks connect. As root the servers run as `postgres`
// (runuser), as ThrowawayPostgres does. Losing a machine is its processes killed with SIGKILL, all
// at once: the keeper, the postmaster and its backends.
//
// pg_autoctl's own facts used here (pg_auto_failover 2.0, docs/ref/pg_autoctl_create_*.rst):
// `create monitor` and `create postgres` take an existing PGDATA as their server's; a second node
// is made by pg_basebackup from the primary; `--listen` sets listen_addresses; `--auth trust`
// writes trust lines for the nodes' replication; `show state --json` lists each node's
// reported and assigned state. With one standby the formation's number_sync_standbys is 0 and
// the standby's replication quorum true: synchronous_standby_names = 'ANY 1 (...)'.
#pragma once

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QThread>

#include <csignal>

#include <sys/types.h>
#include <unistd.h>

class AutoFailover
{
public:
    static QString binaries() { return QStringLiteral("/usr/lib/postgresql/15/bin"); }

    // Starts the monitor and the named nodes, the first the primary; empty when all run and the
    // others are its secondaries, else why not.
    QString start(const QStringList& nodes = {QStringLiteral("a"), QStringLiteral("b")})
    {
        if (!QFile::exists(QStringLiteral("/usr/bin/pg_autoctl")) ||
            !QFile::exists(binaries() + QStringLiteral("/initdb")))
            return QStringLiteral("pg_auto_failover is not installed (packaging/install-deps.sh installs "
                                  "pg-auto-failover-cli and postgresql-15-auto-failover)");
        if (!m_dir.isValid())
            return QStringLiteral("no temporary folder");
        m_asPostgres = ::geteuid() == 0;
        if (m_asPostgres && run(QStringLiteral("chown"), {QStringLiteral("postgres:postgres"), m_dir.path()}) != 0)
            return QStringLiteral("the postgres user does not exist");
        QDir(m_dir.path()).mkpath(QStringLiteral("sockets"));
        if (m_asPostgres)
            run(QStringLiteral("chown"), {QStringLiteral("postgres:postgres"), sockets()});
        int port = 20000 + int(QRandomGenerator::global()->bounded(20000));
        m_monitorPort = port++;
        if (const QString why = initdb(QStringLiteral("monitor")); !why.isEmpty())
            return why;
        if (autoctl({QStringLiteral("create"), QStringLiteral("monitor"), QStringLiteral("--pgdata"),
                     data(QStringLiteral("monitor")), QStringLiteral("--pgport"), QString::number(m_monitorPort),
                     QStringLiteral("--hostname"), QStringLiteral("127.0.0.1"), QStringLiteral("--listen"),
                     QStringLiteral("127.0.0.1"), QStringLiteral("--auth"), QStringLiteral("trust"),
                     QStringLiteral("--no-ssl")}) != 0)
            return QStringLiteral("pg_autoctl create monitor failed: ") + m_output;
        runKeeper(QStringLiteral("monitor"));
        if (!waitUntil(
                [this] {
                    return !psqlOn(m_monitorPort, QStringLiteral("SELECT 1"), QStringLiteral("pg_auto_failover"))
                                .isNull();
                },
                60000))
            return QStringLiteral("the monitor did not start: ") + log(QStringLiteral("monitor"));
        // The province's timings (README, "A province's central store"): a dead primary is
        // found in about 8 s and the standby promoted 12 s later, when the old primary, cut off
        // from the monitor and its standby for 8 s, has demoted itself (pg_auto_failover's rule:
        // primary_demote_timeout above the keepers' network_partition_timeout). Defaults: 20 s
        // and 30 s, a failover in about 45 s.
        for (const char* setting :
             {"pgautofailover.health_check_period = 2000", "pgautofailover.health_check_timeout = 2000",
              "pgautofailover.health_check_retry_delay = 1000",
              "pgautofailover.node_considered_unhealthy_timeout = 8000",
              "pgautofailover.primary_demote_timeout = 12000"}) {
            if (psqlOn(m_monitorPort, QStringLiteral("ALTER SYSTEM SET ") + QLatin1String(setting),
                       QStringLiteral("pg_auto_failover"))
                    .isNull())
                return QStringLiteral("the monitor refused ") + QLatin1String(setting);
        }
        psqlOn(m_monitorPort, QStringLiteral("SELECT pg_reload_conf()"), QStringLiteral("pg_auto_failover"));
        for (const QString& node : nodes) {
            m_ports[node] = port++;
            // The first node's server is made here, with its socket folder; the others are copies.
            if (node == nodes.first()) {
                if (const QString why = initdb(node); !why.isEmpty())
                    return why;
            }
            if (autoctl({QStringLiteral("create"), QStringLiteral("postgres"), QStringLiteral("--pgdata"), data(node),
                         QStringLiteral("--pgport"), QString::number(m_ports[node]), QStringLiteral("--hostname"),
                         QStringLiteral("127.0.0.1"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1"),
                         QStringLiteral("--name"), node, QStringLiteral("--auth"), QStringLiteral("trust"),
                         QStringLiteral("--no-ssl"), QStringLiteral("--monitor"), monitorUri()}) != 0)
                return QStringLiteral("pg_autoctl create postgres %1 failed: %2").arg(node, m_output);
            if (autoctl({QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("--pgdata"), data(node),
                         QStringLiteral("timeout.network_partition_timeout"), QStringLiteral("8")}) != 0)
                return QStringLiteral("pg_autoctl config set failed: ") + m_output;
            runKeeper(node);
            const QString wanted = node == nodes.first() ? QStringLiteral("single") : QStringLiteral("secondary");
            if (!waitForState(node, wanted, 120000))
                return QStringLiteral("node %1 did not become %2: %3").arg(node, wanted, stateText());
        }
        // One node alone stays "single" (no standby, no synchronous_standby_names).
        return nodes.size() == 1 || waitForState(nodes.first(), QStringLiteral("primary"), 60000)
                   ? QString()
                   : QStringLiteral("no primary: ") + stateText();
    }

    ~AutoFailover()
    {
        for (const QString& node : m_keepers.keys())
            kill(node);
    }

    // The libpq URI of both nodes, as a kiosk's INI has it: the primary whichever it is.
    QString uri(const QString& database = QStringLiteral("postgres")) const
    {
        QStringList hosts, ports;
        for (auto it = m_ports.cbegin(); it != m_ports.cend(); ++it) {
            hosts.append(sockets());
            ports.append(QString::number(it.value()));
        }
        return QStringLiteral("postgresql:///%1?host=%2&port=%3&target_session_attrs=read-write")
            .arg(database, hosts.join(u','), ports.join(u','));
    }
    QString uriAs(const QString& user, const QString& database = QStringLiteral("postgres")) const
    {
        return uri(database) + QStringLiteral("&user=") + user;
    }

    // Each node's reported state at the monitor ("primary", "secondary", "wait_primary", …).
    QMap<QString, QString> states() const
    {
        QMap<QString, QString> states;
        const QString rows = psqlOn(m_monitorPort,
                                    QStringLiteral("SELECT nodename || '=' || reportedstate || '/' || goalstate"
                                                   " FROM pgautofailover.node ORDER BY nodeid"),
                                    QStringLiteral("pg_auto_failover"));
        for (const QString& row : rows.split(u'\n', Qt::SkipEmptyParts))
            states[row.section(u'=', 0, 0)] = row.section(u'=', 1);
        return states;
    }
    QString stateText() const
    {
        QStringList parts;
        const auto all = states();
        for (auto it = all.cbegin(); it != all.cend(); ++it)
            parts.append(it.key() + u'=' + it.value());
        return parts.join(QStringLiteral(", "));
    }
    // Until the node reports and is assigned `state`.
    bool waitForState(const QString& node, const QString& state, int timeoutMs) const
    {
        return waitUntil([&] { return states().value(node) == state + u'/' + state; }, timeoutMs);
    }

    // The node the monitor has as the writable one (primary; wait_primary without its standby;
    // single, alone).
    QString primary() const
    {
        const auto all = states();
        for (auto it = all.cbegin(); it != all.cend(); ++it) {
            if (it.value() == QLatin1String("primary/primary") ||
                it.value() == QLatin1String("wait_primary/wait_primary") ||
                it.value() == QLatin1String("single/single"))
                return it.key();
        }
        return {};
    }

    // psql on a node; its output, or a null string when it failed.
    QString psql(const QString& node, const QString& sql, const QString& database = QStringLiteral("postgres")) const
    {
        return psqlOn(m_ports.value(node), sql, database);
    }

    // The node's machine lost: every process of its keeper's tree stopped where it stands, then
    // killed with SIGKILL (stopped first, so that none forks or is reparented in between).
    void kill(const QString& node)
    {
        QProcess* keeper = m_keepers.take(node);
        if (!keeper)
            return;
        QSet<pid_t> tree;
        for (;;) {
            const QSet<pid_t> now = descendants(pid_t(keeper->processId()));
            const QSet<pid_t> added = now - tree;
            if (added.isEmpty())
                break;
            for (pid_t pid : added)
                ::kill(pid, SIGSTOP);
            tree += added;
        }
        for (pid_t pid : tree)
            ::kill(pid, SIGKILL);
        ::kill(pid_t(keeper->processId()), SIGKILL);
        keeper->waitForFinished(10000);
        delete keeper;
    }

    // The node's machine back: its keeper runs again (an old primary rejoins as a standby).
    void restart(const QString& node) { runKeeper(node); }

    int port(const QString& node) const { return m_ports.value(node); }
    QString sockets() const { return m_dir.path() + QStringLiteral("/sockets"); }
    QString log(const QString& node) const
    {
        QFile file(m_dir.path() + QStringLiteral("/%1.log").arg(node));
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll().right(4000)) : QString();
    }

    template <typename Condition>
    static bool waitUntil(Condition condition, int timeoutMs)
    {
        QElapsedTimer waited;
        waited.start();
        while (!condition()) {
            if (waited.elapsed() > timeoutMs)
                return false;
            QThread::msleep(200);
        }
        return true;
    }

private:
    QTemporaryDir m_dir;
    bool m_asPostgres = false;
    int m_monitorPort = 0;
    QMap<QString, int> m_ports;
    QMap<QString, QProcess*> m_keepers;
    QString m_output;

    QString data(const QString& node) const { return m_dir.path() + u'/' + node; }
    QString monitorUri() const
    {
        return QStringLiteral("postgres://autoctl_node@127.0.0.1:%1/pg_auto_failover?sslmode=disable")
            .arg(m_monitorPort);
    }

    // The program as the server's user, with pg_autoctl's state in the folder.
    QStringList asServer(const QString& program, const QStringList& arguments) const
    {
        const QStringList environment = {QStringLiteral("PATH=%1:/usr/bin:/bin").arg(binaries()),
                                         QStringLiteral("XDG_CONFIG_HOME=%1/config").arg(m_dir.path()),
                                         QStringLiteral("XDG_DATA_HOME=%1/state").arg(m_dir.path()),
                                         // its pid files: CTest's runtime folder is not the server user's
                                         QStringLiteral("XDG_RUNTIME_DIR=%1/state").arg(m_dir.path()),
                                         QStringLiteral("PGHOST=") + sockets()};
        QStringList line;
        if (m_asPostgres)
            line << QStringLiteral("runuser") << QStringLiteral("-u") << QStringLiteral("postgres")
                 << QStringLiteral("--");
        line << QStringLiteral("env") << environment << program << arguments;
        return line;
    }

    int run(const QString& program, const QStringList& arguments)
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(program, arguments);
        if (!process.waitForFinished(180000)) {
            process.kill();
            process.waitForFinished();
            m_output = QStringLiteral("timed out");
            return -1;
        }
        m_output = QString::fromLocal8Bit(process.readAll()).right(4000);
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }

    int autoctl(const QStringList& arguments)
    {
        const QStringList line = asServer(QStringLiteral("pg_autoctl"), arguments);
        return run(line.first(), line.mid(1));
    }

    // initdb with the settings pg_autoctl keeps: the socket folder; a copy made by pg_basebackup
    // has them too.
    QString initdb(const QString& node)
    {
        const QStringList line =
            asServer(binaries() + QStringLiteral("/initdb"),
                     {QStringLiteral("-D"), data(node), QStringLiteral("-U"), QStringLiteral("postgres"),
                      QStringLiteral("--auth=trust"), QStringLiteral("--encoding=UTF8"),
                      QStringLiteral("--locale=C.UTF-8"), QStringLiteral("--no-sync")});
        if (run(line.first(), line.mid(1)) != 0)
            return QStringLiteral("initdb failed: ") + m_output;
        QFile conf(data(node) + QStringLiteral("/postgresql.conf"));
        if (!conf.open(QIODevice::Append))
            return QStringLiteral("postgresql.conf cannot be written");
        conf.write(QStringLiteral("unix_socket_directories = '%1'\n").arg(sockets()).toUtf8());
        return {};
    }

    void runKeeper(const QString& node)
    {
        auto* keeper = new QProcess;
        keeper->setProcessChannelMode(QProcess::MergedChannels);
        keeper->setStandardOutputFile(m_dir.path() + QStringLiteral("/%1.log").arg(node), QIODevice::Append);
        const QStringList line =
            asServer(QStringLiteral("pg_autoctl"), {QStringLiteral("run"), QStringLiteral("--pgdata"), data(node)});
        keeper->start(line.first(), line.mid(1));
        keeper->waitForStarted();
        m_keepers[node] = keeper;
    }

    QString psqlOn(int port, const QString& sql, const QString& database) const
    {
        QProcess process;
        process.start(binaries() + QStringLiteral("/psql"),
                      {QStringLiteral("-h"), sockets(), QStringLiteral("-p"), QString::number(port),
                       QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("-d"), database,
                       QStringLiteral("-XAtq"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                       QStringLiteral("-c"), sql});
        if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit ||
            process.exitCode() != 0) {
            process.kill();
            process.waitForFinished();
            return {};
        }
        const QString output = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
        return output.isNull() ? QStringLiteral("") : output; // succeeded, said nothing: not null
    }

    // Every process below `root`, from /proc's parent links.
    static QSet<pid_t> descendants(pid_t root)
    {
        QMap<pid_t, QList<pid_t>> children;
        for (const QString& entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
            bool number = false;
            const pid_t pid = pid_t(entry.toInt(&number));
            if (!number)
                continue;
            QFile stat(QStringLiteral("/proc/%1/stat").arg(entry));
            if (!stat.open(QIODevice::ReadOnly))
                continue;
            const QByteArray text = stat.readAll();
            // "pid (comm) state ppid ...": comm may hold spaces and parentheses; ppid follows the last ')'.
            const QList<QByteArray> after = text.mid(text.lastIndexOf(')') + 2).split(' ');
            if (after.size() > 1)
                children[pid_t(after.at(1).toInt())].append(pid);
        }
        QSet<pid_t> found;
        QList<pid_t> pending{root};
        while (!pending.isEmpty()) {
            for (pid_t child : children.value(pending.takeLast())) {
                if (!found.contains(child)) {
                    found.insert(child);
                    pending.append(child);
                }
            }
        }
        return found;
    }
};
