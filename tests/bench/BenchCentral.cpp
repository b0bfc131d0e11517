// The central store's benchmarks (issue 14), against a PostgreSQL 15 of the benchmark's own
// (tests/fakes/ThrowawayPostgres.h: fsync off, as for every side of each comparison):
//   1. A kiosk offline with a backlog of N entries (default 1,000,000) catches up: OutboxSender's
//      round, beside the same server inserting the same rows into copies of the tables
//      (CREATE TABLE … (LIKE … INCLUDING ALL), INSERT … SELECT): the indexes are the server's
//      cost, the ratio is the sender's. Then the same backlog sent again (all duplicates).
//   2. contacts() over 1 M, 3 M and 10 M stays at 2,000 sites: p50/p95/max of warm calls.
// Usage: BenchCentral [backlog] [max stays]. Reports; never asserts a time.
#include "CentralBench.h"
#include "FakeClock.h"
#include "ThrowawayPostgres.h"
#include "central/CentralAdmin.h"
#include "central/CentralConnection.h"
#include "central/CentralSchema.h"
#include "central/OutboxSender.h"
#include "storage/Database.h"
#include "storage/EntryLog.h"
#include "storage/Outbox.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

namespace {

const char* const STAY_COLUMNS = "visit_key, kiosk, entry_seq, site, entrance, exit_entrance, person_type, full_name, "
                                 "id_number, phone, address, checked_in_at, checked_out_at, checkout_kind, method, "
                                 "app_status, app_profile, app_id, declaration, received_at";
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const qint64 backlog = argc > 1 ? QByteArray(argv[1]).toLongLong() : 1000000;
    const qint64 maxStays = argc > 2 ? QByteArray(argv[2]).toLongLong() : 10000000;
    ThrowawayPostgres server;
    const QString why = server.start({QStringLiteral("-c shared_buffers=1GB"), QStringLiteral("-c max_wal_size=8GB"),
                                      QStringLiteral("-c maintenance_work_mem=1GB")});
    if (!why.isEmpty()) {
        std::printf("BenchCentral: skipped, %s\n", qPrintable(why));
        return 0;
    }
    auto admin = CentralConnection::open(server.uri()).value();
    if (!CentralSchema::migrate(*admin))
        qFatal("migrate");
    CentralAdmin central(*admin);
    if (!central.addSite(QStringLiteral("bench-site"), QStringLiteral("Bench"), QString()) ||
        !central.addKiosk(QStringLiteral("bench-kiosk"), QStringLiteral("bench-site"), QStringLiteral("Cổng chính")))
        qFatal("register");
    QTemporaryDir dir;

    // 1. The backlog, twice, each time beside the server's own insert of the same rows.
    std::printf("BenchCentral: part 1, a backlog of %lld entries\n", backlog);
    for (int run = 1; run <= 2; ++run) {
        must(admin->exec(QStringLiteral("TRUNCATE gatehouse.event, gatehouse.stay, gatehouse.pending_exit;"
                                        " UPDATE gatehouse.kiosk SET events = 0, last_seq = NULL;"
                                        " DROP TABLE IF EXISTS bench_event, bench_stay")),
             "reset");
        const QString path = dir.filePath(QStringLiteral("kiosk%1.db").arg(run));
        QElapsedTimer timer;
        timer.start();
        fillKioskLog(path, 0, backlog);
        const double filled = seconds(timer);
        const QString copy = dir.filePath(QStringLiteral("kiosk%1-copy.db").arg(run));
        {
            auto database = Database::open(path, Database::Check::None).value();
            if (!database->backup(copy))
                qFatal("backup");
        }
        must(admin->exec(QStringLiteral("CHECKPOINT")), "checkpoint");

        FakeClock clock;
        auto database = Database::open(path, Database::Check::None).value();
        Outbox outbox(*database);
        OutboxSender sender({server.uriWithoutUser(), QStringLiteral("bench-kiosk"), QStringLiteral("bench-site")},
                            outbox, clock);
        timer.start();
        const auto round = sender.round();
        const double sent = seconds(timer);
        if (!round)
            qFatal("round: %s", qPrintable(round.error().message()));
        must(admin->exec(QStringLiteral("CHECKPOINT")), "checkpoint");

        // The server alone: the same rows into tables with the same columns, indexes and
        // constraints. COPY (text, what a dump restores) parses every value as the sender's rows
        // are parsed; INSERT … SELECT copies already-parsed values (no parsing at all).
        must(admin->exec(QStringLiteral("CREATE TABLE bench_event (LIKE gatehouse.event INCLUDING ALL);"
                                        " CREATE TABLE bench_stay (LIKE gatehouse.stay INCLUDING ALL)")),
             "copies");
        const QString eventFile = server.folder() + QStringLiteral("/event.copy");
        const QString stayFile = server.folder() + QStringLiteral("/stay.copy");
        // A table by months (schema version 11) is copied out through a query: COPY takes no
        // partitioned table as its source.
        must(admin->exec(QStringLiteral("COPY (SELECT * FROM gatehouse.event) TO '%1'").arg(eventFile)), "event out");
        must(admin->exec(QStringLiteral("COPY (SELECT %1 FROM gatehouse.stay) TO '%2'")
                             .arg(QLatin1String(STAY_COLUMNS), stayFile)),
             "stay out");
        timer.start();
        must(admin->exec(QStringLiteral("COPY bench_event FROM '%1'").arg(eventFile)), "event copy");
        must(admin->exec(QStringLiteral("COPY bench_stay (%1) FROM '%2'").arg(QLatin1String(STAY_COLUMNS), stayFile)),
             "stay copy");
        const double baseline = seconds(timer);
        must(admin->exec(QStringLiteral("CHECKPOINT; TRUNCATE bench_event, bench_stay; CHECKPOINT")), "checkpoint");
        timer.start();
        must(admin->exec(QStringLiteral("INSERT INTO bench_event SELECT * FROM gatehouse.event")), "event insert");
        must(admin->exec(QStringLiteral("INSERT INTO bench_stay (%1) SELECT %1 FROM gatehouse.stay")
                             .arg(QLatin1String(STAY_COLUMNS))),
             "stay insert");
        const double insertSelect = seconds(timer);
        must(admin->exec(QStringLiteral("CHECKPOINT")), "checkpoint");
        // The same backlog again: every event a duplicate (an acknowledgement lost).
        auto again = Database::open(copy, Database::Check::None).value();
        Outbox againOutbox(*again);
        OutboxSender resend({server.uriWithoutUser(), QStringLiteral("bench-kiosk"), QStringLiteral("bench-site")},
                            againOutbox, clock);
        timer.start();
        const auto repeated = resend.round();
        const double duplicates = seconds(timer);
        if (!repeated)
            qFatal("resend: %s", qPrintable(repeated.error().message()));
        const auto counted = must(admin->exec(QStringLiteral("SELECT count(*) FROM gatehouse.event")), "count");
        std::printf("  run %d: kiosk log filled in %.1f s; sender %lld events in %.2f s (%.0f events/s); server's "
                    "own COPY into copies %.2f s, ratio %.2f; its INSERT…SELECT %.2f s, ratio %.2f; resent as "
                    "duplicates %.2f s; events centrally %s\n",
                    run, filled, round->sent, sent, double(round->sent) / sent, baseline, sent / baseline, insertSelect,
                    sent / insertSelect, duplicates, qPrintable(counted.values.first().first()));
        std::fflush(stdout);
    }

