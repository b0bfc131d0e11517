// Nothing lost, nothing twice, whatever happens on the way (formats/central.md's guarantees),
// against a PostgreSQL 15 of the test's own: `gatehouse-cli sync --once` killed with SIGKILL at
// random moments for 50 rounds while the kiosk keeps recording; the server stopped in the middle
// of a large backlog and started again; afterwards the central store holds exactly the kiosk's
// events (seq 1..N, each once) and one stay per entry.
#include "../integration/ProcessRun.h"
#include "FakeClock.h"
#include "ThrowawayPostgres.h"
#include "central/CentralAdmin.h"
#include "central/CentralConnection.h"
#include "central/CentralSchema.h"
#include "storage/Database.h"
#include "storage/EntryLog.h"
#include "storage/Outbox.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>

namespace {
const QDateTime MORNING(QDate(2020, 8, 3), QTime(1, 0), Qt::UTC);
} // namespace

class TestCentralFaults : public QObject
{
    Q_OBJECT

private:
    ThrowawayPostgres m_server;
    QTemporaryDir m_dir;
    QString m_config;
    QString m_database;
    int m_entries = 0;

    QString psql(const QString& sql) { return m_server.psql(sql); }

    // Records n entries in one transaction, as a busy door's day would (the outbox numbers them).
    void record(int n)
    {
        auto database = Database::open(m_database, Database::Check::None).value();
        EntryLog log(*database);
        Outbox outbox(*database);
        QVERIFY(outbox.enable());
        Database::Batch batch(*database);
        for (int i = 0; i < n; ++i, ++m_entries) {
            Entry entry;
            entry.site = QStringLiteral("hue-ubnd");
            entry.entrance = QStringLiteral("Cổng chính");
            entry.fullName = QStringLiteral("Khách %1").arg(m_entries);
            entry.idNumber = QStringLiteral("0461%1").arg(m_entries, 8, 10, QLatin1Char('0'));
            entry.checkedInAt = MORNING.addSecs(m_entries);
            QVERIFY(log.record(entry));
        }
        QVERIFY(batch.commit());
    }

    // The highest seq the kiosk ever gave (AUTOINCREMENT's counter: sent events are deleted).
    qint64 lastSeq()
    {
        auto database = Database::open(m_database, Database::Check::None).value();
        QSqlQuery query(database->connection());
        if (!query.exec(QStringLiteral("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'")) || !query.next())
            return 0;
        return query.value(0).toLongLong();
    }

    QProcess* startSync()
    {
        auto* process = new QProcess(this);
        process->start(QStringLiteral(GATEHOUSE_CLI),
                       {QStringLiteral("--config"), m_config, QStringLiteral("sync"), QStringLiteral("--once")});
        process->waitForStarted();
        return process;
    }

    void expectExactlyTheKiosksEvents()
    {
        const ProcessRun final =
            ProcessRun::start(QStringLiteral(GATEHOUSE_CLI),
                              {QStringLiteral("--config"), m_config, QStringLiteral("sync"), QStringLiteral("--once")});
        QVERIFY2(final.exitCode == 0, qPrintable(final.err));
        const qint64 n = lastSeq();
        QVERIFY(n >= m_entries);
        QCOMPARE(
            psql(QStringLiteral("SELECT count(*) || ' ' || count(DISTINCT seq) || ' ' || min(seq) || ' ' || max(seq)"
                                " FROM gatehouse.event WHERE kiosk = 'fault-kiosk'")),
            QStringLiteral("%1 %1 1 %1").arg(n));
        QCOMPARE(psql(QStringLiteral("SELECT count(*) FROM gatehouse.stay WHERE kiosk = 'fault-kiosk'")),
                 QString::number(m_entries));
        QCOMPARE(
            psql(QStringLiteral("SELECT events || ' ' || last_seq FROM gatehouse.kiosks WHERE kiosk = 'fault-kiosk'")),
            QStringLiteral("%1 %1").arg(n));
    }

private slots:
    void initTestCase()
    {
        const QString why = m_server.start();
        if (!why.isEmpty())
            QSKIP(qPrintable(QStringLiteral("no PostgreSQL server for the central tests: ") + why));
        auto admin = CentralConnection::open(m_server.uri()).value();
        QVERIFY(CentralSchema::migrate(*admin));
        CentralAdmin central(*admin);
        QVERIFY(central.addSite(QStringLiteral("hue-ubnd"), QStringLiteral("UBND"), QString()));
        QVERIFY(
            central.addKiosk(QStringLiteral("fault-kiosk"), QStringLiteral("hue-ubnd"), QStringLiteral("Cổng chính")));
        m_database = m_dir.filePath(QStringLiteral("kiosk.db"));
        m_config = m_dir.filePath(QStringLiteral("kiosk.ini"));
        QFile ini(m_config);
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write(
            QStringLiteral("[site]\nid=hue-ubnd\n[storage]\ndatabase=%1\n[central]\nuri=%2\nkiosk_id=fault-kiosk\n")
                .arg(m_database, m_server.uriWithoutUser())
                .toUtf8());
    }

    void killedAtRandomMomentsLosesNothing()
    {
        record(5000);
        QRandomGenerator random(20200721); // the day Thừa Thiên Huế asked for Bluezone at every door
        int killedWhileSending = 0;
        QString received = psql(QStringLiteral("SELECT count(*) FROM gatehouse.event"));
        for (int round = 0; round < 50; ++round) {
            if (round % 5 == 0)
                record(2000);
            QProcess* process = startSync();
            // Up to 2.5 s: from before the connection to the middle of a batch (a round of the
            // backlog takes several seconds in this build).
            QThread::msleep(random.bounded(2500));
            const bool running = process->state() == QProcess::Running;
            if (running)
                ::kill(pid_t(process->processId()), SIGKILL);
            process->waitForFinished();
            delete process;
            const QString now = psql(QStringLiteral("SELECT count(*) FROM gatehouse.event"));
            if (running && now != received)
                ++killedWhileSending; // it had committed batches and was killed before it finished
            received = now;
        }
        qInfo("%d of 50 rounds killed after committing a batch and before finishing", killedWhileSending);
        QVERIFY(killedWhileSending >= 5);
        expectExactlyTheKiosksEvents();
    }

    void theServerStoppedInTheMiddleAndStartedAgain()
    {
        record(30000);
        QProcess* process = startSync();
        QThread::msleep(300);
        m_server.stop(); // fast shutdown: the batch in flight is rolled back
        QVERIFY(process->waitForFinished(60000));
        QCOMPARE(process->exitCode(), 1);
        QVERIFY2(process->readAllStandardError().contains("Nothing is lost"), "the sentence");
        delete process;
        QVERIFY(m_server.restart());
        expectExactlyTheKiosksEvents();
    }
};

QTEST_GUILESS_MAIN(TestCentralFaults)
#include "TestCentralFaults.moc"
