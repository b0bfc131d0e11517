// `gatehouse-cli account add|list|remove|pin` as formats/cli.md says (issue 11): the PIN read from
// standard input and checked against the rule, a plain-text PIN in the INI refused with the way to
// an account, the last administrator kept, every change audited; and no PIN in plain text in the
// database file, the INI or the audit log. Ctrl+C at the PIN prompt gives the terminal its echo
// back (issue 24).
#include "ProcessRun.h"
#include "storage/Database.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <vector>

#include <poll.h>
#include <pty.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

namespace {
const QString CLI = QStringLiteral(GATEHOUSE_CLI);
const QString ADMIN = QStringLiteral("Trần Quản Trị");
const QString RECEPTIONIST = QStringLiteral("Phan Thị Lễ");
} // namespace

class TestAccountCommands : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;
    QString m_ini;

    ProcessRun account(const QStringList& arguments, const QByteArray& input = QByteArray(),
                       const QString& config = QString())
    {
        QStringList all{QStringLiteral("--db"), m_db, QStringLiteral("--config"), config.isEmpty() ? m_ini : config,
                        QStringLiteral("account")};
        return ProcessRun::start(CLI, all + arguments, QProcessEnvironment(), input);
    }

    static QStringList add(const QString& name, const QString& role)
    {
        return {QStringLiteral("add"), QStringLiteral("--name"), name, QStringLiteral("--role"), role};
    }

