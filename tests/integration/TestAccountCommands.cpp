// `gatehouse-cli account add|list|remove|pin` as formats/cli.md says (issue 11): the PIN read from
// standard input and checked against the rule, a plain-text PIN in the INI refused with the way to
// an account, the last administrator kept, every change audited; and no PIN in plain text in the
// database file, the INI or the audit log.
#include "ProcessRun.h"
#include "storage/Database.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

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
};

QTEST_GUILESS_MAIN(TestAccountCommands)
#include "TestAccountCommands.moc"
