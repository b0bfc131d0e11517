// What the central store's benchmarks (BenchCentral, BenchConsole) share: a failed request ends
// the run with its sentence; stays generated in SQL at 2,000
// sites over August 2020, each stay 15 min to 3 h between 07:00 and 19:00 UTC of one of 30 days;
// people 0..people-1, five stays each on average when people = stays / 5 (each number's
// multiplier is prime to people, so every person has stays); the app verified for 7 in 10.
#pragma once

#include "StoreMonths.h"
#include "central/CentralConnection.h"
#include "storage/Database.h"
#include "storage/EntryLog.h"
#include "storage/Outbox.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QString>

#include <algorithm>
#include <utility>

inline CentralConnection::Rows must(Result<CentralConnection::Rows> rows, const char* what)
{
    if (!rows)
        qFatal("%s: %s", what, qPrintable(rows.error().message()));
    return rows.value();
}

inline double seconds(const QElapsedTimer& timer)
{
    return double(timer.nsecsElapsed()) / 1e9;
}

// `from` and `days` move the stays elsewhere in time (BenchMonths: the months before now).
inline QString generatedStaysSql(qint64 first, qint64 last, qint64 people,
                                 const QString& from = QStringLiteral("2020-08-01 00:00+00"), int days = 30)
{
    return QStringLiteral(
               "INSERT INTO gatehouse.stay (visit_key, kiosk, entry_seq, site, entrance, person_type,"
               " full_name, id_number, phone, checked_in_at, checked_out_at, checkout_kind, app_status, received_at)"
               " SELECT 'gen:' || g, 'gen', g, 'site-' || (1 + (g * 7919) % 2000), 'main', 'visitor',"
               " 'Person ' || p, lpad(p::text, 12, '0'), '0912345678', t,"
               " t + (15 + (g * 13) % 165) * interval '1 minute', 'kiosk',"
               " CASE WHEN g % 10 < 7 THEN 'verified' ELSE 'not_detected' END, now()"
               " FROM (SELECT g, (g * 104729) % %3 AS p,"
               "   timestamptz '%4' + ((g * 31) % %5) * interval '1 day'"
               "   + (7 * 3600 + (g * 2654435761) % (12 * 3600)) * interval '1 second' AS t"
               "   FROM generate_series(%1::bigint, %2::bigint) g) s")
        .arg(first)
        .arg(last)
        .arg(people)
        .arg(from)
        .arg(days);
}

// The store's daily counts (gatehouse.site_day, kept by the events' trigger) for stays loaded
// straight into the table, as the schema's version 6 fills them from the stays it finds.
inline QString countedStaysSql()
{
    return QStringLiteral(
        "TRUNCATE gatehouse.site_day;"
        " INSERT INTO gatehouse.site_day (site, day, entries, app_verified, overridden, sent_to_receptionist)"
        " SELECT site, gatehouse.province_day(checked_in_at), count(*),"
        " count(*) FILTER (WHERE app_status = 'verified'), count(*) FILTER (WHERE app_status = 'overridden'), 0"
        " FROM gatehouse.stay GROUP BY 1, 2");
}

// Drops the secondary indexes of `stay` for a bulk load and answers the statements that build them
// again (buildIndexes), as a restore builds them after the rows. pg_indexes writes a partitioned
// table's index "ON ONLY" the parent (schema version 11), which would build none on the months:
// built on the parent, it reaches every month.
inline QStringList dropStayIndexes(CentralConnection& admin)
{
    const auto indexes =
        must(admin.exec(QStringLiteral("SELECT indexname, replace(indexdef, ' ON ONLY ', ' ON ') FROM pg_indexes"
                                       " WHERE schemaname = 'gatehouse' AND tablename = 'stay'"
                                       " AND indexname <> 'stay_pkey'")),
             "indexes");
    QStringList create;
    for (const QStringList& index : indexes.values) {
        must(admin.exec(QStringLiteral("DROP INDEX gatehouse.%1").arg(index[0])), "drop index");
        create.append(index[1]);
    }
    return create;
}