private slots:
    void initTestCase()
    {
        m_db = m_dir.filePath(QStringLiteral("site.db"));
        m_ini = m_dir.filePath(QStringLiteral("site.ini"));
        QFile ini(m_ini);
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[site]\nid=ubnd-hue\npolicy=required\n");
    }

    void addListPinRemove()
    {
        const ProcessRun admin = account(add(ADMIN, QStringLiteral("admin")), "135790\n");
        QVERIFY2(admin.exitCode == 0, qPrintable(admin.err));
        QVERIFY(admin.out.contains("is added"));
        QCOMPARE(account(add(RECEPTIONIST, QStringLiteral("receptionist")), "246810\n").exitCode, 0);

        const ProcessRun list = account({QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(list.exitCode, 0);
        const QList<QJsonObject> accounts = list.jsonLines();
        QCOMPARE(accounts.size(), 2);
        QCOMPARE(accounts[0].value(QStringLiteral("name")).toString(), RECEPTIONIST); // by name
        QCOMPARE(accounts[0].value(QStringLiteral("role")).toString(), QStringLiteral("receptionist"));
        QCOMPARE(accounts[1].value(QStringLiteral("role")).toString(), QStringLiteral("admin"));
        QCOMPARE(accounts[1].value(QStringLiteral("locked")).toBool(), false);
        QVERIFY(!list.out.contains("scrypt")); // never the hash

        const ProcessRun pin =
            account({QStringLiteral("pin"), QStringLiteral("--name"), RECEPTIONIST}, QByteArray("864200\n"));
        QVERIFY2(pin.exitCode == 0, qPrintable(pin.err));

        const ProcessRun lastAdmin = account({QStringLiteral("remove"), QStringLiteral("--name"), ADMIN});
        QCOMPARE(lastAdmin.exitCode, 1);
        QVERIFY2(lastAdmin.err.contains(QStringLiteral("last administrator")), qPrintable(lastAdmin.err));
        QCOMPARE(account({QStringLiteral("remove"), QStringLiteral("--name"), RECEPTIONIST}).exitCode, 0);
        QCOMPARE(account({QStringLiteral("list"), QStringLiteral("--json")}).jsonLines().size(), 1);

        // Every change is in the audit log, none with a PIN in it.
        auto database = Database::open(m_db, Database::Check::None);
        QVERIFY(database.ok());
        QSqlQuery query(database.value()->connection());
        QVERIFY(query.exec(QStringLiteral("SELECT actor, action, details FROM audit_log ORDER BY id")));
        QStringList actions;
        while (query.next()) {
            actions << query.value(1).toString();
            QCOMPARE(query.value(0).toString(), QStringLiteral("cli"));
            for (const char* secret : {"135790", "246810", "864200"})
                QVERIFY(!query.value(2).toString().contains(QLatin1String(secret)));
        }
        QCOMPARE(actions, (QStringList{QStringLiteral("account_add"), QStringLiteral("account_add"),
                                       QStringLiteral("account_pin"), QStringLiteral("account_remove")}));
    }

    void pinsThatBreakTheRule_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addRow("five digits") << QByteArray("12345\n");
        QTest::addRow("letters") << QByteArray("12345a\n");
        QTest::addRow("nothing") << QByteArray();
    }

    void pinsThatBreakTheRule()
    {
        QFETCH(QByteArray, input);
        const ProcessRun refused = account(add(QStringLiteral("Lê Văn Bảo"), QStringLiteral("receptionist")), input);
        QCOMPARE(refused.exitCode, 2);
        QVERIFY(!refused.err.isEmpty());
        QVERIFY(!account({QStringLiteral("list")}).out.contains("Bảo"));
    }

    void badUsage()
    {
        QCOMPARE(account(add(QStringLiteral("X"), QStringLiteral("boss")), "135790\n").exitCode, 2);
        QCOMPARE(
            account({QStringLiteral("add"), QStringLiteral("--role"), QStringLiteral("admin")}, "135790\n").exitCode,
            2);
        QCOMPARE(account({QStringLiteral("rename")}).exitCode, 2);
        QCOMPARE(
            account({QStringLiteral("pin"), QStringLiteral("--name"), QStringLiteral("Không Có")}, "135790\n").exitCode,
            1);
    }

    void plainTextPinInTheIniIsRefused()
    {
        const QString old = m_dir.filePath(QStringLiteral("old.ini"));
        QFile ini(old);
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[site]\nid=ubnd-hue\n[kiosk]\nreceptionist_pin=2468\n");
        ini.close();
        const ProcessRun refused = account({QStringLiteral("list")}, QByteArray(), old);
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(QStringLiteral("receptionist_pin")) &&
                     refused.err.contains(QStringLiteral("gatehouse-cli account add")),
                 qPrintable(refused.err));
    }

    void noPinInPlainTextOnDisk()
    {
        for (const QString& file : {m_db, QString(m_db + QStringLiteral("-wal")), m_ini}) {
            QFile bytes(file);
            if (!bytes.open(QIODevice::ReadOnly))
                continue;
            const QByteArray content = bytes.readAll();
            for (const char* secret : {"135790", "246810", "864200"})
                QVERIFY2(!content.contains(secret), qPrintable(file));
        }
    }

    void ctrlCAtThePinPromptGivesTheEchoBack()
    {
        // An administrator types `account add` at a terminal and thinks better of it at the PIN
        // prompt: Ctrl+C. The terminal (a pseudo-terminal here, the CLI's controlling one) had its
        // echo turned off for the PIN; it must have it back, or the shell after shows nothing typed.
        int master = -1;
        int slave = -1;
        QVERIFY(openpty(&master, &slave, nullptr, nullptr, nullptr) == 0);
        termios settings{};
        QVERIFY(tcgetattr(slave, &settings) == 0);
        QVERIFY((settings.c_lflag & ECHO) && (settings.c_lflag & ISIG)); // Ctrl+C sends SIGINT

        std::vector<QByteArray> arguments = {QFile::encodeName(CLI),
                                             "--db",
                                             QFile::encodeName(m_db),
                                             "--config",
                                             QFile::encodeName(m_ini),
                                             "account",
                                             "add",
                                             "--name",
                                             QStringLiteral("Hồ Văn Thôi").toUtf8(),
                                             "--role",
                                             "receptionist"};
        std::vector<char*> argv;
        for (QByteArray& argument : arguments)
            argv.push_back(argument.data());
        argv.push_back(nullptr);
        const pid_t child = fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            // Only async-signal-safe calls between fork and exec.
            setsid();
            ioctl(slave, TIOCSCTTY, 0);
            dup2(slave, STDIN_FILENO);
            dup2(slave, STDOUT_FILENO);
            dup2(slave, STDERR_FILENO);
            execv(argv[0], argv.data());
            _exit(127);
        }

        // Once the prompt has turned the echo off, Ctrl+C as the keyboard sends it.
        const auto drain = [master] {
            pollfd ready{master, POLLIN, 0};
            char said[512];
            while (poll(&ready, 1, 0) > 0 && read(master, said, sizeof said) > 0) {
            }
        };
        QDeadlineTimer deadline(60000);
        bool quiet = false;
        while (!quiet && !deadline.hasExpired()) {
            drain();
            QVERIFY(tcgetattr(slave, &settings) == 0);
            quiet = !(settings.c_lflag & ECHO);
            if (!quiet)
                QTest::qWait(20);
        }
        QVERIFY2(quiet, "the PIN prompt never turned the echo off");
        QCOMPARE(write(master, "\x03", 1), ssize_t(1));

        int status = 0;
        pid_t ended = 0;
        while ((ended = waitpid(child, &status, WNOHANG)) == 0 && !deadline.hasExpired()) {
            drain();
            QTest::qWait(20);
        }
        if (ended == 0) {
            kill(child, SIGKILL);
            waitpid(child, &status, 0);
            QFAIL("Ctrl+C did not end the prompt");
        }
        QVERIFY(tcgetattr(slave, &settings) == 0);
        close(master);
        close(slave);
        QVERIFY2(settings.c_lflag & ECHO, "the terminal was left without its echo");
        // It ends as Ctrl+C ends any program, and adds nobody.
        QVERIFY(WIFSIGNALED(status));
        QCOMPARE(WTERMSIG(status), SIGINT);
        QVERIFY(!account({QStringLiteral("list")}).out.contains(QStringLiteral("Thôi").toUtf8()));
    }
};

QTEST_GUILESS_MAIN(TestAccountCommands)
#include "TestAccountCommands.moc"
