// `gatehouse-cli export` and `verify-export`: a signed export verifies with Gatehouse and with
// OpenSSL itself, one changed byte is caught, and bad requests leave no file behind.
#include "ProcessRun.h"

#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString CLI = QStringLiteral(GATEHOUSE_CLI);
} // namespace

class TestExportCommand : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;
    QString m_keys;

    ProcessRun cli(const QStringList& arguments)
    {
        return ProcessRun::start(CLI, QStringList{QStringLiteral("--db"), m_db} + arguments);
    }

    QStringList window(const QString& out) const
    {
        return {QStringLiteral("export"),
                QStringLiteral("--from"),
                QStringLiteral("2020-08-03T00:00:00+07:00"),
                QStringLiteral("--to"),
                QStringLiteral("2020-08-04T00:00:00+07:00"),
                QStringLiteral("--out"),
                out};
    }

private slots:
    void initTestCase()
    {
        m_db = m_dir.filePath(QStringLiteral("log.db"));
        m_keys = m_dir.filePath(QStringLiteral("keys"));
        QCOMPARE(ProcessRun::start(CLI, {QStringLiteral("keygen"), QStringLiteral("--out"), m_keys}).exitCode, 0);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(cli({QStringLiteral("checkin"), QStringLiteral("--name"), QStringLiteral("Khách %1").arg(i),
                          QStringLiteral("--id-number"), QStringLiteral("04608749626%1").arg(i), QStringLiteral("--at"),
                          QStringLiteral("2020-08-03T%1:00:00+07:00").arg(8 + i, 2, 10, QLatin1Char('0'))})
                         .exitCode,
                     0);
        }
    }

    void signedExportVerifies()
    {
        const QString csv = m_dir.filePath(QStringLiteral("signed.csv"));
        const ProcessRun exported =
            cli(window(csv) << QStringLiteral("--sign") << m_keys + QStringLiteral("/site.pem"));
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        QVERIFY(exported.out.startsWith("3 entries exported"));
        QCOMPARE(QFileInfo(csv + QStringLiteral(".sig")).size(), 64);

        const ProcessRun verified =
            ProcessRun::start(CLI, {QStringLiteral("verify-export"), csv, QStringLiteral("--pub"),
                                    m_keys + QStringLiteral("/site.pub.pem")});
        QCOMPARE(verified.exitCode, 0);

        // The two plain OpenSSL commands README gives officials.
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (!openssl.isEmpty()) {
            const ProcessRun plain = ProcessRun::start(
                openssl, {QStringLiteral("pkeyutl"), QStringLiteral("-verify"), QStringLiteral("-pubin"),
                          QStringLiteral("-inkey"), m_keys + QStringLiteral("/site.pub.pem"), QStringLiteral("-rawin"),
                          QStringLiteral("-in"), csv, QStringLiteral("-sigfile"), csv + QStringLiteral(".sig")});
            QVERIFY2(plain.exitCode == 0, qPrintable(plain.err + QString::fromUtf8(plain.out)));
        }

        // One byte changed: refused, with a sentence, exit 1.
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadWrite));
        file.seek(10);
        file.write("X");
        file.close();
        const ProcessRun tampered =
            ProcessRun::start(CLI, {QStringLiteral("verify-export"), csv, QStringLiteral("--pub"),
                                    m_keys + QStringLiteral("/site.pub.pem")});
        QCOMPARE(tampered.exitCode, 1);
        QVERIFY(tampered.err.contains(QStringLiteral("does not match its signature")));
    }

    void signedWorkbookVerifies()
    {
        const QString xlsx = m_dir.filePath(QStringLiteral("signed.xlsx"));
        const ProcessRun exported =
            cli(window(xlsx) << QStringLiteral("--sign") << m_keys + QStringLiteral("/site.pem"));
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        QVERIFY(exported.out.startsWith("3 entries exported"));
        QFile file(xlsx);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(2) == "PK"); // a zip: the workbook, whose contents TestSpreadsheetExport reads
        const ProcessRun verified =
            ProcessRun::start(CLI, {QStringLiteral("verify-export"), xlsx, QStringLiteral("--pub"),
                                    m_keys + QStringLiteral("/site.pub.pem")});
        QCOMPARE(verified.exitCode, 0);
    }

    void adoptionReports()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("adoption.pdf"));
        const QString csv = m_dir.filePath(QStringLiteral("adoption.csv"));
        QStringList request = window(pdf);
        request[0] = QStringLiteral("report");
        const ProcessRun drawn = cli(request);
        QVERIFY2(drawn.exitCode == 0, qPrintable(drawn.err));
        QFile page(pdf);
        QVERIFY(page.open(QIODevice::ReadOnly));
        QVERIFY(page.read(5) == "%PDF-");
        request.last() = csv;
        request << QStringLiteral("--lang") << QStringLiteral("en");
        const ProcessRun written = cli(request);
        QVERIFY2(written.exitCode == 0, qPrintable(written.err));
        QVERIFY(written.out.startsWith("Adoption report of 3 entries"));
        QFile table(csv);
        QVERIFY(table.open(QIODevice::ReadOnly));
        QVERIFY(table.readLine().startsWith("\xEF\xBB\xBF"
                                            "date,visitors,staff,guests,entries,app_verified"));
        QVERIFY(table.readLine().startsWith("2020-08-03,3,0,0,3,"));

        request.last() = QStringLiteral("fr");
        QCOMPARE(cli(request).exitCode, 2);
        request[request.size() - 3] = m_dir.filePath(QStringLiteral("adoption.docx"));
        const ProcessRun wrongKind = cli(request);
        QCOMPARE(wrongKind.exitCode, 2);
        QVERIFY(wrongKind.err.contains(QStringLiteral(".pdf or .csv")));
    }

    void auditRecordsEveryOutput()
    {
        // Runs after the exports and reports above (QtTest keeps declaration order).
        auto database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("audit"));
        database.setDatabaseName(m_db);
        QVERIFY(database.open());
        QSqlQuery query(QStringLiteral("SELECT action, details FROM audit_log WHERE actor = 'cli' ORDER BY id"),
                        database);
        QStringList actions;
        while (query.next()) {
            actions << query.value(0).toString();
            const QString details = query.value(1).toString();
            if (actions.last() == QLatin1String("export") || actions.last() == QLatin1String("report")) {
                QVERIFY2(details.contains(QStringLiteral("from=2020-08-03T00:00:00+07:00")), qPrintable(details));
                QVERIFY2(details.contains(QRegularExpression(QStringLiteral("sha256=[0-9a-f]{64} "))),
                         qPrintable(details));
            }
        }
        QVERIFY2(actions.count(QStringLiteral("export")) >= 2, qPrintable(actions.join(QLatin1Char(' '))));
        QCOMPARE(actions.count(QStringLiteral("report")), 2);
    }

    void badRequests_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("out");
        QTest::addColumn<QString>("expected");
        QTest::addRow("public key to sign") << QStringList{QStringLiteral("--sign"), QStringLiteral("PUB")}
                                            << QStringLiteral("a.csv") << QStringLiteral("public key");
        QTest::addRow("not a key") << QStringList{QStringLiteral("--sign"), CLI} << QStringLiteral("b.csv")
                                   << QStringLiteral("as a key");
        QTest::addRow("unwritable") << QStringList() << QStringLiteral("no/such/folder/c.csv")
                                    << QStringLiteral("cannot write");
        QTest::addRow("bad language") << QStringList{QStringLiteral("--lang"), QStringLiteral("fr")}
                                      << QStringLiteral("d.csv") << QStringLiteral("--lang");
        QTest::addRow("not csv or xlsx") << QStringList() << QStringLiteral("f.pdf")
                                         << QStringLiteral("Name the --out file with .csv or .xlsx");
        QTest::addRow("unwritable workbook")
            << QStringList() << QStringLiteral("no/such/folder/g.xlsx") << QStringLiteral("cannot write");
    }

    void badRequests()
    {
        QFETCH(QStringList, extra);
        QFETCH(QString, out);
        QFETCH(QString, expected);
        extra.replaceInStrings(QStringLiteral("PUB"), m_keys + QStringLiteral("/site.pub.pem"));
        const QString path = m_dir.filePath(out);
        const ProcessRun result = cli(window(path) + extra);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(expected), qPrintable(result.err));
        QVERIFY(!QFileInfo::exists(path)); // nothing left behind that looks complete
    }

    void windowBackwards()
    {
        const ProcessRun result =
            cli({QStringLiteral("export"), QStringLiteral("--from"), QStringLiteral("2020-08-04T00:00:00+07:00"),
                 QStringLiteral("--to"), QStringLiteral("2020-08-03T00:00:00+07:00"), QStringLiteral("--out"),
                 m_dir.filePath(QStringLiteral("e.csv"))});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains(QStringLiteral("--from must be before --to")));
    }
};

QTEST_GUILESS_MAIN(TestExportCommand)
#include "TestExportCommand.moc"
