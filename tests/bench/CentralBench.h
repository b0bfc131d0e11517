// What the central store's benchmarks (BenchCentral, BenchConsole) share: a failed request ends
// the run with its sentence; stays generated in SQL at 2,000
// sites over August 2020, each stay 15 min to 3 h between 07:00 and 19:00 UTC of one of 30 days;
// people 0..people-1, five stays each on average when people = stays / 5 (each number's
// multiplier is prime to people, so every person has stays); the app verified for 7 in 10.
#pragma once

#include "central/CentralConnection.h"

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

inline QString generatedStaysSql(qint64 first, qint64 last, qint64 people)
{
    return QStringLiteral(
               "INSERT INTO gatehouse.stay (visit_key, kiosk, entry_seq, site, entrance, person_type,"
               " full_name, id_number, phone, checked_in_at, checked_out_at, checkout_kind, app_status, received_at)"
               " SELECT 'gen:' || g, 'gen', g, 'site-' || (1 + (g * 7919) % 2000), 'main', 'visitor',"
               " 'Person ' || p, lpad(p::text, 12, '0'), '0912345678', t,"
               " t + (15 + (g * 13) % 165) * interval '1 minute', 'kiosk',"
               " CASE WHEN g % 10 < 7 THEN 'verified' ELSE 'not_detected' END, now()"
               " FROM (SELECT g, (g * 104729) % %3 AS p,"
               "   timestamptz '2020-08-01 00:00+00' + ((g * 31) % 30) * interval '1 day'"
               "   + (7 * 3600 + (g * 2654435761) % (12 * 3600)) * interval '1 second' AS t"
               "   FROM generate_series(%1::bigint, %2::bigint) g) s")
        .arg(first)
        .arg(last)
        .arg(people);
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
