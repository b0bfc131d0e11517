// The central store's months (schema version 11) around the real now: the store makes and names
// its monthly tables from the server's now() in UTC, so the tests and benchmarks that date stays
// in months find them the same way.
#pragma once

#include <QDateTime>

// The first moment (UTC) of the month `fromNow` months from this one (negative: before it).
inline QDateTime monthStart(int fromNow)
{
    const QDate today = QDateTime::currentDateTimeUtc().date();
    return QDateTime(QDate(today.year(), today.month(), 1).addMonths(fromNow), QTime(0, 0), Qt::UTC);
}
