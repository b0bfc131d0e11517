// The audit log of administrative actions, hash-chained.
#include "storage/AuditLog.h"

#include "common/IdNumber.h"
#include "crypto/Sha256.h"
#include "storage/Database.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

AuditLog::AuditLog(Database& database) : m_database(database) {}

QString AuditLog::rowHash(const QString& prev, const Record& record)
{
    const QByteArray content =
        QJsonDocument(QJsonArray{record.at.toMSecsSinceEpoch(), record.actor, record.action, record.details})
            .toJson(QJsonDocument::Compact);
    Sha256 hash;
    hash.addData(prev.toLatin1() + '\n' + content);
    return QString::fromLatin1(hash.result().toHex());
}

Result<void> AuditLog::append(const Record& record)
{
    // The write lock first (BEGIN IMMEDIATE), then the chain's end: two programs appending at once
    // (the kiosk and the console) each link to the row before their own, never both to the same.
    const bool ownTransaction = !m_database.inTransaction();
    QSqlQuery query(m_database.connection());
    const bool begun = ownTransaction && query.exec(QStringLiteral("BEGIN IMMEDIATE"));
    if (ownTransaction && !begun)
        return m_database.errorFor(query.lastError(), tr("write the audit log"));
    const auto fail = [&](const QSqlError& error) {
        const Error sentence = m_database.errorFor(error, tr("write the audit log"));
        if (begun)
            QSqlQuery(m_database.connection()).exec(QStringLiteral("ROLLBACK"));
        return sentence;
    };
    // The end of the chain: the last row's hash, or where the retention purge cut it.
    if (!query.exec(QStringLiteral("SELECT coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), "
                                   "(SELECT first_prev_hash FROM audit_chain WHERE id = 1), '')")) ||
        !query.next())
        return fail(query.lastError());
    const QString prev = query.value(0).toString();
    query.prepare(QStringLiteral(
        "INSERT INTO audit_log (at, actor, action, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)"));
    query.addBindValue(record.at.toMSecsSinceEpoch());
    query.addBindValue(record.actor);
    query.addBindValue(record.action);
    query.addBindValue(record.details);
    query.addBindValue(prev);
    query.addBindValue(rowHash(prev, record));
    if (!query.exec())
        return fail(query.lastError());
    if (begun && !query.exec(QStringLiteral("COMMIT")))
        return fail(query.lastError());
    return {};
}

Result<QList<AuditLog::Record>> AuditLog::latest(int count) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT at, actor, action, details FROM audit_log ORDER BY id DESC LIMIT ?"));
    query.addBindValue(count);
    if (!query.exec())
        return m_database.errorFor(query.lastError(), tr("read the audit log"));
    QList<Record> records;
    while (query.next()) {
        records.append({QDateTime::fromMSecsSinceEpoch(query.value(0).toLongLong(), Qt::UTC), query.value(1).toString(),
                        query.value(2).toString(), query.value(3).toString()});
    }
    return records;
}

Result<int> AuditLog::count(const QString& actor, const QString& action, const QDateTime& since) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT count(*) FROM audit_log WHERE actor = ? AND action = ? AND at >= ?"));
    query.addBindValue(actor);
    query.addBindValue(action);
    query.addBindValue(since.toMSecsSinceEpoch());
    if (!query.exec() || !query.next())
        return m_database.errorFor(query.lastError(), tr("read the audit log"));
    return query.value(0).toInt();
}

Result<qint64> AuditLog::forEach(const std::function<Result<void>(const Row&)>& each) const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT id, at, actor, action, details, hash FROM audit_log ORDER BY id")))
        return m_database.errorFor(query.lastError(), tr("read the audit log"));
    qint64 rows = 0;
    while (query.next()) {
        const Row row{query.value(0).toLongLong(),
                      {QDateTime::fromMSecsSinceEpoch(query.value(1).toLongLong(), Qt::UTC), query.value(2).toString(),
                       query.value(3).toString(), query.value(4).toString()},
                      query.value(5).toString()};
        const Result<void> done = each(row);
        if (!done)
            return done.error();
        ++rows;
    }
    return rows;
}

