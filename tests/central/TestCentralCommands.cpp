// gatehouse-cli's central and sync commands, as a technician runs them, against a PostgreSQL 15 of
// the test's own that accepts kiosks over TLS with a client certificate only (pg_hba.conf
// `hostssl … cert`, as README's production notes say): the CA and the server's certificate are
// made with the openssl tool itself; `central add-kiosk` issues each kiosk's key and certificate;
// kiosk A's certificate logs in as A and never as B, no certificate is refused; `sync --once`
// sends over that link, `sync --status` says so, `central present` and `status` see it.
#include "../integration/ProcessRun.h"
#include "CentralTls.h"
#include "ThrowawayPostgres.h"

#include "central/CentralConnection.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using CentralTls::openssl;

class TestCentralCommands : public QObject
{
    Q_OBJECT

private:
    ThrowawayPostgres m_server;
    QTemporaryDir m_dir;

    ProcessRun cli(const QStringList& arguments, const QString& config = QString())
    {
        QStringList all;
        if (!config.isEmpty())
            all << QStringLiteral("--config") << config;
        return ProcessRun::start(QStringLiteral(GATEHOUSE_CLI), all + arguments);
    }

    QString admin() const { return m_server.uri(); }

    // The kiosk's TLS link: the server checked against the CA (verify-full), the kiosk's files.
    QString tlsUri(const QString& kioskFolder) const
    {
        return QStringLiteral("host=localhost hostaddr=127.0.0.1 port=%1 dbname=postgres sslmode=verify-full "
                              "sslrootcert=%2 sslcert=%3 sslkey=%4")
            .arg(m_server.port())
            .arg(m_dir.filePath(QStringLiteral("ca.pem")), kioskFolder + QStringLiteral("/kiosk.pem"),
                 kioskFolder + QStringLiteral("/kiosk.key"));
    }

private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
            QSKIP("the openssl tool is not installed");
        // The province's CA and the central server's certificate, by the openssl tool; kiosks
        // over TLS with a certificate whose CN is their role, nothing else over TCP.
        QVERIFY(CentralTls::makeAuthority(m_dir.path()));
        const QString why = CentralTls::start(m_server, m_dir.path());
        if (!why.isEmpty())
            QSKIP(qPrintable(QStringLiteral("no PostgreSQL server for the central tests: ") + why));
    }

    void aTechnicianConnectsTwoKiosks()
    {
        ProcessRun run =
            cli({QStringLiteral("central"), QStringLiteral("migrate"), QStringLiteral("--central"), admin()});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains("version 12"));
        run = cli({QStringLiteral("central"), QStringLiteral("migrate"), QStringLiteral("--central"), admin()});
        QVERIFY2(run.exitCode == 0 && run.out.contains("up to date"), qPrintable(run.err));
        // What the timer on the central server runs (README): the store's own VACUUM.
        run = cli({QStringLiteral("central"), QStringLiteral("vacuum"), QStringLiteral("--central"), admin()});
        QVERIFY2(run.exitCode == 0 && run.out.contains("Vacuumed"), qPrintable(run.err));
        run = cli({QStringLiteral("central"), QStringLiteral("add-site"), QStringLiteral("--central"), admin(),
                   QStringLiteral("--id"), QStringLiteral("hue-ubnd"), QStringLiteral("--name"),
                   QStringLiteral("UBND tỉnh Thừa Thiên Huế"), QStringLiteral("--district"), QStringLiteral("TP Huế")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        for (const QString& kiosk : {QStringLiteral("gate-a"), QStringLiteral("gate-b")}) {
            run =
                cli({QStringLiteral("central"), QStringLiteral("add-kiosk"), QStringLiteral("--central"), admin(),
                     QStringLiteral("--site"), QStringLiteral("hue-ubnd"), QStringLiteral("--kiosk"), kiosk,
                     QStringLiteral("--entrance"), QStringLiteral("Cổng ") + kiosk.right(1), QStringLiteral("--ca-key"),
                     m_dir.filePath(QStringLiteral("ca.key")), QStringLiteral("--ca-cert"),
                     m_dir.filePath(QStringLiteral("ca.pem")), QStringLiteral("--out"), m_dir.filePath(kiosk)});
            QVERIFY2(run.exitCode == 0, qPrintable(run.err));
            // The [central] group to paste: the kiosk's id, no administrator's name, the TLS files.
            QVERIFY2(run.out.startsWith("[central]\n"), run.out.constData());
            QVERIFY(run.out.contains(QByteArray("kiosk_id=" + kiosk.toUtf8() + '\n')));
            QVERIFY(run.out.contains("sslmode=verify-full"));
            QVERIFY(!run.out.contains("user=postgres"));
            const QFileInfo key(m_dir.filePath(kiosk + QStringLiteral("/kiosk.key")));
            QVERIFY(key.exists());
            QCOMPARE(key.permissions() & 0x0077, QFileDevice::Permissions()); // owner only
        }
        // The certificate says who it is for, and the CA vouches for it (the openssl tool agrees).
        QVERIFY(openssl({QStringLiteral("verify"), QStringLiteral("-CAfile"), QStringLiteral("ca.pem"),
                         QStringLiteral("-purpose"), QStringLiteral("sslclient"), QStringLiteral("gate-a/kiosk.pem")},
                        m_dir.path()));
    }

    void aCertificateLogsInAsItsKioskOnly()
    {
        const auto own =
            CentralConnection::open(tlsUri(m_dir.filePath(QStringLiteral("gate-a"))), QStringLiteral("gate-a"));
        QVERIFY2(own, own ? "" : qPrintable(own.error().message()));
        const auto ssl = own.value()->exec(QStringLiteral("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"));
        QVERIFY(ssl);
        QCOMPARE(ssl->values.first().first(), QStringLiteral("t"));
        // A's certificate, B's name: refused.
        const auto other =
            CentralConnection::open(tlsUri(m_dir.filePath(QStringLiteral("gate-a"))), QStringLiteral("gate-b"));
        QVERIFY(!other);
        QVERIFY2(other.error().message().contains(QStringLiteral("certificate")), qPrintable(other.error().message()));
        // No certificate: refused.
        const auto none = CentralConnection::open(
            QStringLiteral(
                "host=localhost hostaddr=127.0.0.1 port=%1 dbname=postgres sslmode=verify-full sslrootcert=%2")
                .arg(m_server.port())
                .arg(m_dir.filePath(QStringLiteral("ca.pem"))),
            QStringLiteral("gate-a"));
        QVERIFY(!none);
        // Not over plain TCP either.
        const auto plain = CentralConnection::open(
            QStringLiteral("host=127.0.0.1 port=%1 dbname=postgres sslmode=disable").arg(m_server.port()),
            QStringLiteral("gate-a"));
        QVERIFY(!plain);
    }

    void aKioskSyncsOverTls()
    {
        // Gate A's configuration as add-kiosk printed it, with the test's file paths.
        const QString folder = m_dir.filePath(QStringLiteral("gate-a"));
        const QString config = m_dir.filePath(QStringLiteral("gate-a.ini"));
        QFile ini(config);
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write(QStringLiteral("[site]\nid=hue-ubnd\nentrance=Cổng a\n[storage]\ndatabase=%1\n[central]\nuri=%2\n"
                                 "kiosk_id=gate-a\n")
                      .arg(m_dir.filePath(QStringLiteral("gate-a.db")), tlsUri(folder))
                      .toUtf8());
        ini.close();
        ProcessRun run = cli({QStringLiteral("sync"), QStringLiteral("--status")}, config);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains("Nothing sent yet"));
        for (const QString& who : {QStringLiteral("046190000001"), QStringLiteral("046190000002")}) {
            run = cli({QStringLiteral("checkin"), QStringLiteral("--name"), QStringLiteral("Khách ") + who.right(1),
                       QStringLiteral("--id-number"), who, QStringLiteral("--app"), QStringLiteral("verified")},
                      config);
            QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        }
        run = cli({QStringLiteral("sync"), QStringLiteral("--once"), QStringLiteral("--json")}, config);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject round = run.jsonLines().value(0);
        QVERIFY(round.value(QStringLiteral("sent")).toInt() >= 2); // and the audit rows
        QCOMPARE(round.value(QStringLiteral("backlog")).toInt(), 0);
        run = cli({QStringLiteral("sync"), QStringLiteral("--status"), QStringLiteral("--json")}, config);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject status = run.jsonLines().value(0);
        QCOMPARE(status.value(QStringLiteral("backlog")).toInt(), 0);
        QVERIFY(!status.value(QStringLiteral("last_sent_at")).toString().isEmpty());
        QVERIFY(!status.value(QStringLiteral("central")).toString().contains(QStringLiteral("password")));

        run = cli({QStringLiteral("central"), QStringLiteral("present"), QStringLiteral("--central"), admin(),
                   QStringLiteral("--site"), QStringLiteral("hue-ubnd"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.jsonLines().size(), 2);
        QCOMPARE(run.jsonLines().first().value(QStringLiteral("entrance")).toString(), QStringLiteral("Cổng a"));
        // The province-wide trace, as an official's file: the other visitor, neutralised, signed.
        run = cli({QStringLiteral("keygen"), QStringLiteral("--purpose"), QStringLiteral("export"),
                   QStringLiteral("--out"), m_dir.filePath(QStringLiteral("keys"))});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QString trace = m_dir.filePath(QStringLiteral("trace.csv"));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        run = cli({QStringLiteral("central"), QStringLiteral("trace"), QStringLiteral("--central"), admin(),
                   QStringLiteral("--id-number"), QStringLiteral("046 190 000 001"), QStringLiteral("--from"),
                   now.addDays(-1).toString(Qt::ISODate), QStringLiteral("--to"), now.addDays(1).toString(Qt::ISODate),
                   QStringLiteral("--out"), trace, QStringLiteral("--sign"),
                   m_dir.filePath(QStringLiteral("keys/export.pem"))});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QFile traced(trace);
        QVERIFY(traced.open(QIODevice::ReadOnly));
        const QByteArray csv = traced.readAll();
        QVERIFY2(csv.contains("\"Khách 2\"") && !csv.contains("\"Khách 1\""), csv.constData());
        run = cli({QStringLiteral("verify-export"), trace, QStringLiteral("--pub"),
                   m_dir.filePath(QStringLiteral("keys/export.pub.pem")), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.jsonLines().value(0).value(QStringLiteral("purpose")).toString(), QStringLiteral("trace"));
        QCOMPARE(run.jsonLines().value(0).value(QStringLiteral("case")).toString(), QStringLiteral("…001")); // issue 24

        // The site's export, as a workbook and as CSV, signed; plain OpenSSL checks the signature.
        const QStringList window = {QStringLiteral("--from"), now.addDays(-1).toString(Qt::ISODate),
                                    QStringLiteral("--to"), now.addDays(1).toString(Qt::ISODate)};
        const QStringList exportOf =
            QStringList{QStringLiteral("central"), QStringLiteral("export"), QStringLiteral("--central"), admin()} +
            window;
        for (const QString& name : {QStringLiteral("site.xlsx"), QStringLiteral("site.csv")}) {
            run = cli(exportOf + QStringList{QStringLiteral("--site"), QStringLiteral("hue-ubnd"),
                                             QStringLiteral("--out"), m_dir.filePath(name), QStringLiteral("--sign"),
                                             m_dir.filePath(QStringLiteral("keys/export.pem"))});
            QVERIFY2(run.exitCode == 0, qPrintable(run.err));
            QVERIFY2(run.out.contains("2 entries exported"), run.out.constData());
            run = cli({QStringLiteral("verify-export"), m_dir.filePath(name), QStringLiteral("--pub"),
                       m_dir.filePath(QStringLiteral("keys/export.pub.pem")), QStringLiteral("--json")});
            QVERIFY2(run.exitCode == 0, qPrintable(run.err));
            QCOMPARE(run.jsonLines().value(0).value(QStringLiteral("purpose")).toString(), QStringLiteral("export"));
            QCOMPARE(run.jsonLines().value(0).value(QStringLiteral("site")).toString(), QStringLiteral("hue-ubnd"));
            QVERIFY(openssl({QStringLiteral("pkeyutl"), QStringLiteral("-verify"), QStringLiteral("-pubin"),
                             QStringLiteral("-inkey"), QStringLiteral("keys/export.pub.pem"), QStringLiteral("-rawin"),
                             QStringLiteral("-in"), name + QStringLiteral(".manifest.json"), QStringLiteral("-sigfile"),
                             name + QStringLiteral(".manifest.json.sig")},
                            m_dir.path()));
        }
        QFile exported(m_dir.filePath(QStringLiteral("site.csv")));
        QVERIFY(exported.open(QIODevice::ReadOnly));
        const QByteArray rows = exported.readAll();
        QVERIFY2(rows.contains("\"gate-a:1\",\"hue-ubnd\",\"Cổng a\"") && rows.contains("\"Khách 2\""),
                 rows.constData());
        // Which sites must be said, once; the file's kind by its extension.
        for (const QStringList& wrong :
             {QStringList{QStringLiteral("--out"), m_dir.filePath(QStringLiteral("x.csv"))},
              QStringList{QStringLiteral("--site"), QStringLiteral("hue-ubnd"), QStringLiteral("--all"),
                          QStringLiteral("--out"), m_dir.filePath(QStringLiteral("x.csv"))},
              QStringList{QStringLiteral("--all"), QStringLiteral("--out"), m_dir.filePath(QStringLiteral("x.txt"))}}) {
            run = cli(exportOf + wrong);
            QCOMPARE(run.exitCode, 2);
            QVERIFY(!run.err.isEmpty());
        }
        run = cli(exportOf + QStringList{QStringLiteral("--site"), QStringLiteral("nowhere"), QStringLiteral("--out"),
                                         m_dir.filePath(QStringLiteral("x.csv"))});
        QVERIFY2(run.exitCode != 0 && run.err.contains(QStringLiteral("nowhere")), qPrintable(run.err));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("x.csv"))));

        run = cli({QStringLiteral("central"), QStringLiteral("status"), QStringLiteral("--central"), admin(),
                   QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const auto kiosks = run.jsonLines();
        QCOMPARE(kiosks.size(), 2);
        QCOMPARE(kiosks[0].value(QStringLiteral("kiosk")).toString(), QStringLiteral("gate-a"));
        QVERIFY(kiosks[0].value(QStringLiteral("events")).toInt() >= 2);
        QCOMPARE(kiosks[1].value(QStringLiteral("events")).toInt(), 0);
    }

    // `central isolation` as README and cli.md show it: its options were never given to the
    // parser, so every call ended with "Unknown option" (found in issue 27's review).
    void theHealthOfficeListsAndTakesOffAnIsolationOrder()
    {
        ProcessRun run =
            cli({QStringLiteral("central"), QStringLiteral("isolation"), QStringLiteral("--central"), admin(),
                 QStringLiteral("--add"), QStringLiteral("046 190 000 099"), QStringLiteral("--until"),
                 QStringLiteral("2030-01-01T00:00:00+07:00"), QStringLiteral("--kind"), QStringLiteral("F0")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        run = cli({QStringLiteral("central"), QStringLiteral("isolation"), QStringLiteral("--central"), admin(),
                   QStringLiteral("--list"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const auto orders = run.jsonLines();
        QCOMPARE(orders.size(), 1);
        QCOMPARE(orders[0].value(QStringLiteral("id_number")).toString(), QStringLiteral("046190000099"));
        QCOMPARE(orders[0].value(QStringLiteral("kind")).toString(), QStringLiteral("F0"));
        run = cli({QStringLiteral("central"), QStringLiteral("isolation"), QStringLiteral("--central"), admin(),
                   QStringLiteral("--remove"), QStringLiteral("046190000099")});
        QVERIFY2(run.exitCode == 0 && run.out.contains("Taken off"), qPrintable(run.err));
        // And the status says, before the kiosks, that no backup was taken yet (issue 27).
        run = cli({QStringLiteral("central"), QStringLiteral("status"), QStringLiteral("--central"), admin()});
        QVERIFY2(run.out.startsWith("No good backup recorded"), run.out.constData());
    }

    void anUnreachableStoreIsASentenceAndNothingIsLost()
    {
        const QString config = m_dir.filePath(QStringLiteral("gate-b.ini"));
        QFile ini(config);
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write(QStringLiteral("[site]\nid=hue-ubnd\n[storage]\ndatabase=%1\n[central]\n"
                                 "uri=%2\nkiosk_id=gate-b\n")
                      .arg(m_dir.filePath(QStringLiteral("gate-b.db")),
                           tlsUri(m_dir.filePath(QStringLiteral("gate-b")))
                               .replace(QStringLiteral("port=%1").arg(m_server.port()),
                                        QStringLiteral("port=1 connect_timeout=2")))
                      .toUtf8());
        ini.close();
        ProcessRun run = cli({QStringLiteral("checkin"), QStringLiteral("--name"), QStringLiteral("Khách B"),
                              QStringLiteral("--id-number"), QStringLiteral("046190000003"), QStringLiteral("--app"),
                              QStringLiteral("verified")},
                             config);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        run = cli({QStringLiteral("sync"), QStringLiteral("--once")}, config);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("cannot be reached")) &&
                     run.err.contains(QStringLiteral("Nothing is lost")),
                 qPrintable(run.err));
        run = cli({QStringLiteral("sync"), QStringLiteral("--status"), QStringLiteral("--json")}, config);
        QVERIFY(run.jsonLines().value(0).value(QStringLiteral("backlog")).toInt() >= 1);
        QVERIFY(!run.jsonLines().value(0).value(QStringLiteral("last_error")).toString().isEmpty());
        // Without [central], sync says what to add.
        run = cli({QStringLiteral("--db"), m_dir.filePath(QStringLiteral("alone.db")), QStringLiteral("sync"),
                   QStringLiteral("--once")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("[central]")), qPrintable(run.err));
    }

    // Over a network the records go only over TLS that checks the server (sslmode=verify-full),
    // and a kiosk only with its own certificate (issue 24): anything less is refused before it
    // connects, with a sentence that says what to add, at sync, at doctor and for a person's
    // command; add-kiosk prints a URI that passes. A Unix socket stays as written (the tests'
    // own administrator's link).
    void noLinkOverTheNetworkWithoutTls()
    {
        const QString folder = m_dir.filePath(QStringLiteral("gate-a"));
        const QString weak =
            tlsUri(folder).replace(QStringLiteral("sslmode=verify-full"), QStringLiteral("sslmode=require"));
        const QString noCertificate = tlsUri(folder).section(QStringLiteral(" sslcert="), 0, 0);
        for (const QString& uri : {weak, noCertificate}) {
            const QString config = m_dir.filePath(QStringLiteral("weak.ini"));
            QFile ini(config);
            QVERIFY(ini.open(QIODevice::WriteOnly | QIODevice::Truncate));
            ini.write(
                QStringLiteral("[site]\nid=hue-ubnd\n[storage]\ndatabase=%1\n[central]\nuri=%2\nkiosk_id=gate-a\n")
                    .arg(m_dir.filePath(uri == weak ? QStringLiteral("weak.db") : QStringLiteral("nocert.db")), uri)
                    .toUtf8());
            ini.close();
            ProcessRun run = cli({QStringLiteral("checkin"), QStringLiteral("--name"), QStringLiteral("Khách C"),
                                  QStringLiteral("--id-number"), QStringLiteral("046190000005"),
                                  QStringLiteral("--app"), QStringLiteral("verified")},
                                 config);
            QVERIFY2(run.exitCode == 0, qPrintable(run.err));
            const QString needed = uri == weak ? QStringLiteral("sslmode=verify-full") : QStringLiteral("sslcert");
            run = cli({QStringLiteral("sync"), QStringLiteral("--once")}, config);
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.err.contains(needed) && run.err.contains(QStringLiteral("Nothing is lost")),
                     qPrintable(run.err));
            run = cli({QStringLiteral("doctor")}, config);
            QVERIFY2(run.out.contains(needed.toUtf8()), run.out.constData());
        }
        // A person's command over the network without verify-full.
        ProcessRun run = cli({QStringLiteral("central"), QStringLiteral("status"), QStringLiteral("--central"),
                              QStringLiteral("host=localhost hostaddr=127.0.0.1 port=%1 dbname=postgres sslmode=prefer")
                                  .arg(m_server.port())});
        QCOMPARE(run.exitCode, 2); // an unusable input (cli.md)
        QVERIFY2(run.err.contains(QStringLiteral("sslmode=verify-full")), qPrintable(run.err));

        // The administrator over TLS too, with a certificate for the superuser's role: add-kiosk,
        // asked for no certificate, still prints the kiosk's TLS files.
        const QString dir = m_dir.path();
        QVERIFY(
            openssl({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                     QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                     QStringLiteral("-keyout"), QStringLiteral("admin.key"), QStringLiteral("-out"),
                     QStringLiteral("admin.csr"), QStringLiteral("-subj"), QStringLiteral("/CN=postgres")},
                    dir));
        QVERIFY(openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                         QStringLiteral("admin.csr"), QStringLiteral("-CA"), QStringLiteral("ca.pem"),
                         QStringLiteral("-CAkey"), QStringLiteral("ca.key"), QStringLiteral("-out"),
                         QStringLiteral("admin.pem"), QStringLiteral("-days"), QStringLiteral("2")},
                        dir));
        QFile::setPermissions(m_dir.filePath(QStringLiteral("admin.key")),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        const QString adminOverTls =
            QStringLiteral(
                "host=localhost hostaddr=127.0.0.1 port=%1 dbname=postgres user=postgres sslmode=verify-full "
                "sslrootcert=%2 sslcert=%3 sslkey=%4")
                .arg(m_server.port())
                .arg(m_dir.filePath(QStringLiteral("ca.pem")), m_dir.filePath(QStringLiteral("admin.pem")),
                     m_dir.filePath(QStringLiteral("admin.key")));
        run = cli({QStringLiteral("central"), QStringLiteral("add-kiosk"), QStringLiteral("--central"), adminOverTls,
                   QStringLiteral("--site"), QStringLiteral("hue-ubnd"), QStringLiteral("--kiosk"),
                   QStringLiteral("gate-c"), QStringLiteral("--entrance"), QStringLiteral("Cổng c")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        for (const char* part : {"sslmode=verify-full", "sslrootcert=/etc/gatehouse/ca.pem",
                                 "sslcert=/etc/gatehouse/kiosk.pem", "sslkey=/etc/gatehouse/kiosk.key"})
            QVERIFY2(run.out.contains(part), run.out.constData());
        QVERIFY2(!run.out.contains("admin.pem") && !run.out.contains("user=postgres"), run.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestCentralCommands)
#include "TestCentralCommands.moc"
