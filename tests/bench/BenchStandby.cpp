// The price of a synchronous standby and the time a failover takes (issue 27), on this machine:
// pg_auto_failover's nodes of the benchmark's own (tests/fakes/AutoFailover.h; durable: fsync and
// synchronous_commit on, as a province runs them). The single server is the same node without a
// standby (pg_auto_failover's "single" state: no synchronous_standby_names), so both sides differ
// only by the standby; both run in one process, side by side, on the same 2 cores.
//   1. A kiosk offline with a backlog of N entries (default 200,000) catches up through
//      OutboxSender, on the single server and on the primary with its synchronous standby.
//   2. contacts() over M stays (default 1,000,000) at 2,000 sites over the four months before this
//      one (a table a month): p50/p95/max of 1,000 warm calls on the single server, on the primary
//      and on the standby (where officials' reads may go).
//   3. Failover: a kiosk syncing (`gatehouse-cli sync`, every 5 s) with 1,000 events to send when
//      the primary's machine is killed (every process, SIGKILL); seconds to the standby's
//      promotion and to the first batch the new primary accepted. R rounds (default 3), the old primary rejoining
//      between them.
// Usage: BenchStandby [backlog] [stays] [failovers]. Reports; never asserts a time.
#include "AutoFailover.h"
#include "CentralBench.h"
#include "FakeClock.h"
#include "central/CentralAdmin.h"
#include "central/CentralConnection.h"
#include "central/CentralSchema.h"
#include "central/OutboxSender.h"
#include "storage/Database.h"
#include "storage/EntryLog.h"
#include "storage/Outbox.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <csignal>
#include <cstdio>

