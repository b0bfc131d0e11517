// What the central store's benchmarks (BenchCentral, BenchConsole) share: a failed request ends
// the run with its sentence; stays generated in SQL at 2,000
// sites over August 2020, each stay 15 min to 3 h between 07:00 and 19:00 UTC of one of 30 days;
// people 0..people-1, five stays each on average when people = stays / 5 (each number's
// multiplier is prime to people, so every person has stays); the app verified for 7 in 10.
#pragma once

#include "central/CentralConnection.h"
#include "storage/Database.h"
#include "storage/EntryLog.h"
#include "storage/Outbox.h"

#include <QElapsedTimer>
#include <QString>

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
