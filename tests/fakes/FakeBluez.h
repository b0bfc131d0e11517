// A fake BlueZ of the test's own, never the machine's: a private dbus-daemon (its socket in a
// temporary folder, tests/fakes/bluez/system-bus.conf) and fake_bluez.py on it, owning org.bluez.
// The process under test finds it through DBUS_SYSTEM_BUS_ADDRESS, which start() sets for this
// process and its children; Qt Bluetooth's real BlueZ backend then runs against it. Commands and
// answers are JSON lines (fake_bluez.py says which). Stopped when destroyed.
#pragma once

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QTemporaryDir>
#include <QThread>

#include <csignal>
#include <sys/prctl.h>

class FakeBluez
{
public:
    static QString script() { return QStringLiteral(GATEHOUSE_FAKES "/bluez/fake_bluez.py"); }
    // Debian's python3, which has python3-dbus and python3-gi (install-deps.sh), whatever a
    // user's PATH puts first.
    static QString python() { return QStringLiteral("/usr/bin/python3"); }

    ~FakeBluez() { stop(); }

    // Starts the bus and the fake; empty when both run, else why not (for QSKIP: the packages
    // are missing on a user's machine).
    QString start()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("dbus-daemon")).isEmpty())
            return QStringLiteral("dbus-daemon is not installed (packaging/install-deps.sh installs it)");
        QProcess probe;
        probe.start(python(), {QStringLiteral("-c"), QStringLiteral("import dbus, dbus.mainloop.glib, gi")});
        if (!probe.waitForFinished(20000) || probe.exitCode() != 0)
            return QStringLiteral("python3-dbus or python3-gi is missing (packaging/install-deps.sh installs them)");
        if (!m_dir.isValid())
            return QStringLiteral("no temporary folder");
        m_address = QStringLiteral("unix:path=") + m_dir.filePath(QStringLiteral("system_bus_socket"));
        // Its chatter into a file, not into the test runner's pipe (which it would hold open),
        // and it dies with the test, however the test ends.
        m_daemon.setStandardErrorFile(m_dir.filePath(QStringLiteral("dbus-daemon.err")));
        m_daemon.setChildProcessModifier(dieWithParent);
        m_daemon.start(QStringLiteral("dbus-daemon"),
                       {QStringLiteral("--config-file=" GATEHOUSE_FAKES "/bluez/system-bus.conf"),
                        QStringLiteral("--address=") + m_address, QStringLiteral("--nofork"),
                        QStringLiteral("--print-address")});
        if (!m_daemon.waitForStarted() || !m_daemon.waitForReadyRead(10000))
            return QStringLiteral("dbus-daemon did not start");
        qputenv("DBUS_SYSTEM_BUS_ADDRESS", m_address.toUtf8());
        return restart();
    }

    // (Re)starts bluetoothd's stand-in on the running bus: a crashed or restarted bluetoothd.
    QString restart()
    {
        stopFake();
        m_buffer.clear();
        m_fake.setProcessChannelMode(QProcess::SeparateChannels);
        m_fake.setStandardErrorFile(m_dir.filePath(QStringLiteral("fake_bluez.err")), QIODevice::Append);
        m_fake.setChildProcessModifier(dieWithParent);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS"), m_address);
        m_fake.setProcessEnvironment(environment);
        m_fake.start(python(), {script()});
        if (!m_fake.waitForStarted(10000))
            return QStringLiteral("the fake BlueZ did not start: ") + m_fake.errorString();
        const QJsonObject ready = waitFor(QStringLiteral("ready"), 20000);
        if (ready.isEmpty())
            return QStringLiteral("the fake BlueZ did not start: ") + errors();
        return {};
    }

    QString busAddress() const { return m_address; }
    QString errors() const
    {
        QFile file(m_dir.filePath(QStringLiteral("fake_bluez.err")));
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll().right(2000)) : QString();
    }

    // Sends a command; waits for its answer (an event "done", or "stats" for stats).
    QJsonObject command(const QJsonObject& command, int timeoutMs = 10000)
    {
        send(command);
        const QString cmd = command.value(QStringLiteral("cmd")).toString();
        return waitFor(cmd == QLatin1String("stats") ? QStringLiteral("stats") : QStringLiteral("done"), timeoutMs);
    }

    void send(const QJsonObject& command)
    {
        m_fake.write(QJsonDocument(command).toJson(QJsonDocument::Compact) + '\n');
        m_fake.waitForBytesWritten(5000);
    }

    // The next answer with this event; what came before it is skipped. Empty on timeout.
    QJsonObject waitFor(const QString& event, int timeoutMs)
    {
        QDeadlineTimer deadline(timeoutMs);
        for (;;) {
            // What an event loop already read into QProcess's buffer first: waitForReadyRead()
            // only waits for more.
            m_buffer += m_fake.readAllStandardOutput();
            const qsizetype newline = m_buffer.indexOf('\n');
            if (newline >= 0) {
                const QJsonObject answer = QJsonDocument::fromJson(m_buffer.left(newline)).object();
                m_buffer.remove(0, newline + 1);
                if (answer.value(QStringLiteral("event")).toString() == event)
                    return answer;
                continue;
            }
            if (deadline.hasExpired() || m_fake.state() != QProcess::Running)
                return {};
            m_fake.waitForReadyRead(int(std::min<qint64>(deadline.remainingTime(), 100)));
        }
    }

    // Ends the capture playing, if one is, before the next test plays another.
    void stopPlaying() { command(QJsonObject{{QStringLiteral("cmd"), QStringLiteral("stop-play")}}); }

    void stop()
    {
        stopFake();
        if (m_daemon.state() != QProcess::NotRunning) {
            m_daemon.terminate();
            if (!m_daemon.waitForFinished(5000))
                m_daemon.kill();
            m_daemon.waitForFinished();
        }
    }

private:
    // In the child: killed when the test process ends, even by a crash or a timeout's signal.
    static void dieWithParent() { ::prctl(PR_SET_PDEATHSIG, SIGKILL); }

    void stopFake()
    {
        if (m_fake.state() == QProcess::NotRunning)
            return;
        m_fake.closeWriteChannel(); // its stdin ends: it quits
        if (!m_fake.waitForFinished(5000)) {
            m_fake.kill();
            m_fake.waitForFinished();
        }
    }

    QTemporaryDir m_dir;
    QString m_address;
    QProcess m_daemon;
    QProcess m_fake;
    QByteArray m_buffer;
};
