// `gatehouse-cli export` and `verify-export`: a signed export's manifest vouches for the request
// (purpose, site, window, rows, signer) and verifies with Gatehouse and with OpenSSL itself; a
// manifest changed or a byte of the file changed is caught; a pass key never signs an export; the
// trace and the report are signed the same way; bad requests leave no file behind.
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
        // A pass key (site.pem) and an export key (export.pem), as a site makes them.
        QCOMPARE(ProcessRun::start(CLI, {QStringLiteral("keygen"), QStringLiteral("--out"), m_keys}).exitCode, 0);
        QCOMPARE(ProcessRun::start(CLI, {QStringLiteral("keygen"), QStringLiteral("--purpose"),
                                         QStringLiteral("export"), QStringLiteral("--out"), m_keys})
                     .exitCode,
                 0);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(cli({QStringLiteral("checkin"), QStringLiteral("--name"), QStringLiteral("Khách %1").arg(i),
                          QStringLiteral("--id-number"), QStringLiteral("04608749626%1").arg(i), QStringLiteral("--at"),
                          QStringLiteral("2020-08-03T%1:00:00+07:00").arg(8 + i, 2, 10, QLatin1Char('0'))})
                         .exitCode,
                     0);
        }
    }

    // verify-export FILE with the export's public key.
    ProcessRun verify(const QString& file, const QString& publicKey = QString())
    {
        return ProcessRun::start(CLI, {QStringLiteral("verify-export"), file, QStringLiteral("--pub"),
                                       publicKey.isEmpty() ? m_keys + QStringLiteral("/export.pub.pem") : publicKey,
                                       QStringLiteral("--json")});
    }

    void signedExportVouchesForTheRequest()
    {
        const QString csv = m_dir.filePath(QStringLiteral("signed.csv"));
        const ProcessRun exported =
            cli(window(csv) << QStringLiteral("--sign") << m_keys + QStringLiteral("/export.pem"));
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        QVERIFY(exported.out.startsWith("3 entries exported"));
        const QString manifest = csv + QStringLiteral(".manifest.json");
        QCOMPARE(QFileInfo(manifest + QStringLiteral(".sig")).size(), 64);

        // What the signature vouches for: the request, not only the bytes.
        const ProcessRun verified = verify(csv);
        QVERIFY2(verified.exitCode == 0, qPrintable(verified.err));
        const QJsonObject vouched = verified.jsonLines().value(0);
        QCOMPARE(vouched.value(QStringLiteral("purpose")).toString(), QStringLiteral("export"));
        QCOMPARE(vouched.value(QStringLiteral("site")).toString(), QStringLiteral("site"));
        QCOMPARE(vouched.value(QStringLiteral("from")).toString(), QStringLiteral("2020-08-03T00:00:00+07:00"));
        QCOMPARE(vouched.value(QStringLiteral("to")).toString(), QStringLiteral("2020-08-04T00:00:00+07:00"));
        QCOMPARE(vouched.value(QStringLiteral("rows")).toInt(), 3);
        QCOMPARE(vouched.value(QStringLiteral("signed_by")).toString(), QStringLiteral("cli"));
        QCOMPARE(vouched.value(QStringLiteral("file")).toString(), QStringLiteral("signed.csv"));
        QCOMPARE(vouched.value(QStringLiteral("key_id")).toString().size(), 16);
        QVERIFY(!vouched.contains(QStringLiteral("case"))); // an export is nobody's trace

        // The two plain commands export-csv.md gives officials: OpenSSL on the manifest, then the
        // file's SHA-256 against the manifest's.
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (!openssl.isEmpty()) {
            const ProcessRun plain = ProcessRun::start(
                openssl,
                {QStringLiteral("pkeyutl"), QStringLiteral("-verify"), QStringLiteral("-pubin"),
                 QStringLiteral("-inkey"), m_keys + QStringLiteral("/export.pub.pem"), QStringLiteral("-rawin"),
                 QStringLiteral("-in"), manifest, QStringLiteral("-sigfile"), manifest + QStringLiteral(".sig")});
            QVERIFY2(plain.exitCode == 0, qPrintable(plain.err + QString::fromUtf8(plain.out)));
            const ProcessRun digest = ProcessRun::start(
                openssl, {QStringLiteral("dgst"), QStringLiteral("-sha256"), QStringLiteral("-r"), csv});
            QCOMPARE(QString::fromLatin1(digest.out.left(64)), vouched.value(QStringLiteral("sha256")).toString());
        }

        // The manifest of another request passed off with this file: its signature does not hold.
        QFile forged(manifest);
        QVERIFY(forged.open(QIODevice::ReadOnly));
        QByteArray json = forged.readAll();
        forged.close();
        QVERIFY(forged.open(QIODevice::WriteOnly | QIODevice::Truncate));
        forged.write(json.replace("2020-08-03T00:00:00", "2020-08-01T00:00:00"));
        forged.close();
        const ProcessRun otherWindow = verify(csv);
        QCOMPARE(otherWindow.exitCode, 1);
        QVERIFY2(otherWindow.err.contains(QStringLiteral("does not match its signature")), qPrintable(otherWindow.err));
        QVERIFY(forged.open(QIODevice::WriteOnly | QIODevice::Truncate));
        forged.write(json.replace("2020-08-01T00:00:00", "2020-08-03T00:00:00"));
        forged.close();
        QCOMPARE(verify(csv).exitCode, 0);

        // One byte of the file changed: refused, with a sentence, exit 1.
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadWrite));
        file.seek(10);
        file.write("X");
        file.close();
        const ProcessRun tampered = verify(csv);
        QCOMPARE(tampered.exitCode, 1);
        QVERIFY2(tampered.err.contains(QStringLiteral("SHA-256 differs")), qPrintable(tampered.err));
        // And another key than the site's export key: refused.
        QCOMPARE(verify(csv, m_keys + QStringLiteral("/site.pub.pem")).exitCode, 1);
    }

    void emptyExportsOfTwoWindowsAreNotInterchangeable()
    {
        // Today's empty export was byte-identical for every site and window; the manifests differ.
        const QString a = m_dir.filePath(QStringLiteral("empty-a.csv"));
        const QString b = m_dir.filePath(QStringLiteral("empty-b.csv"));
        for (const auto& [path, day] :
             {std::pair(a, QStringLiteral("2019-01-01")), std::pair(b, QStringLiteral("2019-02-01"))}) {
            const ProcessRun exported =
                cli({QStringLiteral("export"), QStringLiteral("--from"), day + QStringLiteral("T00:00:00+07:00"),
                     QStringLiteral("--to"), day + QStringLiteral("T23:00:00+07:00"), QStringLiteral("--out"), path,
                     QStringLiteral("--sign"), m_keys + QStringLiteral("/export.pem")});
            QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        }
        QCOMPARE(verify(a).jsonLines().value(0).value(QStringLiteral("rows")).toInt(), 0);
        QCOMPARE(verify(a).jsonLines().value(0).value(QStringLiteral("from")).toString(),
                 QStringLiteral("2019-01-01T00:00:00+07:00"));
        QCOMPARE(verify(b).jsonLines().value(0).value(QStringLiteral("from")).toString(),
                 QStringLiteral("2019-02-01T00:00:00+07:00"));
    }

    void aPassKeyNeverSignsAnExport()
    {
        // The site's pass key (in the trust folder of its passes) is refused for an export.
        const QString ini = m_dir.filePath(QStringLiteral("passes.ini"));
        QFile config(ini);
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("[passes]\ntrust_dir=" + m_keys.toUtf8() + "\n");
        config.close();
        const QString out = m_dir.filePath(QStringLiteral("pass-signed.csv"));
        const ProcessRun refused = ProcessRun::start(
            CLI, QStringList{QStringLiteral("--db"), m_db, QStringLiteral("--config"), ini} + window(out) +
                     QStringList{QStringLiteral("--sign"), m_keys + QStringLiteral("/site.pem")});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(QStringLiteral("visitor-pass key")), qPrintable(refused.err));
        QVERIFY(!QFileInfo::exists(out));
    }

    void signedWorkbookAndTraceAndReportVerify()
    {
        const QString xlsx = m_dir.filePath(QStringLiteral("signed.xlsx"));
        const ProcessRun exported =
            cli(window(xlsx) << QStringLiteral("--sign") << m_keys + QStringLiteral("/export.pem"));
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        QFile file(xlsx);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(2) == "PK"); // a zip: the workbook, whose contents TestSpreadsheetExport reads
        QCOMPARE(verify(xlsx).exitCode, 0);

        const QString trace = m_dir.filePath(QStringLiteral("signed-trace.csv"));
        QStringList request = window(trace);
        request[0] = QStringLiteral("trace");
        request << QStringLiteral("--id-number") << QStringLiteral("046 087 496 260") << QStringLiteral("--sign")
                << m_keys + QStringLiteral("/export.pem");
        const ProcessRun traced = cli(request);
        QVERIFY2(traced.exitCode == 0, qPrintable(traced.err));
        const QJsonObject vouched = verify(trace).jsonLines().value(0);
        QCOMPARE(vouched.value(QStringLiteral("purpose")).toString(), QStringLiteral("trace"));
        // Issue 24: whose trace it is, masked as the audit log names the case, never in full.
        QCOMPARE(vouched.value(QStringLiteral("case")).toString(), QStringLiteral("…260"));
        QFile manifest(trace + QStringLiteral(".manifest.json"));
        QVERIFY(manifest.open(QIODevice::ReadOnly));
        QVERIFY(!manifest.readAll().contains("046087496260"));
        // Issue 24: the audit chain's head when the trace was handed out (the row before the
        // trace's own), an anchor outside the kiosk for `audit verify --anchor`.
        {
            auto database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("head"));
            database.setDatabaseName(m_db);
            QVERIFY(database.open());
            QSqlQuery head(QStringLiteral("SELECT id || ':' || hash FROM audit_log ORDER BY id DESC LIMIT 1 OFFSET 1"),
                           database);
            QVERIFY(head.next());
            QCOMPARE(vouched.value(QStringLiteral("audit_head")).toString(), head.value(0).toString());
        }
        QSqlDatabase::removeDatabase(QStringLiteral("head"));

        const QString report = m_dir.filePath(QStringLiteral("signed-report.csv"));
        request = window(report);
        request[0] = QStringLiteral("report");
        request << QStringLiteral("--sign") << m_keys + QStringLiteral("/export.pem");
        QCOMPARE(cli(request).exitCode, 0);
        QCOMPARE(verify(report).jsonLines().value(0).value(QStringLiteral("purpose")).toString(),
                 QStringLiteral("report"));
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
                                            "\"date\",\"visitors\",\"staff\",\"guests\",\"entries\",\"app_verified\""));
        QVERIFY(table.readLine().startsWith("\"2020-08-03\",\"3\",\"0\",\"0\",\"3\","));

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
                QVERIFY2(details.contains(QRegularExpression(QStringLiteral("^from=20[12][09]-"))),
                         qPrintable(details));
                QVERIFY2(details.contains(QRegularExpression(QStringLiteral("sha256=[0-9a-f]{64} "))),
                         qPrintable(details));
            }
        }
        QVERIFY2(actions.count(QStringLiteral("export")) >= 2, qPrintable(actions.join(QLatin1Char(' '))));
        QVERIFY(actions.count(QStringLiteral("report")) >= 2);
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
                                      << QStringLiteral("d.csv") << QStringLiteral("not \"fr\"");
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
        extra.replaceInStrings(QStringLiteral("PUB"), m_keys + QStringLiteral("/export.pub.pem"));
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
        QVERIFY2(result.err.contains(QStringLiteral("The window must end after it starts")), qPrintable(result.err));
    }

    // Issue 24: one check of an official's ask (export/OfficialAsk.h) for every request: the trace
    // took any --lang, and wrote English for "fr".
    void everyRequestChecksTheAsk()
    {
        for (const QString& action : {QStringLiteral("export"), QStringLiteral("trace"), QStringLiteral("report")}) {
            const QString out = m_dir.filePath(QStringLiteral("%1-fr.csv").arg(action));
            QStringList request = window(out);
            request[0] = action;
            if (action == QLatin1String("trace"))
                request << QStringLiteral("--id-number") << QStringLiteral("046 087 496 260");
            request << QStringLiteral("--lang") << QStringLiteral("fr");
            const ProcessRun refused = cli(request);
            QCOMPARE(refused.exitCode, 2);
            QVERIFY2(refused.err.contains(QStringLiteral("not \"fr\"")), qPrintable(action + refused.err));
            QVERIFY(!QFileInfo::exists(out));
        }
    }
};

QTEST_GUILESS_MAIN(TestExportCommand)
#include "TestExportCommand.moc"