std::optional<AuditLog::Head> AuditLog::Head::parse(const QString& text)
{
    const qsizetype colon = text.indexOf(u':');
    bool number = false;
    const qint64 id = text.left(colon).toLongLong(&number);
    const QString hash = text.mid(colon + 1).trimmed().toLower();
    static const QRegularExpression HEX(QStringLiteral("^[0-9a-f]{64}$"));
    if (colon <= 0 || !number || id <= 0 || !HEX.match(hash).hasMatch())
        return std::nullopt;
    return Head{id, hash};
}

Result<std::optional<AuditLog::Head>> AuditLog::head() const
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")))
        return m_database.errorFor(query.lastError(), tr("read the audit log"));
    if (!query.next())
        return std::optional<Head>();
    return std::optional<Head>(Head{query.value(0).toLongLong(), query.value(1).toString()});
}

namespace {
// "rows=3 kept_from=4 cut_hash=HEX": the details of an audit_purged row, as a map.
QHash<QString, QString> keyValues(const QString& details)
{
    QHash<QString, QString> values;
    for (const QString& pair : details.split(u' ', Qt::SkipEmptyParts)) {
        const qsizetype equals = pair.indexOf(u'=');
        if (equals > 0)
            values.insert(pair.left(equals), pair.mid(equals + 1));
    }
    return values;
}
} // namespace

Result<std::variant<qint64, AuditLog::Break>> AuditLog::verify(const std::optional<Head>& anchor) const
{
    using Verdict = std::variant<qint64, Break>;
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT first_id, first_prev_hash, legacy_cut FROM audit_chain WHERE id = 1")) ||
        !query.next())
        return m_database.errorFor(query.lastError(), tr("read the audit log"));
    const QVariant firstId = query.value(0);
    const QString cutHash = query.value(1).toString();
    const QVariant legacyCut = query.value(2);
    QString expectedPrev = cutHash;
    if (!query.exec(
            QStringLiteral("SELECT id, at, actor, action, details, prev_hash, hash FROM audit_log ORDER BY id")))
        return m_database.errorFor(query.lastError(), tr("read the audit log"));
    qint64 rows = 0;
    qint64 firstRow = 0;
    qint64 lastRow = firstId.isNull() ? 0 : firstId.toLongLong() - 1;
    QString anchoredHash;
    std::optional<QHash<QString, QString>> lastPurge; // the newest audit_purged row's details
    qint64 lastPurgeRow = 0;
    while (query.next()) {
        const qint64 id = query.value(0).toLongLong();
        const Record record{QDateTime::fromMSecsSinceEpoch(query.value(1).toLongLong(), Qt::UTC),
                            query.value(2).toString(), query.value(3).toString(), query.value(4).toString()};
        if (rows == 0 && !firstId.isNull() && firstId.toLongLong() != id)
            return Verdict(Break{id, tr("the log starts at row %1, but the last retention purge kept it from row %2: "
                                        "rows were removed")
                                         .arg(id)
                                         .arg(firstId.toLongLong())});
        if (query.value(5).toString() != expectedPrev)
            return Verdict(Break{
                id, tr("row %1 does not follow the row before it: a row before it was removed or added").arg(id)});
        const QString hash = rowHash(expectedPrev, record);
        if (query.value(6).toString() != hash)
            return Verdict(Break{id, tr("row %1 was changed after it was written").arg(id)});
        if (record.action == PURGED) {
            lastPurge = keyValues(record.details);
            lastPurgeRow = id;
        }
        if (anchor && anchor->id == id)
            anchoredHash = hash;
        if (rows == 0)
            firstRow = id;
        lastRow = id;
        expectedPrev = hash;
        ++rows;
    }

    // Where the chain starts: where its newest recorded purge left it (a cut made before purges
    // were recorded, by an older Gatehouse, stays as it was then).
    if (!firstId.isNull()) {
        const qint64 cut = firstId.toLongLong();
        if (lastPurge) {
            if (lastPurge->value(QStringLiteral("kept_from")).toLongLong() != cut ||
                lastPurge->value(QStringLiteral("cut_hash")) != cutHash)
                return Verdict(Break{firstRow ? firstRow : lastPurgeRow,
                                     tr("the log starts at row %1, but the last purge it records (row %2) kept it "
                                        "from row %3: rows were removed outside the retention purge")
                                         .arg(cut)
                                         .arg(lastPurgeRow)
                                         .arg(lastPurge->value(QStringLiteral("kept_from")))});
        } else if (legacyCut.isNull() || legacyCut.toLongLong() != cut) {
            return Verdict(
                Break{firstRow ? firstRow : cut,
                      tr("rows before row %1 were removed, and no retention purge in the log says so").arg(cut)});
        }
    }

    // The anchor kept outside the file: rows after the log's end, or a row that is not the one
    // anchored. A row before the start went with a recorded purge.
    if (anchor) {
        if (anchor->id > lastRow) {
            const QString missing = anchor->id == lastRow + 1
                                        ? tr("row %1 is missing").arg(anchor->id)
                                        : tr("rows %1 to %2 are missing").arg(lastRow + 1).arg(anchor->id);
            return Verdict(Break{lastRow + 1, tr("%1: the anchor has the chain up to row %2 (%3…), and the log ends "
                                                 "at row %4")
                                                  .arg(missing)
                                                  .arg(anchor->id)
                                                  .arg(anchor->hash.left(12))
                                                  .arg(lastRow)});
        }
        if (rows > 0 && anchor->id >= firstRow && anchoredHash != anchor->hash)
            return Verdict(Break{anchor->id, tr("row %1 is not the row that was anchored: it, or a row before it, "
                                                "was changed or replaced, and the chain written again")
                                                 .arg(anchor->id)});
    }
    return Verdict(rows);
}

