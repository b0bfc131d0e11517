// The central store survives losing a machine (issue 27): pg_auto_failover's monitor, a primary
// and its synchronous standby on this machine (tests/fakes/AutoFailover.h); two kiosks, each
// `gatehouse-cli sync` running as on a kiosk (CentralSync, every 5 s), with one libpq URI naming
// both nodes (target_session_attrs=read-write) written in their INI as libpq documents it.
//
// - The standby lost: writes wait at COMMIT until the monitor takes the standby out of
//   synchronous_standby_names (pg_auto_failover's wait_primary), then go on; said with how long.
// - The primary lost in the middle of the kiosks' backlogs (every process of its machine killed
//   with SIGKILL): the monitor promotes the standby, the kiosks find it by themselves, and the new
//   primary holds every event each kiosk ever numbered exactly once (kiosk, seq 1..N). As a kiosk
//   deletes an event only after the COMMIT, and a COMMIT returns only when the standby has the
//   WAL (synchronous_commit on), nothing a kiosk deleted can be missing.
// - The old primary rejoins as a standby, and the second failover, back to it, does the same.
#include "../integration/ProcessRun.h"
#include "AutoFailover.h"
#include "central/CentralAdmin.h"
#include "central/CentralConnection.h"
#include "central/CentralSchema.h"
#include "storage/Database.h"
#include "storage/EntryLog.h"
#include "storage/Outbox.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {
const QDateTime MORNING(QDate(2020, 8, 3), QTime(1, 0), Qt::UTC);
const QStringList KIOSKS = {QStringLiteral("gate-north"), QStringLiteral("gate-south")};
} // namespace

class TestCentralFailover : public QObject
{
    Q_OBJECT

private:
    AutoFailover m_cluster;
    QTemporaryDir m_dir;
    QMap<QString, int> m_entries;
    QMap<QString, QProcess*> m_syncing;

    QString database(const QString& kiosk) const { return m_dir.filePath(kiosk + QStringLiteral(".db")); }
    QString config(const QString& kiosk) const { return m_dir.filePath(kiosk + QStringLiteral(".ini")); }
    QString onPrimary(const QString& sql) const { return m_cluster.psql(m_cluster.primary(), sql); }

