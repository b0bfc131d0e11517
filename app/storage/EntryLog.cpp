// The entry log.
#include "storage/EntryLog.h"

#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace {
const QString COLUMNS = QStringLiteral(
    "id, site, entrance, person_type, full_name, id_number, phone, address, staff_number, checked_in_at, "
    "checked_out_at, checkout_kind, method, app_status, app_profile, app_platform, app_id, app_rssi, app_seen_at, "
    "pass_id, override_reason, declaration");

QVariant text(const QString& value)
{
    return value.isEmpty() ? QVariant() : QVariant(value);
}

QDateTime fromMs(const QVariant& value)
{
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}
} // namespace

EntryLog::EntryLog(Database& database) : m_database(database) {}

Result<qint64> EntryLog::record(const Entry& entry)
{
    QSqlQuery& query = m_database.statement(
        QStringLiteral("INSERT INTO entry (site, entrance, person_type, full_name, id_number, phone, address, "
                       "staff_number, checked_in_at, method, app_status, app_profile, app_platform, app_id, "
                       "app_rssi, app_seen_at, pass_id, override_reason, declaration) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(entry.site);
    query.addBindValue(entry.entrance);
    query.addBindValue(Entry::name(entry.personType));
    query.addBindValue(entry.fullName);
    query.addBindValue(text(entry.idNumber));
    query.addBindValue(text(entry.phone));
    query.addBindValue(text(entry.address));
    query.addBindValue(text(entry.staffNumber));
    query.addBindValue(entry.checkedInAt.toMSecsSinceEpoch());
    query.addBindValue(Entry::name(entry.method));
    query.addBindValue(Entry::name(entry.appStatus));
    query.addBindValue(entry.app ? QVariant(entry.app->profile) : QVariant());
    query.addBindValue(entry.app ? text(entry.app->platform) : QVariant());
    query.addBindValue(entry.app ? text(QString::fromLatin1(entry.app->appId.toHex())) : QVariant());
    query.addBindValue(entry.app ? QVariant(entry.app->rssi) : QVariant());
    query.addBindValue(entry.app ? QVariant(entry.app->timeMs) : QVariant());
    query.addBindValue(text(entry.passId));
    query.addBindValue(text(entry.overrideReason));
    query.addBindValue(text(encodeDeclaration(entry.declaration)));
    // One transaction: the entry and the pass it used are stored together or not at all,
    // committed (and durable: WAL, synchronous=FULL) by RELEASE.
    // In a batch the batch's transaction covers it (and a savepoint there costs a sub-journal).
    const bool ownTransaction = !m_database.inBatch();
    if (ownTransaction) {
        QSqlQuery& begin = m_database.statement(QStringLiteral("SAVEPOINT record_entry"));
        if (!begin.exec())
            return m_database.errorFor(begin.lastError(), tr("record the entry"));
    }
    const auto fail = [&](const QSqlError& error) {
        const Error sentence = m_database.errorFor(error, tr("record the entry"));
        if (ownTransaction) {
            m_database.statement(QStringLiteral("ROLLBACK TO record_entry")).exec();
            m_database.statement(QStringLiteral("RELEASE record_entry")).exec();
        }
        return sentence;
    };
    if (!query.exec())
        return fail(query.lastError());
    const qint64 id = query.lastInsertId().toLongLong();
    if (!entry.passId.isEmpty()) {
        QSqlQuery& pass = m_database.statement(
            QStringLiteral("INSERT OR IGNORE INTO used_pass (pass_id, used_at, expires_at) VALUES (?, ?, ?)"));
        pass.addBindValue(entry.passId);
        pass.addBindValue(entry.checkedInAt.toMSecsSinceEpoch());
        pass.addBindValue(entry.passValidTo.isValid() ? QVariant(entry.passValidTo.toMSecsSinceEpoch()) : QVariant());
        if (!pass.exec())
            return fail(pass.lastError());
    }
    if (ownTransaction) {
        QSqlQuery& release = m_database.statement(QStringLiteral("RELEASE record_entry"));
        if (!release.exec())
            return fail(release.lastError());
    }
    return id;
}

Result<bool> EntryLog::passUsed(const QString& passId) const
{
    QSqlQuery& query = m_database.statement(QStringLiteral("SELECT 1 FROM used_pass WHERE pass_id = ?"));
    query.addBindValue(passId);
    if (!query.exec())
        return m_database.errorFor(query.lastError(), tr("read the used passes"));
    const bool used = query.next();
    query.finish(); // a read left active would hold the connection's snapshot (storage/Database.h)
    return used;
}

Result<void> EntryLog::checkOut(qint64 id, const QDateTime& at, Entry::CheckoutKind kind)
{
    QSqlQuery& query =
        m_database.statement(QStringLiteral("UPDATE entry SET checked_out_at = ?, checkout_kind = ? "
                                            "WHERE id = ? AND checked_out_at IS NULL AND checked_in_at <= ?"));
    query.addBindValue(at.toMSecsSinceEpoch());
    query.addBindValue(Entry::name(kind));
    query.addBindValue(id);
    query.addBindValue(at.toMSecsSinceEpoch());
    if (!query.exec())
        return m_database.errorFor(query.lastError(), tr("record the exit"));
    if (query.numRowsAffected() > 0) {
        // Keep the bound on stays that the tracing query relies on.
        QSqlQuery& bound = m_database.statement(QStringLiteral(
            "UPDATE stay_bound SET longest_ms = max(longest_ms, (SELECT checked_out_at - checked_in_at FROM entry "
            "WHERE id = ?)) WHERE id = 1"));
        bound.addBindValue(id);
        if (!bound.exec())
            return m_database.errorFor(bound.lastError(), tr("record the exit"));
    }
    if (query.numRowsAffected() == 0) {
        // Say which of the conditions failed.
        auto existing = find(id);
        if (existing && existing.value() && !existing.value()->isInside())
            return Error(Error::Kind::Failed, tr("Entry %1 has already checked out.").arg(id));
        if (existing && existing.value())
            return Error(Error::Kind::Usage, tr("The exit cannot be before the entry."));
        return Error(Error::Kind::Failed, tr("There is no entry %1.").arg(id));
    }
    return {};
}

Result<int> EntryLog::checkOutEveryone(const QDateTime& at)
{
    // Widen the bound on stays first (see migration 2): the longest of these is the earliest.
    QSqlQuery& bound = m_database.statement(QStringLiteral(
        "UPDATE stay_bound SET longest_ms = max(longest_ms, coalesce(? - (SELECT min(checked_in_at) FROM entry "
        "WHERE checked_out_at IS NULL AND checked_in_at < ?), 0)) WHERE id = 1"));
    bound.addBindValue(at.toMSecsSinceEpoch());
    bound.addBindValue(at.toMSecsSinceEpoch());
    if (!bound.exec())
        return m_database.errorFor(bound.lastError(), tr("check everyone out"));
    QSqlQuery& query =
        m_database.statement(QStringLiteral("UPDATE entry SET checked_out_at = ?, checkout_kind = 'auto' "
                                            "WHERE checked_out_at IS NULL AND checked_in_at < ?"));
    query.addBindValue(at.toMSecsSinceEpoch());
    query.addBindValue(at.toMSecsSinceEpoch());
    if (!query.exec())
        return m_database.errorFor(query.lastError(), tr("check everyone out"));
    return query.numRowsAffected();
}

Result<std::optional<Entry>> EntryLog::find(qint64 id) const
{
    auto rows = select(QStringLiteral("id = ?"), {id});
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? std::nullopt : std::optional<Entry>(rows->first());
}

Result<std::optional<Entry>> EntryLog::findInside(const QString& idNumber) const
{
    auto rows = select(QStringLiteral("id_number = ? AND checked_out_at IS NULL"), {idNumber});
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? std::nullopt : std::optional<Entry>(rows->first());
}

Result<QList<Entry>> EntryLog::staysOf(const QString& idNumber, const QDateTime& from, const QDateTime& to) const
{
    return select(
        QStringLiteral("id_number = ? AND checked_in_at < ? AND (checked_out_at IS NULL OR checked_out_at >= ?)"),
        {idNumber, to.toMSecsSinceEpoch(), from.toMSecsSinceEpoch()});
}

Result<QList<Entry>> EntryLog::overlapping(const QString& site, const QDateTime& start, const QDateTime& end) const
{
    // A closed stay that overlaps [start, end) began at most `longest_ms` before start, so the
    // checked_in_at index bounds the search on both sides; entries still open are few and come
    // from the entry_inside index.
    QSqlQuery& bound = m_database.statement(QStringLiteral("SELECT longest_ms FROM stay_bound WHERE id = 1"));
    if (!bound.exec())
        return m_database.errorFor(bound.lastError(), tr("read the entry log"));
    const qint64 longest = bound.next() ? bound.value(0).toLongLong() : 0;
    bound.finish();
    auto closed =
        select(QStringLiteral("site = ? AND checked_in_at < ? AND checked_in_at >= ? AND checked_out_at > ?"),
               {site, end.toMSecsSinceEpoch(), start.toMSecsSinceEpoch() - longest, start.toMSecsSinceEpoch()});
    if (!closed)
        return closed;
    auto open = select(QStringLiteral("checked_out_at IS NULL AND site = ? AND checked_in_at < ?"),
                       {site, end.toMSecsSinceEpoch()});
    if (!open)
        return open;
    return closed.value() + open.value();
}

Result<QList<Entry>> EntryLog::inside() const
{
    return select(QStringLiteral("checked_out_at IS NULL"), {});
}

Result<int> EntryLog::purgeBefore(const QDateTime& cutoff)
{
    QSqlQuery& query =
        m_database.statement(QStringLiteral("DELETE FROM entry WHERE coalesce(checked_out_at, checked_in_at) < ?"));
    query.addBindValue(cutoff.toMSecsSinceEpoch());
    if (!query.exec())
        return m_database.errorFor(query.lastError(), tr("delete old entries"));
    const int deleted = query.numRowsAffected();
    // A kiosk offline for longer than the period keeps no copy waiting for the central store
    // either (storage/Outbox.h): the events of the entries just deleted, and exits at this door of
    // other doors' entries older than the cutoff. The store applies its own retention.
    QSqlQuery& waiting = m_database.statement(
        QStringLiteral("DELETE FROM outbox WHERE kind IN ('entry', 'exit') AND CASE"
                       " WHEN json_extract(body, '$.local_id') IS NOT NULL"
                       " THEN NOT EXISTS (SELECT 1 FROM entry WHERE entry.id = json_extract(outbox.body, '$.local_id'))"
                       " ELSE json_extract(body, '$.checked_out_at') < ? END"));
    waiting.addBindValue(cutoff.toMSecsSinceEpoch());
    if (!waiting.exec())
        return m_database.errorFor(waiting.lastError(), tr("delete old entries"));
    return deleted;
}

Result<int> EntryLog::forgetDeclarationsBefore(const QDateTime& cutoff)
{
    QSqlQuery& query = m_database.statement(
        QStringLiteral("UPDATE entry SET declaration = NULL WHERE declaration IS NOT NULL AND checked_in_at < ?"));
    query.addBindValue(cutoff.toMSecsSinceEpoch());
    if (!query.exec())
        return m_database.errorFor(query.lastError(), tr("delete old health declarations"));
    return query.numRowsAffected();
}

Result<int> EntryLog::purgeUsedPasses(const QDateTime& now, const QDateTime& cutoff)
{
    QSqlQuery& query = m_database.statement(
        QStringLiteral("DELETE FROM used_pass WHERE expires_at <= ? OR (expires_at IS NULL AND used_at < ?)"));
    query.addBindValue(now.toMSecsSinceEpoch());
    query.addBindValue(cutoff.toMSecsSinceEpoch());
    if (!query.exec())
        return m_database.errorFor(query.lastError(), tr("delete used passes"));
    return query.numRowsAffected();
}

Result<int> EntryLog::deletePerson(const QString& idNumber)
{
    // One transaction: the entries, every copy waiting for the central store (storage/Outbox.h)
    // or fetched from it, and the event that tells the central store to forget the person too.
    Database::Batch batch(m_database);
    QSqlQuery& query = m_database.statement(QStringLiteral("DELETE FROM entry WHERE id_number = ?"));
    query.addBindValue(idNumber);
    if (!query.exec())
        return m_database.errorFor(query.lastError(), tr("delete the person's entries"));
    const int deleted = query.numRowsAffected();
    for (const QString& sql : {QStringLiteral("DELETE FROM outbox WHERE id_number = ? AND kind IN ('entry', 'exit')"),
                               QStringLiteral("DELETE FROM site_entry WHERE id_number = ?"),
                               QStringLiteral("DELETE FROM site_exit WHERE id_number = ?"),
                               QStringLiteral("INSERT INTO outbox (kind, id_number, body) SELECT 'forget', id_number,"
                                              " json_object('id_number', id_number) FROM (SELECT ? AS id_number)"
                                              " WHERE (SELECT enabled FROM outbox_state WHERE id = 1) = 1")}) {
        QSqlQuery& copies = m_database.statement(sql);
        copies.addBindValue(idNumber);
        if (!copies.exec())
            return m_database.errorFor(copies.lastError(), tr("delete the person's entries"));
    }
    const Result<void> committed = batch.commit();
    if (!committed)
        return committed.error();
    return deleted;
}

QString EntryLog::encodeDeclaration(const QList<QPair<QString, QString>>& answers)
{
    // formats/export-csv.md: `;`-separated `question=answer`.
    QStringList parts;
    for (const auto& [question, answer] : answers)
        parts.append(question + u'=' + answer);
    return parts.join(u';');
}

QList<QPair<QString, QString>> EntryLog::decodeDeclaration(const QString& text)
{
    QList<QPair<QString, QString>> answers;
    for (const QString& part : text.split(u';', Qt::SkipEmptyParts))
        answers.append({part.section(u'=', 0, 0), part.section(u'=', 1)});
    return answers;
}

Result<QList<Entry>> EntryLog::select(const QString& where, const QVariantList& values) const
{
    QSqlQuery& query = m_database.statement(QStringLiteral("SELECT ") + COLUMNS + QStringLiteral(" FROM entry WHERE ") +
                                            where + QStringLiteral(" ORDER BY checked_in_at, id"));
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec())
        return m_database.errorFor(query.lastError(), tr("read the entry log"));
    QList<Entry> entries;
    while (query.next())
        entries.append(entryFrom(query));
    return entries;
}

Entry EntryLog::entryFrom(const QSqlQuery& query)
{
    Entry entry;
    entry.id = query.value(0).toLongLong();
    entry.site = query.value(1).toString();
    entry.entrance = query.value(2).toString();
    entry.personType = Entry::personTypeFrom(query.value(3).toString()).value_or(Entry::PersonType::Visitor);
    entry.fullName = query.value(4).toString();
    entry.idNumber = query.value(5).toString();
    entry.phone = query.value(6).toString();
    entry.address = query.value(7).toString();
    entry.staffNumber = query.value(8).toString();
    entry.checkedInAt = fromMs(query.value(9));
    if (!query.value(10).isNull())
        entry.checkedOutAt = fromMs(query.value(10));
    if (!query.value(11).isNull())
        entry.checkoutKind = Entry::checkoutKindFrom(query.value(11).toString());
    entry.method = Entry::methodFrom(query.value(12).toString()).value_or(Entry::Method::Manual);
    entry.appStatus = Entry::appStatusFrom(query.value(13).toString()).value_or(Entry::AppStatus::NotDetected);
    if (!query.value(14).isNull()) {
        AppVerification app;
        app.profile = query.value(14).toString();
        app.platform = query.value(15).toString();
        app.appId = QByteArray::fromHex(query.value(16).toString().toLatin1());
        app.rssi = query.value(17).toInt();
        app.timeMs = query.value(18).toLongLong();
        entry.app = app;
    }
    entry.passId = query.value(19).toString();
    entry.overrideReason = query.value(20).toString();
    entry.declaration = decodeDeclaration(query.value(21).toString());
    return entry;
}