Result<int> AuditLog::purgeBefore(const QDateTime& cutoff, const QDateTime& now)
{
    // The oldest rows, as long as they are older than cutoff: the chain loses its start, never a
    // piece in the middle (a clock set back could leave an old time after a new one).
    QSqlDatabase db = m_database.connection();
    const bool ownTransaction = !m_database.inTransaction();
    QSqlQuery query(db);
    if (ownTransaction && !query.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return m_database.errorFor(query.lastError(), tr("delete old audit rows"));
    const auto fail = [&](const QSqlError& error) {
        const Error sentence = m_database.errorFor(error, tr("delete old audit rows"));
        if (ownTransaction)
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return sentence;
    };
    query.prepare(QStringLiteral("SELECT coalesce((SELECT min(id) FROM audit_log WHERE at >= ?), "
                                 "(SELECT max(id) + 1 FROM audit_log), 0)"));
    query.addBindValue(cutoff.toMSecsSinceEpoch());
    if (!query.exec() || !query.next())
        return fail(query.lastError());
    const qint64 keepFrom = query.value(0).toLongLong();
    query.prepare(QStringLiteral("SELECT count(*), (SELECT hash FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT 1) "
                                 "FROM audit_log WHERE id < ?"));
    query.addBindValue(keepFrom);
    query.addBindValue(keepFrom);
    if (!query.exec() || !query.next())
        return fail(query.lastError());
    const int count = query.value(0).toInt();
    const QString cutHash = query.value(1).toString();
    if (count > 0) {
        // The delete trigger lets rows go only while `purging` is set, inside this transaction.
        query.prepare(QStringLiteral("UPDATE audit_chain SET purging = 1, first_id = ?, first_prev_hash = ? "
                                     "WHERE id = 1"));
        query.addBindValue(keepFrom);
        query.addBindValue(cutHash);
        if (!query.exec())
            return fail(query.lastError());
        query.prepare(QStringLiteral("DELETE FROM audit_log WHERE id < ?"));
        query.addBindValue(keepFrom);
        if (!query.exec() || !query.exec(QStringLiteral("UPDATE audit_chain SET purging = 0 WHERE id = 1")))
            return fail(query.lastError());
        // The cut, in the chain itself and so in the central store's copy: verify() holds the start
        // of the log to it.
        const Result<void> recorded =
            append({now, QStringLiteral("retention"), PURGED,
                    QStringLiteral("rows=%1 kept_from=%2 cut_hash=%3").arg(count).arg(keepFrom).arg(cutHash)});
        if (!recorded) {
            if (ownTransaction)
                QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
            return recorded.error();
        }
    }
    if (ownTransaction && !query.exec(QStringLiteral("COMMIT")))
        return fail(query.lastError());
    return count;
}

QString AuditLog::outputDetails(const QDateTime& from, const QDateTime& to, const QString& counts,
                                const QByteArray& sha256, const QString& path)
{
    return QStringLiteral("from=%1 to=%2 %3 sha256=%4 file=%5")
        .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate), counts, QString::fromLatin1(sha256.toHex()), path);
}

QString AuditLog::maskedIdNumber(const QString& idNumber)
{
    return QStringLiteral("…") + IdNumber::normalised(idNumber).right(3);
}