    // n entries in one transaction at the kiosk (the outbox numbers them).
    void record(const QString& kiosk, int n)
    {
        auto opened = Database::open(database(kiosk), Database::Check::None);
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message()));
        auto& log = *opened.value();
        EntryLog entries(log);
        Outbox outbox(log);
        QVERIFY(outbox.enable());
        Database::Batch batch(log);
        int& count = m_entries[kiosk];
        for (int i = 0; i < n; ++i, ++count) {
            Entry entry;
            entry.site = QStringLiteral("hue-ubnd");
            entry.entrance = kiosk;
            entry.fullName = QStringLiteral("Khách %1").arg(count);
            entry.idNumber = QStringLiteral("0461%1").arg(count, 8, 10, QLatin1Char('0'));
            entry.checkedInAt = MORNING.addSecs(count);
            QVERIFY(entries.record(entry));
        }
        QVERIFY(batch.commit());
    }

    // The highest seq the kiosk ever gave (AUTOINCREMENT's counter: sent events are deleted).
    qint64 lastSeq(const QString& kiosk) const
    {
        auto opened = Database::open(database(kiosk), Database::Check::None);
        if (!opened)
            return -1;
        QSqlQuery query(opened.value()->connection());
        if (!query.exec(QStringLiteral("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'")) || !query.next())
            return 0;
        return query.value(0).toLongLong();
    }

    qint64 received() const { return onPrimary(QStringLiteral("SELECT count(*) FROM gatehouse.event")).toLongLong(); }

    void startSyncing()
    {
        for (const QString& kiosk : KIOSKS) {
            auto* process = new QProcess(this);
            process->setProcessChannelMode(QProcess::MergedChannels);
            process->setStandardOutputFile(m_dir.filePath(kiosk + QStringLiteral(".sync.log")), QIODevice::Append);
            process->start(QStringLiteral(GATEHOUSE_CLI), {QStringLiteral("--config"), config(kiosk),
                                                           QStringLiteral("sync"), QStringLiteral("--json")});
            QVERIFY(process->waitForStarted());
            m_syncing[kiosk] = process;
        }
    }

    void stopSyncing()
    {
        for (QProcess* process : std::as_const(m_syncing)) {
            process->terminate();
            if (!process->waitForFinished(30000))
                process->kill();
            delete process;
        }
        m_syncing.clear();
    }

    // Every event each kiosk ever numbered, once, on the primary of now: waits for the kiosks,
    // which carry on by themselves, to have sent all.
    void expectEveryEventOnce()
    {
        for (const QString& kiosk : KIOSKS) {
            const qint64 n = lastSeq(kiosk);
            QVERIFY(n >= m_entries.value(kiosk));
            const QString all = QStringLiteral("%1 %1 1 %1").arg(n);
            const QString sql = QStringLiteral("SELECT count(*) || ' ' || count(DISTINCT seq) || ' ' ||"
                                               " coalesce(min(seq), 1) || ' ' || coalesce(max(seq), 0)"
                                               " FROM gatehouse.event WHERE kiosk = '%1'")
                                    .arg(kiosk);
            AutoFailover::waitUntil([&] { return onPrimary(sql) == all; }, 180000);
            QCOMPARE(onPrimary(sql), all);
            QCOMPARE(onPrimary(QStringLiteral("SELECT count(*) FROM gatehouse.stay WHERE kiosk = '%1'").arg(kiosk)),
                     QString::number(m_entries.value(kiosk)));
        }
    }

    // The primary's machine lost in the middle of both kiosks' backlogs; the standby promoted by
    // the monitor; every event once afterwards. Says how long to the promotion and to the first
    // batch the new primary accepted.
    void failOver(const QString& lost, const QString& promoted)
    {
        const QString perKiosk = QStringLiteral("SELECT string_agg(kiosk || ':' || n, ' ' ORDER BY kiosk) FROM"
                                                " (SELECT kiosk, count(*) AS n FROM gatehouse.event GROUP BY kiosk) k");
        const QString before = onPrimary(perKiosk);
        for (const QString& kiosk : KIOSKS)
            record(kiosk, 100000); // five batches each (OutboxSender sends 20,000 at a time)
        startSyncing();
        // Both kiosks have batches in and more to send; they are stopped where they stand (in
        // the middle of a batch, or waiting for its COMMIT) while the primary dies, and go on.
        QVERIFY(AutoFailover::waitUntil(
            [&] {
                const QString now = onPrimary(perKiosk);
                return now.count(u':') == 2 && now.section(u' ', 0, 0) != before.section(u' ', 0, 0) &&
                       now.section(u' ', 1, 1) != before.section(u' ', 1, 1);
            },
            120000));
        for (QProcess* process : std::as_const(m_syncing))
            ::kill(pid_t(process->processId()), SIGSTOP);
        const qint64 atDeath = received();
        for (const QString& kiosk : KIOSKS) {
            const qint64 in =
                onPrimary(QStringLiteral("SELECT count(*) FROM gatehouse.event WHERE kiosk = '%1'").arg(kiosk))
                    .toLongLong();
            QVERIFY2(in < lastSeq(kiosk), "the kiosks sent everything before the primary died: record more");
        }
        QElapsedTimer sinceDeath;
        sinceDeath.start();
        m_cluster.kill(lost);
        for (QProcess* process : std::as_const(m_syncing))
            ::kill(pid_t(process->processId()), SIGCONT);
        QVERIFY2(AutoFailover::waitUntil([&] { return m_cluster.primary() == promoted; }, 120000),
                 qPrintable(m_cluster.stateText()));
        const qint64 promotedMs = sinceDeath.elapsed();
        QVERIFY(AutoFailover::waitUntil([&] { return received() > atDeath; }, 120000));
        const qint64 acceptedMs = sinceDeath.elapsed();
        qInfo("%s lost with %lld events in; %s promoted after %.1f s, its first batch accepted after %.1f s",
              qPrintable(lost), static_cast<long long>(atDeath), qPrintable(promoted), double(promotedMs) / 1000,
              double(acceptedMs) / 1000);
        expectEveryEventOnce();
        stopSyncing();
    }