inline void buildIndexes(CentralConnection& admin, const QStringList& create)
{
    for (const QString& index : create)
        must(admin.exec(index), "create index");
}

// `stays` generated stays at 2,000 sites from `from` over `days` (people: stays / 5), loaded as a
// restore would load them (BenchMonths, BenchStandby): the sites, the secondary indexes dropped,
// the rows 1 M a statement, the indexes built again and VACUUM ANALYZE. A store by months
// (schema version 11) gets a table for each month of the stays first, as its daily maintenance
// would have made them. Seconds of the rows and of the indexes.
inline std::pair<double, double> loadStays(CentralConnection& admin, qint64 stays, const QDateTime& from, int days)
{
    must(
        admin.exec(QStringLiteral("INSERT INTO gatehouse.site (site, name, district) SELECT 'site-' || s, 'Site ' || s,"
                                  " 'district-' || (s % 30) FROM generate_series(1, 2000) s ON CONFLICT DO NOTHING")),
        "sites");
    const bool byMonths =
        must(admin.exec(QStringLiteral("SELECT to_regproc('gatehouse.add_month') IS NOT NULL")), "version")
            .values.first()
            .first() == QLatin1String("t");
    for (QDateTime month = QDateTime(QDate(from.date().year(), from.date().month(), 1), QTime(0, 0), Qt::UTC);
         byMonths && month < from.addDays(days); month = month.addMonths(1))
        must(admin.exec(QStringLiteral("SELECT gatehouse.add_month('stay', $1)"),
                        {CentralConnection::timeParameter(month)}),
             "month");
    const QStringList indexes = dropStayIndexes(admin);
    QElapsedTimer timer;
    timer.start();
    for (qint64 first = 1; first <= stays; first += 1000000)
        must(admin.exec(generatedStaysSql(first, std::min(stays, first + 999999), stays / 5, from.toString(Qt::ISODate),
                                          days)),
             "stays");
    const double loaded = seconds(timer);
    timer.start();
    buildIndexes(admin, indexes);
    must(admin.exec(QStringLiteral("VACUUM ANALYZE gatehouse.stay")), "analyze");
    return {loaded, seconds(timer)};
}

// A kiosk's log with `count` entries from number `first` on waiting in its outbox (BenchCentral's
// backlog, BenchStandby's); false when the log was busy or a write failed.
inline bool tryFillKioskLog(const QString& path, qint64 first, qint64 count)
{
    auto database = Database::open(path, Database::Check::None).value();
    EntryLog log(*database);
    Outbox outbox(*database);
    if (!outbox.enable())
        return false;
    const QDateTime start(QDate(2020, 8, 1), QTime(0, 0), Qt::UTC);
    for (qint64 done = first; done < first + count;) {
        Database::Batch batch(*database);
        for (int i = 0; i < 50000 && done < first + count; ++i, ++done) {
            Entry entry;
            entry.site = QStringLiteral("bench-site");
            entry.entrance = QStringLiteral("Cổng chính");
            entry.fullName = QStringLiteral("Nguyễn Văn Khách %1").arg(done);
            entry.idNumber = QStringLiteral("046%1").arg(done % 2000000, 9, 10, QLatin1Char('0'));
            entry.phone = QStringLiteral("0912345678");
            entry.address = QStringLiteral("Phường An Cựu, TP Huế");
            entry.checkedInAt = start.addSecs(done * 2);
            entry.checkedOutAt = start.addSecs(done * 2 + 1800);
            entry.checkoutKind = Entry::CheckoutKind::Kiosk;
            entry.method = Entry::Method::QrCccd;
            entry.appStatus = Entry::AppStatus::Verified;
            if (!log.record(entry))
                return false;
        }
        if (!batch.commit())
            return false;
    }
    return true;
}

inline void fillKioskLog(const QString& path, qint64 first, qint64 count)
{
    if (!tryFillKioskLog(path, first, count))
        qFatal("the kiosk's log could not be filled");
}
