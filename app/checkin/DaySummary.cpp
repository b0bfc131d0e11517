// One day at the door, at a glance.
#include "checkin/DaySummary.h"

#include "storage/Database.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

#include <numeric>

namespace {
class Sentences
{
    Q_DECLARE_TR_FUNCTIONS(DaySummary)

public:
    static QString unreadable(const QString& why) { return tr("Today's figures cannot be read (%1).").arg(why); }
};
} // namespace

int DaySummary::total() const
{
    return std::accumulate(entries.begin(), entries.end(), 0);
}

int DaySummary::totalVerified() const
{
    return std::accumulate(verified.begin(), verified.end(), 0);
}

Result<DaySummary> DaySummary::compute(Database& database, const QDateTime& now, const SiteTime& siteTime)
{
    DaySummary summary;
    summary.day = siteTime.dayOf(now);
    const QDateTime start = siteTime.at(summary.day, QTime(0, 0));
    const qint64 from = start.toMSecsSinceEpoch();
    const qint64 to = start.addDays(1).toMSecsSinceEpoch();
    QSqlQuery query(database.connection());
    query.prepare(QStringLiteral("SELECT checked_in_at, app_status FROM entry WHERE checked_in_at >= ? AND "
                                 "checked_in_at < ?"));
    query.addBindValue(from);
    query.addBindValue(to);
    if (!query.exec())
        return Error(Error::Kind::Failed, Sentences::unreadable(query.lastError().text()));
    while (query.next()) {
        const int hour = int((query.value(0).toLongLong() - from) / (3600 * 1000));
        if (hour < 0 || hour > 23)
            continue;
        ++summary.entries[hour];
        const QString status = query.value(1).toString();
        if (status == QLatin1String("verified"))
            ++summary.verified[hour];
        else if (status == QLatin1String("overridden"))
            ++summary.overridden;
    }
    query.prepare(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'sent_to_receptionist' AND at >= ? "
                                 "AND at < ?"));
    query.addBindValue(from);
    query.addBindValue(to);
    if (!query.exec() || !query.next())
        return Error(Error::Kind::Failed, Sentences::unreadable(query.lastError().text()));
    summary.sentToReceptionist = query.value(0).toInt();
    query.prepare(QStringLiteral("SELECT actor, count(*) FROM audit_log WHERE action = 'account_locked' AND at >= ? "
                                 "AND at < ? GROUP BY actor ORDER BY 2 DESC, 1"));
    query.addBindValue(from);
    query.addBindValue(to);
    if (!query.exec())
        return Error(Error::Kind::Failed, Sentences::unreadable(query.lastError().text()));
    while (query.next())
        summary.accountLocks.append({query.value(0).toString(), query.value(1).toInt()});
    return summary;
}
