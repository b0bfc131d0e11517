// The outbox for the central store.
#include "storage/Outbox.h"

#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace {
QDateTime fromMs(const QVariant& value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QVariant text(const QString& value)
{
    return value.isEmpty() ? QVariant() : QVariant(value);
}

const QString SITE_ENTRY_COLUMNS =
    QStringLiteral("visit_key, entrance, person_type, full_name, id_number, phone, checked_in_at");

Outbox::SiteEntry siteEntryFrom(const QSqlQuery& query)
{
    return {query.value(0).toString(), query.value(1).toString(), query.value(2).toString(), query.value(3).toString(),
            query.value(4).toString(), query.value(5).toString(), fromMs(query.value(6))};
}
} // namespace

Outbox::Outbox(Database& database) : m_database(database) {}

QString Outbox::entryEventSql(const QString& row)
{
    QString sql = QStringLiteral(
        "json_object('local_id', R.id, 'site', R.site, 'entrance', R.entrance, 'person_type', R.person_type,"
        " 'full_name', R.full_name, 'id_number', R.id_number, 'phone', R.phone, 'address', R.address,"
        " 'staff_number', R.staff_number, 'checked_in_at', R.checked_in_at, 'checked_out_at', R.checked_out_at,"
        " 'checkout_kind', R.checkout_kind, 'method', R.method, 'app_status', R.app_status,"
        " 'app_profile', R.app_profile, 'app_id', R.app_id, 'pass_id', R.pass_id,"
        " 'override_reason', R.override_reason, 'declaration', R.declaration)");
    return sql.replace(QStringLiteral("R."), row + u'.');
}

Result<void> Outbox::enable()
{
    Database::Batch batch(m_database);
    QSqlQuery& state = m_database.statement(QStringLiteral("SELECT enabled FROM outbox_state WHERE id = 1"));
    if (!state.exec() || !state.next())
        return m_database.errorFor(state.lastError(), tr("read the central store's state"));
    const bool enabled = state.value(0).toInt() == 1;
    state.finish(); // an active statement would hold back a backup or a checkpoint
    if (enabled)
        return {};
    // What the log holds now, in the order it happened: entries (an exit already recorded
    // travels inside its entry) and audit rows.
    const QString entries = QStringLiteral("INSERT INTO outbox (kind, id_number, body) SELECT 'entry', id_number, ") +
                            entryEventSql(QStringLiteral("entry")) + QStringLiteral(" FROM entry ORDER BY id");
    for (const QString& sql :
         {entries,
          QStringLiteral("INSERT INTO outbox (kind, body) SELECT 'audit', json_object('local_id', id, 'at', at,"
                         " 'actor', actor, 'action', action, 'details', details, 'prev_hash', prev_hash,"
                         " 'hash', hash)"
                         " FROM audit_log ORDER BY id"),
          QStringLiteral("UPDATE outbox_state SET enabled = 1 WHERE id = 1")}) {
        QSqlQuery& query = m_database.statement(sql);
        if (!query.exec())
            return m_database.errorFor(query.lastError(), tr("join the central store"));
    }
    return batch.commit();
}

Result<Outbox::Status> Outbox::status() const
{
    QSqlQuery& query = m_database.statement(
        QStringLiteral("SELECT enabled, sent_up_to, last_sent_at, last_attempt_at, last_error, fetched_at,"
                       " (SELECT count(*) FROM outbox WHERE seq > outbox_state.sent_up_to)"
                       " FROM outbox_state WHERE id = 1"));
    if (!query.exec() || !query.next())
        return m_database.errorFor(query.lastError(), tr("read the central store's state"));
    Status status;
    status.enabled = query.value(0).toInt() == 1;
    status.sentUpTo = query.value(1).toLongLong();
    status.lastSentAt = fromMs(query.value(2));
    status.lastAttemptAt = fromMs(query.value(3));
    status.lastError = query.value(4).toString();
    status.fetchedAt = fromMs(query.value(5));
    status.waiting = query.value(6).toLongLong();
    query.finish();
    return status;
}

Result<QList<Outbox::Event>> Outbox::pending(int limit) const
{
    return pending(0, limit);
}

Result<QList<Outbox::Event>> Outbox::pending(qint64 afterSeq, int limit) const
{
    QSqlQuery& query = m_database.statement(
        QStringLiteral("SELECT seq, kind, id_number, body FROM outbox"
                       " WHERE seq > max(?, (SELECT sent_up_to FROM outbox_state WHERE id = 1)) ORDER BY seq LIMIT ?"));
    query.addBindValue(afterSeq);
    query.addBindValue(limit);
    if (!query.exec())
        return m_database.errorFor(query.lastError(), tr("read the events waiting for the central store"));
    QList<Event> events;
    while (query.next())
        events.append({query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
                       query.value(3).toByteArray()});
    query.finish();
    return events;
}

