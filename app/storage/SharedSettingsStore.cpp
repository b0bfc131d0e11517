// The kiosk's copy of the province's shared settings.
#include "storage/SharedSettingsStore.h"

#include "storage/AuditLog.h"
#include "storage/Database.h"

#include <QFileInfo>
#include <QUuid>

SharedSettingsStore::SharedSettingsStore(Database& database) : m_database(database) {}

Result<std::optional<SharedSettings>> SharedSettingsStore::lastGood() const
{
    QSqlQuery& query = m_database.statement(QStringLiteral("SELECT body FROM shared_settings WHERE id = 1"));
    if (!query.exec())
        return m_database.errorFor(query.lastError(), tr("read the settings from the central store"));
    // Read, then finished on every path: a SELECT left active keeps its read snapshot, and this
    // connection's next write fails with SQLITE_BUSY_SNAPSHOT for as long as it stays so once
    // another connection has written (https://www.sqlite.org/rescode.html#busy_snapshot). The
    // kiosk's sync then sent nothing, round after round (issue 27's benchmark: the row is there,
    // its body null, before the province sends a first set).
    const QVariant body = query.next() ? query.value(0) : QVariant();
    query.finish();
    if (body.isNull())
        return std::optional<SharedSettings>();
    const auto set = SharedSettings::fromJson(body.toByteArray());
    if (!set)
        return Error(Error::Kind::Failed, tr("The settings from the central store kept in %1 are damaged; the "
                                             "configuration file applies until the next sync.")
                                              .arg(m_database.path()));
    return set;
}

Result<void> SharedSettingsStore::keep(const SharedSettings& set, AuditLog& audit, const QDateTime& at)
{
    const auto before = lastGood();
    if (!before)
        return before.error();
    Database::Batch batch(m_database);
    QSqlQuery& query = m_database.statement(
        QStringLiteral("UPDATE shared_settings SET version = ?, body = ?, applied_at = ?, refused_version = NULL,"
                       " refusal = NULL, refused_at = NULL WHERE id = 1"));
    query.addBindValue(set.version());
    query.addBindValue(QString::fromUtf8(set.toJson()));
    query.addBindValue(at.toMSecsSinceEpoch());
    if (!query.exec())
        return m_database.errorFor(query.lastError(), tr("keep the settings from the central store"));
    // What changed, by name: set, changed, or no longer sent (the INI's value or the default again).
    QStringList changes;
    const SharedSettings old = before->value_or(SharedSettings());
    QStringList names;
    for (const auto* values : {&old.values(), &set.values()}) {
        for (const SharedSettings::Value& value : *values) {
            if (!names.contains(value.name))
                names.append(value.name);
        }
    }
    names.sort();
    const auto find = [](const SharedSettings& in, const QString& name) -> std::optional<SharedSettings::Value> {
        for (const SharedSettings::Value& value : in.values()) {
            if (value.name == name)
                return value;
        }
        return std::nullopt;
    };
    for (const QString& name : names) {
        const auto was = find(old, name);
        const auto now = find(set, name);
        if (was == now)
            continue;
        changes.append(QStringLiteral("%1: %2 -> %3")
                           .arg(name,
                                was ? QStringLiteral("%1 (%2)").arg(was->value, was->source) : QStringLiteral("-"),
                                now ? QStringLiteral("%1 (%2)").arg(now->value, now->source) : QStringLiteral("-")));
    }
    if (!changes.isEmpty()) {
        const Result<void> audited = audit.append(
            {at, QStringLiteral("central"), QStringLiteral("settings"), changes.join(QStringLiteral("; "))});
        if (!audited)
            return audited;
    }
    return batch.commit();
}

Result<void> SharedSettingsStore::noteRefusal(const QString& version, const QString& sentence, const QDateTime& at)
{
    QSqlQuery& query = m_database.statement(
        QStringLiteral("UPDATE shared_settings SET refused_version = ?, refusal = ?, refused_at = ? WHERE id = 1"));
    query.addBindValue(version);
    query.addBindValue(sentence);
    query.addBindValue(at.toMSecsSinceEpoch());
    if (!query.exec())
        return m_database.errorFor(query.lastError(), tr("note the settings refused"));
    return {};
}

Result<std::optional<SharedSettingsStore::Refusal>> SharedSettingsStore::refusal() const
{
    QSqlQuery& query = m_database.statement(
        QStringLiteral("SELECT refused_version, refusal, refused_at FROM shared_settings WHERE id = 1"));
    if (!query.exec())
        return m_database.errorFor(query.lastError(), tr("read the settings refused"));
    const bool found = query.next() && !query.value(0).isNull();
    const Refusal refusal = found ? Refusal{query.value(0).toString(), query.value(1).toString(),
                                            QDateTime::fromMSecsSinceEpoch(query.value(2).toLongLong(), Qt::UTC)}
                                  : Refusal{};
    query.finish(); // on every path, as in lastGood()
    return found ? std::optional<Refusal>(refusal) : std::optional<Refusal>();
}

Result<std::optional<SharedSettings>> SharedSettingsStore::read(const QString& databasePath)
{
    if (!QFileInfo(databasePath).isFile())
        return std::optional<SharedSettings>();
    // Read-only: no migration, no new file; a log from before migration 10 has no set yet.
    const QString name = QStringLiteral("shared-settings-") + QUuid::createUuid().toString(QUuid::Id128);
    std::optional<SharedSettings> set;
    QString problem;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(databasePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("SELECT body FROM shared_settings WHERE id = 1")) && query.next() &&
                !query.value(0).isNull()) {
                set = SharedSettings::fromJson(query.value(0).toByteArray());
                if (!set)
                    problem = tr("The settings from the central store kept in %1 are damaged; the configuration "
                                 "file applies until the next sync.")
                                  .arg(databasePath);
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    if (!problem.isEmpty())
        return Error(Error::Kind::Failed, problem);
    return set;
}

Settings SharedSettingsStore::inForce(const Settings& fromIni, const QString& databasePath, QString& warning)
{
    warning.clear();
    const auto kept = read(databasePath);
    if (!kept) {
        warning = kept.error().message();
        return fromIni;
    }
    if (!kept->has_value())
        return fromIni;
    auto settings = Settings::load(fromIni.path(), kept->value());
    if (!settings) {
        warning = tr("The last settings from the central store no longer fit this kiosk's configuration; the "
                     "configuration applies until the next sync. %1")
                      .arg(settings.error().message());
        return fromIni;
    }
    return settings.value();
}