private slots:
    void initTestCase()
    {
        const QString why = m_cluster.start();
        if (why.startsWith(QLatin1String("pg_auto_failover is not installed")))
            QSKIP(qPrintable(why));
        QVERIFY2(why.isEmpty(), qPrintable(why));
        QCOMPARE(m_cluster.psql(QStringLiteral("a"), QStringLiteral("SHOW synchronous_standby_names")),
                 QStringLiteral("ANY 1 (pgautofailover_standby_2)"));
        // The administrator's tools take the same two-host URI and reach the primary.
        auto admin = CentralConnection::open(m_cluster.uriAs(QStringLiteral("postgres")));
        QVERIFY2(admin.ok(), admin.ok() ? "" : qPrintable(admin.error().message()));
        QVERIFY(CentralSchema::migrate(*admin.value()));
        CentralAdmin central(*admin.value());
        QVERIFY(central.addSite(QStringLiteral("hue-ubnd"), QStringLiteral("UBND"), QString()));
        for (const QString& kiosk : KIOSKS) {
            QVERIFY(central.addKiosk(kiosk, QStringLiteral("hue-ubnd"), kiosk));
            QFile ini(config(kiosk));
            QVERIFY(ini.open(QIODevice::WriteOnly));
            // Unquoted, with its commas, as libpq documents a multi-host URI.
            ini.write(QStringLiteral("[site]\nid=hue-ubnd\n[storage]\ndatabase=%1\n[central]\nuri=%2\n"
                                     "kiosk_id=%3\ninterval_seconds=5\n")
                          .arg(database(kiosk), m_cluster.uri(), kiosk)
                          .toUtf8());
        }
    }

    void theStandbyLostWritesWaitThenGoOn()
    {
        m_cluster.kill(QStringLiteral("b"));
        record(KIOSKS.first(), 100);
        QElapsedTimer waited;
        waited.start();
        const ProcessRun round =
            ProcessRun::start(QStringLiteral(GATEHOUSE_CLI), {QStringLiteral("--config"), config(KIOSKS.first()),
                                                              QStringLiteral("sync"), QStringLiteral("--once")});
        QVERIFY2(round.exitCode == 0, qPrintable(round.err));
        // pg_auto_failover: the primary without its standby is wait_primary, with
        // synchronous_standby_names emptied, which releases the COMMIT that waited.
        // (The keeper reports its new state just after it released the COMMIT: waited for.)
        QVERIFY2(m_cluster.waitForState(QStringLiteral("a"), QStringLiteral("wait_primary"), 30000),
                 qPrintable(m_cluster.stateText()));
        QCOMPARE(m_cluster.psql(QStringLiteral("a"), QStringLiteral("SHOW synchronous_standby_names")), QString());
        qInfo("with the standby lost, a round of 100 events took %.1f s (it waited for the monitor)",
              double(waited.elapsed()) / 1000);
        expectEveryEventOnce();
        // Back: the standby catches up and is synchronous again.
        m_cluster.restart(QStringLiteral("b"));
        QVERIFY2(m_cluster.waitForState(QStringLiteral("b"), QStringLiteral("secondary"), 120000),
                 qPrintable(m_cluster.stateText()));
        QVERIFY(m_cluster.waitForState(QStringLiteral("a"), QStringLiteral("primary"), 60000));
        QVERIFY(AutoFailover::waitUntil(
            [&] {
                return !m_cluster.psql(QStringLiteral("a"), QStringLiteral("SHOW synchronous_standby_names")).isEmpty();
            },
            60000));
    }

    void thePrimaryLostMidBatchLosesNothing() { failOver(QStringLiteral("a"), QStringLiteral("b")); }

    void theOldPrimaryRejoinsAndASecondFailoverWorks()
    {
        m_cluster.restart(QStringLiteral("a"));
        QVERIFY2(m_cluster.waitForState(QStringLiteral("a"), QStringLiteral("secondary"), 180000),
                 qPrintable(m_cluster.stateText() + m_cluster.log(QStringLiteral("a"))));
        QVERIFY(m_cluster.waitForState(QStringLiteral("b"), QStringLiteral("primary"), 60000));
        failOver(QStringLiteral("b"), QStringLiteral("a"));
    }

    void cleanupTestCase() { stopSyncing(); }
};

QTEST_GUILESS_MAIN(TestCentralFailover)
#include "TestCentralFailover.moc"