Result<void> Outbox::markSent(qint64 seq, const QDateTime& at)
{
    Database::Batch batch(m_database);
    QSqlQuery& mark =
        m_database.statement(QStringLiteral("UPDATE outbox_state SET sent_up_to = max(sent_up_to, ?), last_sent_at = ?,"
                                            " last_attempt_at = ?, last_error = NULL WHERE id = 1"));
    mark.addBindValue(seq);
    mark.addBindValue(at.toMSecsSinceEpoch());
    mark.addBindValue(at.toMSecsSinceEpoch());
    if (!mark.exec())
        return m_database.errorFor(mark.lastError(), tr("note what the central store received"));
    QSqlQuery& sent = m_database.statement(QStringLiteral("DELETE FROM outbox WHERE seq <= ?"));
    sent.addBindValue(seq);
    if (!sent.exec())
        return m_database.errorFor(sent.lastError(), tr("note what the central store received"));
    return batch.commit();
}

Result<void> Outbox::noteFailure(const QDateTime& at, const QString& sentence)
{
    QSqlQuery& query = m_database.statement(
        QStringLiteral("UPDATE outbox_state SET last_attempt_at = ?, last_error = ? WHERE id = 1"));
    query.addBindValue(at.toMSecsSinceEpoch());
    query.addBindValue(sentence);
    if (!query.exec())
        return m_database.errorFor(query.lastError(), tr("note a failed round with the central store"));
    return {};
}

Result<void> Outbox::replaceSiteEntries(const QList<SiteEntry>& entries, const QDateTime& at)
{
    Database::Batch batch(m_database);
    QSqlQuery& clear = m_database.statement(QStringLiteral("DELETE FROM site_entry"));
    if (!clear.exec())
        return m_database.errorFor(clear.lastError(), tr("store the site's open entries"));
    QSqlQuery& insert = m_database.statement(
        QStringLiteral("INSERT OR REPLACE INTO site_entry (visit_key, entrance, person_type, full_name, id_number,"
                       " phone, checked_in_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    for (const SiteEntry& entry : entries) {
        insert.bindValue(0, entry.visitKey);
        insert.bindValue(1, entry.entrance);
        insert.bindValue(2, entry.personType);
        insert.bindValue(3, entry.fullName);
        insert.bindValue(4, text(entry.idNumber));
        insert.bindValue(5, text(entry.phone));
        insert.bindValue(6, entry.checkedInAt.toMSecsSinceEpoch());
        if (!insert.exec())
            return m_database.errorFor(insert.lastError(), tr("store the site's open entries"));
    }
    QSqlQuery& state = m_database.statement(QStringLiteral("UPDATE outbox_state SET fetched_at = ? WHERE id = 1"));
    state.addBindValue(at.toMSecsSinceEpoch());
    if (!state.exec())
        return m_database.errorFor(state.lastError(), tr("store the site's open entries"));
    return batch.commit();
}

Result<QList<Outbox::SiteEntry>> Outbox::siteEntries() const
{
    QSqlQuery& query = m_database.statement(QStringLiteral("SELECT ") + SITE_ENTRY_COLUMNS +
                                            QStringLiteral(" FROM site_entry ORDER BY checked_in_at, visit_key"));
    if (!query.exec())
        return m_database.errorFor(query.lastError(), tr("read the site's open entries"));
    QList<SiteEntry> entries;
    while (query.next())
        entries.append(siteEntryFrom(query));
    return entries;
}

Result<std::optional<Outbox::SiteEntry>> Outbox::siteEntryOf(const QString& idNumber) const
{
    QSqlQuery& query = m_database.statement(
        QStringLiteral("SELECT ") + SITE_ENTRY_COLUMNS +
        QStringLiteral(" FROM site_entry WHERE id_number = ? ORDER BY checked_in_at DESC LIMIT 1"));
    query.addBindValue(idNumber);
    if (!query.exec())
        return m_database.errorFor(query.lastError(), tr("read the site's open entries"));
    if (!query.next())
        return std::optional<SiteEntry>();
    const SiteEntry entry = siteEntryFrom(query);
    query.finish();
    return std::optional<SiteEntry>(entry);
}

Result<void> Outbox::recordSiteExit(const QString& visitKey, const QString& idNumber, const QString& entrance,
                                    const QDateTime& at, const QString& checkoutKind)
{
    Database::Batch batch(m_database);
    QSqlQuery& insert = m_database.statement(
        QStringLiteral("INSERT INTO site_exit (visit_key, id_number, entrance, checked_out_at, checkout_kind)"
                       " VALUES (?, ?, ?, ?, ?)"));
    insert.addBindValue(text(visitKey));
    insert.addBindValue(idNumber);
    insert.addBindValue(entrance);
    insert.addBindValue(at.toMSecsSinceEpoch());
    insert.addBindValue(checkoutKind);
    if (!insert.exec())
        return m_database.errorFor(insert.lastError(), tr("record the exit"));
    // The person has left: the fetched copy of their entry goes (and the next fetch agrees).
    QSqlQuery& left = m_database.statement(QStringLiteral("DELETE FROM site_entry WHERE id_number = ?"));
    left.addBindValue(idNumber);
    if (!left.exec())
        return m_database.errorFor(left.lastError(), tr("record the exit"));
    return batch.commit();
}
