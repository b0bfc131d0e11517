// The isolation list as a kiosk holds it.
#include "storage/IsolationList.h"

#include "storage/Database.h"

#include <QMessageAuthenticationCode>

#include <algorithm>

IsolationList::IsolationList(Database& database) : m_database(database) {}

QString IsolationList::hash(const QString& idNumber, const QByteArray& secret)
{
    return QString::fromLatin1(
        QMessageAuthenticationCode::hash(idNumber.toUtf8(), secret, QCryptographicHash::Sha256).toHex());
}

Result<void> IsolationList::replace(int keyId, const QByteArray& secret, const QList<Order>& orders,
                                    const QDateTime& at)
{
    // Most rounds bring the list the kiosk holds: read it rather than write it again every interval.
    const auto held = unchanged(keyId, secret, orders);
    if (!held)
        return held.error();
    if (held.value())
        return {};
    Database::Batch batch(m_database);
    QSqlQuery& key = m_database.statement(
        QStringLiteral("UPDATE isolation_key SET key_id = ?, secret = ?, fetched_at = ? WHERE id = 1"));
    key.addBindValue(keyId);
    key.addBindValue(secret);
    key.addBindValue(at.toMSecsSinceEpoch());
    if (!key.exec())
        return m_database.errorFor(key.lastError(), tr("keep the isolation list"));
    QSqlQuery& clear = m_database.statement(QStringLiteral("DELETE FROM isolation_order"));
    if (!clear.exec())
        return m_database.errorFor(clear.lastError(), tr("keep the isolation list"));
    QSqlQuery& insert = m_database.statement(
        QStringLiteral("INSERT OR REPLACE INTO isolation_order (hash, kind, until) VALUES (?, ?, ?)"));
    for (const Order& order : orders) {
        insert.addBindValue(order.hash);
        insert.addBindValue(order.kind);
        insert.addBindValue(order.until.toMSecsSinceEpoch());
        if (!insert.exec())
            return m_database.errorFor(insert.lastError(), tr("keep the isolation list"));
    }
    return batch.commit();
}

Result<bool> IsolationList::unchanged(int keyId, const QByteArray& secret, const QList<Order>& orders) const
{
    QSqlQuery& key = m_database.statement(QStringLiteral("SELECT key_id, secret FROM isolation_key WHERE id = 1"));
    if (!key.exec())
        return m_database.errorFor(key.lastError(), tr("read the isolation list"));
    const bool sameKey =
        key.next() && !key.value(1).isNull() && key.value(0).toInt() == keyId && key.value(1).toByteArray() == secret;
    key.finish();
    if (!sameKey)
        return false;
    QSqlQuery& held =
        m_database.statement(QStringLiteral("SELECT hash, kind, until FROM isolation_order ORDER BY hash"));
    if (!held.exec())
        return m_database.errorFor(held.lastError(), tr("read the isolation list"));
    QList<Order> sorted = orders;
    std::sort(sorted.begin(), sorted.end(), [](const Order& a, const Order& b) { return a.hash < b.hash; });
    qsizetype i = 0;
    bool same = true;
    while (held.next()) {
        if (i >= sorted.size() || held.value(0).toString() != sorted[i].hash ||
            held.value(1).toString() != sorted[i].kind ||
            held.value(2).toLongLong() != sorted[i].until.toMSecsSinceEpoch()) {
            same = false;
            break;
        }
        ++i;
    }
    held.finish();
    return same && i == sorted.size();
}

Result<std::optional<IsolationList::Match>> IsolationList::match(const QString& idNumber, const QDateTime& at) const
{
    if (idNumber.isEmpty())
        return std::optional<Match>();
    QSqlQuery& key = m_database.statement(QStringLiteral("SELECT key_id, secret FROM isolation_key WHERE id = 1"));
    if (!key.exec())
        return m_database.errorFor(key.lastError(), tr("read the isolation list"));
    if (!key.next() || key.value(1).isNull()) {
        key.finish();
        return std::optional<Match>();
    }
    const int keyId = key.value(0).toInt();
    const QString hashed = hash(idNumber, key.value(1).toByteArray());
    key.finish();
    QSqlQuery& order =
        m_database.statement(QStringLiteral("SELECT kind, until FROM isolation_order WHERE hash = ? AND until > ?"));
    order.addBindValue(hashed);
    order.addBindValue(at.toMSecsSinceEpoch());
    if (!order.exec())
        return m_database.errorFor(order.lastError(), tr("read the isolation list"));
    if (!order.next())
        return std::optional<Match>();
    Match found{keyId, hashed, order.value(0).toString(),
                QDateTime::fromMSecsSinceEpoch(order.value(1).toLongLong(), Qt::UTC)};
    order.finish();
    return std::optional<Match>(found);
}
