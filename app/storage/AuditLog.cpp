// The audit log of administrative actions.
#include "storage/AuditLog.h"

#include "common/IdNumber.h"
#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>

AuditLog::AuditLog(Database& database) : m_database(database) {}

Result<void> AuditLog::append(const Record& record)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("INSERT INTO audit_log (at, actor, action, details) VALUES (?, ?, ?, ?)"));
    query.addBindValue(record.at.toMSecsSinceEpoch());
    query.addBindValue(record.actor);
    query.addBindValue(record.action);
    query.addBindValue(record.details);
    if (!query.exec())
        return m_database.errorFor(query.lastError(), tr("write the audit log"));
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