namespace {

std::unique_ptr<CentralConnection> connect(const QString& uri)
{
    auto opened = CentralConnection::open(uri);
    if (!opened)
        qFatal("connect: %s", qPrintable(opened.error().message()));
    return std::move(opened).value();
}

// One node's URI as the administrator (the primary, or a standby for reads).
QString nodeUri(const AutoFailover& cluster, const QString& node)
{
    return QStringLiteral("host=%1 port=%2 dbname=postgres user=postgres")
        .arg(cluster.sockets())
        .arg(cluster.port(node));
}

void setUp(CentralConnection& admin)
{
    if (!CentralSchema::migrate(admin))
        qFatal("migrate");
    CentralAdmin central(admin);
    if (!central.addSite(QStringLiteral("bench-site"), QStringLiteral("Bench"), QString()) ||
        !central.addKiosk(QStringLiteral("bench-kiosk"), QStringLiteral("bench-site"), QStringLiteral("Cổng chính")))
        qFatal("register");
}

double catchUp(const AutoFailover& cluster, const QString& path, qint64* sent)
{
    FakeClock clock;
    auto database = Database::open(path, Database::Check::None).value();
    Outbox outbox(*database);
    OutboxSender sender({cluster.uri(), QStringLiteral("bench-kiosk"), QStringLiteral("bench-site")}, outbox, clock);
    QElapsedTimer timer;
    timer.start();
    const auto round = sender.round();
    if (!round)
        qFatal("round: %s", qPrintable(round.error().message()));
    *sent = round->sent;
    return seconds(timer);
}

// contacts() for random people and 14-day windows among stays loaded by loadStays(stays, from, days).
QString contactsTimes(CentralConnection& connection, qint64 people, const QDateTime& from, int days)
{
    QRandomGenerator random(2020);
    QList<double> times;
    for (int i = 0; i < 1100; ++i) {
        const QString person = QStringLiteral("%1").arg(random.bounded(people), 12, 10, QLatin1Char('0'));
        const QDateTime start = from.addDays(random.bounded(days - 14));
        QElapsedTimer one;
        one.start();
        must(connection.exec(QStringLiteral("SELECT count(*) FROM gatehouse.contacts($1, $2, $3)"),
                             {person, CentralConnection::timeParameter(start),
                              CentralConnection::timeParameter(start.addDays(14))}),
             "contacts");
        if (i >= 100) // the first 100 warm the caches
            times.append(double(one.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return QStringLiteral("p50 %1 ms, p95 %2 ms, max %3 ms")
        .arg(times[times.size() / 2], 0, 'f', 2)
        .arg(times[times.size() * 95 / 100], 0, 'f', 2)
        .arg(times.last(), 0, 'f', 2);
}
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const qint64 backlog = argc > 1 ? QByteArray(argv[1]).toLongLong() : 200000;
    const qint64 stays = argc > 2 ? QByteArray(argv[2]).toLongLong() : 1000000;
    const int failovers = argc > 3 ? QByteArray(argv[3]).toInt() : 3;

    AutoFailover single;
    AutoFailover pair;
    QString why = single.start({QStringLiteral("s")});
    if (why.isEmpty())
        why = pair.start({QStringLiteral("a"), QStringLiteral("b")});
    if (!why.isEmpty()) {
        std::printf("BenchStandby: skipped, %s\n", qPrintable(why));
        return 0;
    }
    std::printf("BenchStandby: single %s; pair %s, synchronous_standby_names %s\n", qPrintable(single.stateText()),
                qPrintable(pair.stateText()),
                qPrintable(pair.psql(QStringLiteral("a"), QStringLiteral("SHOW synchronous_standby_names"))));
    auto singleAdmin = connect(single.uriAs(QStringLiteral("postgres")));
    auto pairAdmin = connect(pair.uriAs(QStringLiteral("postgres")));
    setUp(*singleAdmin);
    setUp(*pairAdmin);
    QTemporaryDir dir;

    // 1. The backlog, alternately on each side, twice.
    std::printf("BenchStandby: part 1, a backlog of %lld entries\n", backlog);
    for (int run = 1; run <= 2 && backlog > 0; ++run) {
        for (const auto& [name, cluster, admin] :
             {std::tuple("single server", &single, singleAdmin.get()),
              std::tuple("primary + synchronous standby", &pair, pairAdmin.get())}) {
            must(admin->exec(QStringLiteral("TRUNCATE gatehouse.event, gatehouse.stay, gatehouse.pending_exit;"
                                            " UPDATE gatehouse.kiosk SET events = 0, last_seq = NULL; CHECKPOINT")),
                 "reset");
            const QString path =
                dir.filePath(QStringLiteral("kiosk-%1-%2.db").arg(run).arg(QLatin1String(name).size()));
            fillKioskLog(path, 0, backlog);
            qint64 sent = 0;
            const double took = catchUp(*cluster, path, &sent);
            std::printf("  run %d, %s: %lld events in %.2f s (%.0f events/s)\n", run, name, sent, took,
                        double(sent) / took);
            std::fflush(stdout);
        }
    }

    // 2. contacts() on each side, and on the standby, over the four months before this one, each
    // month a table (schema version 11), loaded as a restore would (tests/bench/CentralBench.h).
    const QDateTime from = monthStart(-4);
    const int days = int(from.daysTo(monthStart(0)));
    std::printf("BenchStandby: part 2, contacts() over %lld stays at 2,000 sites from %s over %d days\n", stays,
                qPrintable(from.toString(Qt::ISODate)), days);
    for (CentralConnection* admin : {singleAdmin.get(), pairAdmin.get()}) {
        if (stays <= 0)
            break;
        // Room for the index builds (the same on both sides): memory to sort in, and no checkpoint
        // forced every gigabyte of WAL.
        for (const char* sql :
             {"TRUNCATE gatehouse.event, gatehouse.stay, gatehouse.pending_exit", "SET maintenance_work_mem = '1GB'",
              "ALTER SYSTEM SET max_wal_size = '16GB'", "SELECT pg_reload_conf()"})
            must(admin->exec(QLatin1String(sql)), "prepare");
        const auto [loaded, indexed] = loadStays(*admin, stays, from, days);
        std::printf("  %s: loaded in %.1f s, indexes built in %.1f s\n",
                    admin == singleAdmin.get() ? "single server" : "primary + standby", loaded, indexed);
        std::fflush(stdout);
    }
    // The standby has replayed the load when its LSN has reached the primary's.
    const QString lsn = pair.psql(QStringLiteral("a"), QStringLiteral("SELECT pg_current_wal_lsn()"));
    AutoFailover::waitUntil(
        [&] {
            return pair.psql(QStringLiteral("b"),
                             QStringLiteral("SELECT pg_last_wal_replay_lsn() >= '%1'::pg_lsn").arg(lsn)) ==
                   QLatin1String("t");
        },
        600000);
    auto standby = connect(nodeUri(pair, QStringLiteral("b")));
    for (int run = 1; run <= 2 && stays > 0; ++run) {
        std::printf("  run %d: single server %s; primary %s; standby %s\n", run,
                    qPrintable(contactsTimes(*singleAdmin, stays / 5, from, days)),
                    qPrintable(contactsTimes(*pairAdmin, stays / 5, from, days)),
                    qPrintable(contactsTimes(*standby, stays / 5, from, days)));
        std::fflush(stdout);
    }
    standby.reset();
    singleAdmin.reset();
    // Part 3's kiosk starts its numbering again: the store forgets the earlier parts' kiosk.
    must(pairAdmin->exec(QStringLiteral("TRUNCATE gatehouse.event, gatehouse.stay, gatehouse.pending_exit;"
                                        " UPDATE gatehouse.kiosk SET events = 0, last_seq = NULL")),
         "reset");
    pairAdmin.reset();

    // 3. Failovers under a kiosk's sync, back and forth.
    std::printf("BenchStandby: part 3, %d failovers\n", failovers);
    const QString kioskDb = dir.filePath(QStringLiteral("failover.db"));
    const QString kioskIni = dir.filePath(QStringLiteral("failover.ini"));
    {
        QFile ini(kioskIni);
        if (!ini.open(QIODevice::WriteOnly))
            qFatal("ini");
        ini.write(QStringLiteral("[site]\nid=bench-site\n[storage]\ndatabase=%1\n[central]\nuri=%2\n"
                                 "kiosk_id=bench-kiosk\ninterval_seconds=5\n")
                      .arg(kioskDb, pair.uri())
                      .toUtf8());
    }
    const auto eventsIn = [&] {
        return pair.psql(pair.primary(), QStringLiteral("SELECT count(*) FROM gatehouse.event")).toLongLong();
    };
    qint64 recorded = 0;
    for (int round = 1; round <= failovers; ++round) {
        const QString lost = pair.primary();
        const QString other = lost == QLatin1String("a") ? QStringLiteral("b") : QStringLiteral("a");
        fillKioskLog(kioskDb, recorded, 5000);
        recorded += 5000;
        QProcess kiosk;
        kiosk.setProcessChannelMode(QProcess::MergedChannels);
        kiosk.setStandardOutputFile(dir.filePath(QStringLiteral("kiosk-%1.log").arg(round)));
        kiosk.start(QStringLiteral(GATEHOUSE_CLI),
                    {QStringLiteral("--config"), kioskIni, QStringLiteral("sync"), QStringLiteral("--json")});
        kiosk.waitForStarted();
        if (!AutoFailover::waitUntil([&] { return eventsIn() >= recorded; }, 120000))
            qFatal("the kiosk did not send its backlog before the failover");
        // The kiosk, idle between rounds, is stopped while 1,000 more visitors are written to its
        // log (the kiosk's own writer would be another process: the bench must not hold the
        // file while the kiosk sends) and the primary dies; then it goes on.
        // Stopped while it holds its log's write lock, it is let on for a moment and stopped again.
        for (int attempt = 1;; ++attempt) {
            ::kill(pid_t(kiosk.processId()), SIGSTOP);
            if (tryFillKioskLog(kioskDb, recorded, 1000))
                break;
            if (attempt == 10)
                qFatal("the kiosk's log stayed busy");
            ::kill(pid_t(kiosk.processId()), SIGCONT);
            QThread::msleep(500);
        }
        recorded += 1000;
        const qint64 atDeath = eventsIn();
        QElapsedTimer sinceDeath;
        sinceDeath.start();
        pair.kill(lost);
        ::kill(pid_t(kiosk.processId()), SIGCONT);
        qint64 promotedMs = -1;
        while (sinceDeath.elapsed() < 180000) {
            if (promotedMs < 0 && pair.primary() == other)
                promotedMs = sinceDeath.elapsed();
            if (promotedMs >= 0 && eventsIn() > atDeath)
                break;
            QThread::msleep(100);
        }
        const qint64 acceptedMs = sinceDeath.elapsed();
        if (eventsIn() <= atDeath) {
            QFile said(dir.filePath(QStringLiteral("kiosk-%1.log").arg(round)));
            said.open(QIODevice::ReadOnly);
            std::printf("  no batch after the failover; the kiosk said: %s\n", said.readAll().right(1500).constData());
        }
        std::printf("  failover %d, %s lost: %s promoted after %.1f s; first batch accepted after %.1f s\n", round,
                    qPrintable(lost), qPrintable(other), double(promotedMs) / 1000, double(acceptedMs) / 1000);
        std::fflush(stdout);
        kiosk.terminate();
        kiosk.waitForFinished(30000);
        pair.restart(lost);
        if (!pair.waitForState(lost, QStringLiteral("secondary"), 300000))
            qFatal("%s did not rejoin: %s", qPrintable(lost), qPrintable(pair.stateText()));
        pair.waitForState(other, QStringLiteral("primary"), 60000);
    }
    return 0;
}