    // 2. contacts() as the store grows to maxStays at 2,000 sites over 30 days.
    std::printf("BenchCentral: part 2, contacts() over up to %lld stays at 2,000 sites\n", maxStays);
    must(admin->exec(
             QStringLiteral("TRUNCATE gatehouse.event, gatehouse.stay, gatehouse.pending_exit;"
                            " INSERT INTO gatehouse.site (site, name, district) SELECT 'site-' || s, 'Site ' || s,"
                            " 'district-' || (s % 30) FROM generate_series(1, 2000) s ON CONFLICT DO NOTHING")),
         "sites");
    qint64 loaded = 0;
    for (const qint64 target : {qint64(1000000), qint64(3000000), maxStays}) {
        if (target > maxStays || target <= loaded)
            continue;
        // Bulk load without the secondary indexes, then build them (as a restore would).
        const QStringList indexes = dropStayIndexes(*admin);
        QElapsedTimer timer;
        timer.start();
        // People: maxStays / 5 of them (tests/bench/GeneratedStays.h).
        const qint64 people = maxStays / 5;
        must(admin->exec(generatedStaysSql(loaded + 1, target, people)), "stays");
        const double inserted = seconds(timer);
        timer.start();
        buildIndexes(*admin, indexes);
        must(admin->exec(QStringLiteral("ANALYZE gatehouse.stay")), "analyze");
        const double indexed = seconds(timer);
        loaded = target;

        QRandomGenerator random(2020);
        const auto ask = [&](int count, QList<double>* times) {
            for (int i = 0; i < count; ++i) {
                const QString person = QStringLiteral("%1").arg(random.bounded(people), 12, 10, QLatin1Char('0'));
                const int day = random.bounded(16);
                const QString from = QStringLiteral("2020-08-%1T00:00:00+07:00").arg(1 + day, 2, 10, QLatin1Char('0'));
                const QString to = QStringLiteral("2020-08-%1T00:00:00+07:00").arg(15 + day, 2, 10, QLatin1Char('0'));
                QElapsedTimer one;
                one.start();
                must(admin->exec(QStringLiteral("SELECT count(*) FROM gatehouse.contacts($1, $2, $3)"),
                                 {person, from, to}),
                     "contacts");
                if (times)
                    times->append(double(one.nsecsElapsed()) / 1e6);
            }
        };
        ask(100, nullptr); // warm
        QList<double> times;
        ask(1000, &times);
        std::sort(times.begin(), times.end());
        const auto sample =
            must(admin->exec(QStringLiteral("SELECT count(*) FROM gatehouse.contacts(lpad('7', 12, '0'),"
                                            " '2020-08-01T00:00:00+07', '2020-08-15T00:00:00+07')")),
                 "sample");
        std::printf("  %lld stays: loaded in %.1f s, indexes built in %.1f s; contacts() over a 14-day window, "
                    "1,000 warm calls: p50 %.2f ms, p95 %.2f ms, max %.2f ms (person 7: %s contacts)\n",
                    target, inserted, indexed, times[times.size() / 2], times[times.size() * 95 / 100], times.last(),
                    qPrintable(sample.values.first().first()));
        std::fflush(stdout);
    }
    return 0;
}
