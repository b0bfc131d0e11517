// `gatehouse-cli checkin`, `checkout`, `present` and `purge` as documented in formats/cli.md:
// entries as JSON lines, refusals with a sentence and the right exit code, nothing stored twice.
#include "ProcessRun.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString CLI = QStringLiteral(GATEHOUSE_CLI);
} // namespace

class TestEntryCommands : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;
    QString m_required;

    ProcessRun cli(const QStringList& arguments, const QString& config = QString())
    {
        QStringList all{QStringLiteral("--db"), m_db};
        if (!config.isEmpty())
            all << QStringLiteral("--config") << config;
        return ProcessRun::start(CLI, all + arguments);
    }

private slots:
    void initTestCase()
    {
        m_db = m_dir.filePath(QStringLiteral("entries.db"));
        m_required = m_dir.filePath(QStringLiteral("agency.ini"));
        QFile ini(m_required);
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[site]\nid=ubnd-hue\nentrance=Cổng chính\npolicy=required\n");
    }

    void aDayAtTheDoor()
    {
        const ProcessRun in =
            cli({QStringLiteral("checkin"), QStringLiteral("--name"), QStringLiteral("Đặng Thuỳ Dương"),
                 QStringLiteral("--id-number"), QStringLiteral("058179015729"), QStringLiteral("--phone"),
                 QStringLiteral("0912345678"), QStringLiteral("--method"), QStringLiteral("qr_cccd"),
                 QStringLiteral("--app"), QStringLiteral("verified"), QStringLiteral("--app-id"),
                 QStringLiteral("507c3b3c88f9c44a8d2184fa"), QStringLiteral("--at"),
                 QStringLiteral("2020-08-03T08:30:00+07:00")});
        QVERIFY2(in.exitCode == 0, qPrintable(in.err));
        const QJsonObject entry = in.jsonLines().value(0);
        QCOMPARE(entry.value(QStringLiteral("full_name")).toString(), QStringLiteral("Đặng Thuỳ Dương"));
        QCOMPARE(entry.value(QStringLiteral("phone")).toString(), QStringLiteral("0912345678"));
        QCOMPARE(entry.value(QStringLiteral("checked_in_at")).toString(), QStringLiteral("2020-08-03T08:30:00+07:00"));
        QCOMPARE(entry.value(QStringLiteral("app_status")).toString(), QStringLiteral("verified"));
        QCOMPARE(entry.value(QStringLiteral("app_id")).toString(), QStringLiteral("507c3b3c88f9c44a8d2184fa"));
        QCOMPARE(entry.value(QStringLiteral("method")).toString(), QStringLiteral("qr_cccd"));

        // Already inside: refused, with a sentence, nothing stored twice.
        const ProcessRun again = cli({QStringLiteral("checkin"), QStringLiteral("--name"), QStringLiteral("Dương"),
                                      QStringLiteral("--id-number"), QStringLiteral("058179015729")});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(QStringLiteral("already checked in")), qPrintable(again.err));

        const ProcessRun present = cli({QStringLiteral("present"), QStringLiteral("--json")});
        QCOMPARE(present.exitCode, 0);
        QCOMPARE(present.jsonLines().size(), 1);

        const ProcessRun out =
            cli({QStringLiteral("checkout"), QStringLiteral("--id-number"), QStringLiteral("058179015729"),
                 QStringLiteral("--at"), QStringLiteral("2020-08-03T11:15:00+07:00")});
        QCOMPARE(out.exitCode, 0);
        QCOMPARE(out.jsonLines().value(0).value(QStringLiteral("checked_out_at")).toString(),
                 QStringLiteral("2020-08-03T11:15:00+07:00"));
        QCOMPARE(out.jsonLines().value(0).value(QStringLiteral("checkout_kind")).toString(),
                 QStringLiteral("receptionist"));
        const ProcessRun noOne =
            cli({QStringLiteral("checkout"), QStringLiteral("--id-number"), QStringLiteral("058179015729")});
        QCOMPARE(noOne.exitCode, 1);
        QVERIFY(noOne.err.contains(QStringLiteral("Nobody")));
        QVERIFY(cli({QStringLiteral("present"), QStringLiteral("--json")}).out.isEmpty());
    }

    void requiredPolicyAndOverride()
    {
        const QStringList visitor{QStringLiteral("checkin"), QStringLiteral("--name"), QStringLiteral("Lê Văn Tám"),
                                  QStringLiteral("--id-number"), QStringLiteral("079192199020")};
        const ProcessRun refused = cli(visitor, m_required);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("see the receptionist")), qPrintable(refused.err));
        QVERIFY(refused.out.isEmpty());
        const ProcessRun admitted =
            cli(visitor + QStringList{QStringLiteral("--override"), QStringLiteral("phone broken")}, m_required);
        QCOMPARE(admitted.exitCode, 0);
        const QJsonObject entry = admitted.jsonLines().value(0);
        QCOMPARE(entry.value(QStringLiteral("app_status")).toString(), QStringLiteral("overridden"));
        QCOMPARE(entry.value(QStringLiteral("site")).toString(), QStringLiteral("ubnd-hue"));
        QCOMPARE(entry.value(QStringLiteral("entrance")).toString(), QStringLiteral("Cổng chính"));
    }

    void purgeAppliesRetention()
    {
        // 40 days later everything above is past the default 30-day retention.
        const ProcessRun purged =
            cli({QStringLiteral("--now"), QStringLiteral("2020-09-12T00:00:00Z"), QStringLiteral("purge")});
        QCOMPARE(purged.exitCode, 0);
        QVERIFY2(purged.out.startsWith("Entries deleted: 1 "), purged.out.constData());
    }

    void simulateForgetAndBackup()
    {
        const ProcessRun simulated =
            cli({QStringLiteral("--now"), QStringLiteral("2020-08-03T10:30:00+07:00"), QStringLiteral("simulate"),
                 QStringLiteral("--days"), QStringLiteral("2"), QStringLiteral("--per-day"), QStringLiteral("60")});
        QVERIFY2(simulated.exitCode == 0, qPrintable(simulated.err));
        QVERIFY(simulated.out.startsWith("Simulated "));
        const ProcessRun present = cli({QStringLiteral("--now"), QStringLiteral("2020-08-03T10:30:00+07:00"),
                                        QStringLiteral("present"), QStringLiteral("--json")});
        QCOMPARE(present.exitCode, 0);
        QVERIFY(!present.jsonLines().isEmpty()); // mid-morning: people are inside
        const QString someone = present.jsonLines().first().value(QStringLiteral("id_number")).toString();

        const ProcessRun forgotten = cli({QStringLiteral("forget"), QStringLiteral("--id-number"), someone});
        QCOMPARE(forgotten.exitCode, 0);
        QVERIFY2(forgotten.out.startsWith("Entries deleted: 1"), forgotten.out.constData());

        const QString copy = m_dir.filePath(QStringLiteral("backup.db"));
        QCOMPARE(cli({QStringLiteral("backup"), QStringLiteral("--out"), copy}).exitCode, 0);
        QVERIFY(QFileInfo(copy).size() > 0);
        QCOMPARE(cli({QStringLiteral("backup"), QStringLiteral("--out"), copy}).exitCode, 2); // never overwrites
        const ProcessRun fromCopy = ProcessRun::start(CLI, {QStringLiteral("--db"), copy, QStringLiteral("--now"),
                                                            QStringLiteral("2020-08-03T10:30:00+07:00"),
                                                            QStringLiteral("present"), QStringLiteral("--json")});
        QCOMPARE(fromCopy.jsonLines().size(), present.jsonLines().size() - 1);
    }

    void idNumbersInAnySpelling()
    {
        // Issue 11: `checkin --id-number "046 190 000 002"` stored the spaces and made a second
        // entry for someone inside; `trace --id-number "046 190 000 001"` found nothing the kiosk
        // stored.
        const QString db = m_dir.filePath(QStringLiteral("spelling.db"));
        const auto run = [&db](const QStringList& arguments) {
            return ProcessRun::start(CLI, QStringList{QStringLiteral("--db"), db} + arguments);
        };
        const auto checkIn = [&run](const QString& name, const QString& idNumber, const QString& at) {
            return run({QStringLiteral("checkin"), QStringLiteral("--name"), name, QStringLiteral("--id-number"),
                        idNumber, QStringLiteral("--at"), at});
        };
        const ProcessRun case1 = checkIn(QStringLiteral("Ca Bệnh"), QStringLiteral("046190000001"),
                                         QStringLiteral("2020-08-03T08:00:00+07:00"));
        QVERIFY2(case1.exitCode == 0, qPrintable(case1.err));
        const ProcessRun contact = checkIn(QStringLiteral("Người Gặp"), QStringLiteral("046 190 000 002"),
                                           QStringLiteral("2020-08-03T08:10:00+07:00"));
        QVERIFY2(contact.exitCode == 0, qPrintable(contact.err));
        QCOMPARE(contact.jsonLines().value(0).value(QStringLiteral("id_number")).toString(),
                 QStringLiteral("046190000002"));

        const ProcessRun twice = checkIn(QStringLiteral("Người Gặp"), QStringLiteral("046 190 000 002"),
                                         QStringLiteral("2020-08-03T08:20:00+07:00"));
        QCOMPARE(twice.exitCode, 1);
        QVERIFY2(twice.err.contains(QStringLiteral("already checked in")), qPrintable(twice.err));
        QCOMPARE(run({QStringLiteral("present"), QStringLiteral("--json")}).jsonLines().size(), 2);

        const QString out = m_dir.filePath(QStringLiteral("trace.csv"));
        const ProcessRun trace =
            run({QStringLiteral("--now"), QStringLiteral("2020-08-03T09:00:00+07:00"), QStringLiteral("trace"),
                 QStringLiteral("--id-number"), QStringLiteral("046 190 000 001"), QStringLiteral("--from"),
                 QStringLiteral("2020-08-03T00:00:00+07:00"), QStringLiteral("--to"),
                 QStringLiteral("2020-08-04T00:00:00+07:00"), QStringLiteral("--out"), out});
        QVERIFY2(trace.exitCode == 0, qPrintable(trace.err));
        QFile csv(out);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QVERIFY(QString::fromUtf8(csv.readAll()).contains(QStringLiteral("Người Gặp")));
    }

    void badUsage_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected");
        QTest::addRow("no name") << QStringList{QStringLiteral("checkin"), QStringLiteral("--id-number"),
                                                QStringLiteral("1")}
                                 << QStringLiteral("full name");
        QTest::addRow("not an ID number")
            << QStringList{QStringLiteral("checkin"), QStringLiteral("--name"), QStringLiteral("A"),
                           QStringLiteral("--id-number"), QStringLiteral("1")}
            << QStringLiteral("not an ID number");
        QTest::addRow("bad type") << QStringList{QStringLiteral("checkin"), QStringLiteral("--name"),
                                                 QStringLiteral("A"),       QStringLiteral("--id-number"),
                                                 QStringLiteral("1"),       QStringLiteral("--type"),
                                                 QStringLiteral("alien")}
                                  << QStringLiteral("--type");
        QTest::addRow("bad time") << QStringList{QStringLiteral("checkin"),  QStringLiteral("--name"),
                                                 QStringLiteral("A"),        QStringLiteral("--id-number"),
                                                 QStringLiteral("1"),        QStringLiteral("--at"),
                                                 QStringLiteral("yesterday")}
                                  << QStringLiteral("--at");
        QTest::addRow("checkout both") << QStringList{QStringLiteral("checkout"), QStringLiteral("--id-number"),
                                                      QStringLiteral("1"), QStringLiteral("--entry"),
                                                      QStringLiteral("2")}
                                       << QStringLiteral("exactly one");
        QTest::addRow("checkout bad entry")
            << QStringList{QStringLiteral("checkout"), QStringLiteral("--entry"), QStringLiteral("abc")}
            << QStringLiteral("--entry");
    }

    void badUsage()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        const ProcessRun result = cli(arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(expected), qPrintable(result.err));
    }

    void unusableDatabase()
    {
        const QString notADatabase = m_dir.filePath(QStringLiteral("notes.db"));
        QFile file(notADatabase);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, 'x'));
        file.close();
        const ProcessRun result =
            ProcessRun::start(CLI, {QStringLiteral("--db"), notADatabase, QStringLiteral("present")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(QStringLiteral("not a Gatehouse database")), qPrintable(result.err));
    }
};

QTEST_GUILESS_MAIN(TestEntryCommands)
#include "TestEntryCommands.moc"
