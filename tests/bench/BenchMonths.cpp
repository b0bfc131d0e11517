// The central store by months (issue 27, schema version 11) beside the store before it (version
// 10, one table), side by side on one PostgreSQL of the benchmark's own (fsync off for both):
//   1. N stays (default 10,000,000) at 2,000 sites over the four months before now, loaded the
//      same way into both (secondary indexes built after the rows, as a restore would);
//   2. contacts() over a 14-day window, the same 1,000 warm calls on both, one after the other:
//      p50/p95/max;
//   3. retention of the oldest month: version 10 deletes its rows and VACUUM gives their space
//      back to the table; version 11 drops the month's partition;
//   4. the migration of version 10's store, as it is then, to version 11.
// Usage: BenchMonths [stays]. Reports; never asserts a time.
#include "CentralBench.h"
#include "ThrowawayPostgres.h"
#include "central/CentralConnection.h"
#include "central/CentralSchema.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>
#include <memory>

namespace {
struct Store
{
    const char* name;
    std::unique_ptr<CentralConnection> admin;
    QList<double> times;
};
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const qint64 stays = argc > 1 ? QByteArray(argv[1]).toLongLong() : 10000000;
    ThrowawayPostgres server;
    const QString why = server.start({QStringLiteral("-c shared_buffers=2GB"), QStringLiteral("-c max_wal_size=16GB"),
                                      QStringLiteral("-c maintenance_work_mem=1GB")});
    if (!why.isEmpty()) {
        std::printf("BenchMonths: skipped, %s\n", qPrintable(why));
        return 0;
    }
    const QDateTime from = monthStart(-4);
    const int days = int(from.daysTo(monthStart(0)));
    const qint64 people = stays / 5;
    std::printf("BenchMonths: %lld stays at 2,000 sites from %s over %d days, versions 10 and 11\n", stays,
                qPrintable(from.toString(Qt::ISODate)), days);
    std::fflush(stdout);

    Store stores[] = {{"version 10 (one table)", nullptr, {}}, {"version 11 (months)", nullptr, {}}};
    for (int i = 0; i < 2; ++i) {
        const QString database = QStringLiteral("v%1").arg(10 + i);
        must(CentralConnection::open(server.uri()).value()->exec(QStringLiteral("CREATE DATABASE %1").arg(database)),
             "create database");
        stores[i].admin = CentralConnection::open(server.uri(QStringLiteral("postgres"), database)).value();
        if (!CentralSchema::migrate(*stores[i].admin, 10 + i))
            qFatal("migrate");
        Store& store = stores[i];
        const auto [loaded, indexed] = loadStays(*store.admin, stays, from, days);
        const auto size =
            must(store.admin->exec(QStringLiteral("SELECT pg_size_pretty(coalesce(sum(pg_total_relation_size(relid)),"
                                                  " pg_total_relation_size('gatehouse.stay')))"
                                                  " FROM pg_partition_tree('gatehouse.stay')")),
                 "size");
        std::printf("  %s: loaded in %.1f s, indexes built in %.1f s, %s with indexes\n", store.name, loaded, indexed,
                    qPrintable(size.values.first().first()));
        std::fflush(stdout);
    }

    // The same questions to both, one after the other, so that both see the same machine.
    QRandomGenerator random(2020);
    const auto ask = [&](bool measured) {
        const QString person = QStringLiteral("%1").arg(random.bounded(people), 12, 10, QLatin1Char('0'));
        const QDateTime start = from.addDays(random.bounded(days - 14));
        const QStringList parameters = {person, CentralConnection::timeParameter(start),
                                        CentralConnection::timeParameter(start.addDays(14))};
        QString answers[2];
        for (Store& store : stores) {
            QElapsedTimer one;
            one.start();
            const auto rows = must(
                store.admin->exec(QStringLiteral("SELECT count(*) FROM gatehouse.contacts($1, $2, $3)"), parameters),
                "contacts");
            if (measured)
                store.times.append(double(one.nsecsElapsed()) / 1e6);
            answers[&store - stores] = rows.values.first().first();
        }
        if (answers[0] != answers[1])
            qFatal("contacts differ: %s and %s", qPrintable(answers[0]), qPrintable(answers[1]));
    };
    for (int i = 0; i < 100; ++i)
        ask(false);
    for (int i = 0; i < 1000; ++i)
        ask(true);
    for (Store& store : stores) {
        std::sort(store.times.begin(), store.times.end());
        std::printf("  %s: contacts() over 14 days, 1,000 warm calls (same answers on both): p50 %.2f ms, "
                    "p95 %.2f ms, max %.2f ms\n",
                    store.name, store.times[store.times.size() / 2], store.times[store.times.size() * 95 / 100],
                    store.times.last());
    }
    std::fflush(stdout);

    // Retention of the oldest month, the store's own purge() on each.
    const QString cutoff = CentralConnection::timeParameter(monthStart(-3));
    for (Store& store : stores) {
        QElapsedTimer timer;
        timer.start();
        const auto purged =
            must(store.admin->exec(QStringLiteral("SELECT stays FROM gatehouse.purge($1)"), {cutoff}), "purge");
        const double purgeTime = seconds(timer);
        timer.start();
        must(store.admin->exec(QStringLiteral("VACUUM gatehouse.stay")), "vacuum");
        const double vacuumTime = seconds(timer);
        std::printf("  %s: purge of the oldest month, %s stays, in %.2f s; VACUUM after it %.2f s\n", store.name,
                    qPrintable(purged.values.first().first()), purgeTime, vacuumTime);
        std::fflush(stdout);
    }

    // 4. Version 10's store brought to version 11: the rows of both tables copied once.
    const auto held = must(stores[0].admin->exec(QStringLiteral("SELECT count(*) FROM gatehouse.stay")), "held");
    QElapsedTimer timer;
    timer.start();
    const auto migrated = CentralSchema::migrate(*stores[0].admin);
    if (!migrated)
        qFatal("migrate to 11: %s", qPrintable(migrated.error().message()));
    std::printf("  version 10 to 11 with %s stays: %.1f s\n", qPrintable(held.values.first().first()), seconds(timer));
    return 0;
}
