// The health office's isolation list at the central store.
#include "central/CentralIsolation.h"

#include "central/CentralConnection.h"
#include "common/IdNumber.h"

Result<void> CentralIsolation::add(const QString& idNumber, const QString& kind, const QDateTime& until,
                                   const QDateTime& now, const QString& author)
{
    const auto number = IdNumber::parseTyped(idNumber);
    if (!number)
        return number.error();
    if (kind != QLatin1String("F0") && kind != QLatin1String("F1"))
        return Error(Error::Kind::Usage, tr("An isolation order is F0 or F1, not %1.").arg(kind));
    if (!until.isValid() || until <= now)
        return Error(Error::Kind::Usage, tr("An isolation order must end in the future."));
    const auto added = m_connection.exec(
        QStringLiteral("WITH person AS (INSERT INTO gatehouse.isolation (id_number, kind, until, added_by)"
                       " VALUES ($1, $2, $3, coalesce(nullif($4, ''), session_user))"
                       " ON CONFLICT (id_number) DO UPDATE SET kind = EXCLUDED.kind, until = EXCLUDED.until,"
                       " added_by = EXCLUDED.added_by, added_at = now() RETURNING *)"
                       " INSERT INTO gatehouse.isolation_change (author, action, id_number, kind, until)"
                       " SELECT added_by, 'added', id_number, kind, until FROM person"),
        {number->text(), kind, CentralConnection::timeParameter(until), author});
    if (!added)
        return added.error();
    return {};
}

Result<bool> CentralIsolation::remove(const QString& idNumber, const QString& author)
{
    const auto number = IdNumber::parseTyped(idNumber);
    if (!number)
        return number.error();
    const auto removed = m_connection.exec(
        QStringLiteral("WITH person AS (DELETE FROM gatehouse.isolation WHERE id_number = $1"
                       " RETURNING *)"
                       " INSERT INTO gatehouse.isolation_change (author, action, id_number, kind, until)"
                       " SELECT coalesce(nullif($2, ''), session_user), 'removed', id_number, kind,"
                       " until FROM person RETURNING id"),
        {number->text(), author});
    if (!removed)
        return removed.error();
    return !removed->values.isEmpty();
}

Result<QList<CentralIsolation::Order>> CentralIsolation::list(const QDateTime& now)
{
    const auto rows =
        m_connection.exec(QStringLiteral("SELECT id_number, kind, until, added_by FROM gatehouse.isolation"
                                         " WHERE until > $1 ORDER BY until, id_number"),
                          {CentralConnection::timeParameter(now)});
    if (!rows)
        return rows.error();
    QList<Order> orders;
    for (const QStringList& row : rows->values)
        orders.append({row[0], row[1], CentralConnection::timeFrom(row[2]), row[3]});
    return orders;
}
