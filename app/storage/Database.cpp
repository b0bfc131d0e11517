// The local SQLite log.
#include "storage/Database.h"

#include "common/FilePrivacy.h"
#include "common/IdNumber.h"
#include "common/Logging.h"
#include "storage/AuditLog.h"
#include "storage/Outbox.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

#include <algorithm>
#include <sqlite3.h>

namespace {
// Each Database owns a uniquely named Qt SQL connection: Qt connections may not be shared
// between threads, and tests open several databases in one process.
QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("gatehouse-%1").arg(counter.fetchAndAddRelaxed(1));
}

// Rewrites every stored ID number in its normalised form (common/IdNumber.h), in C++ so that the
// rule is exactly the one the writers use. False with the reason when a statement fails.
bool normaliseIdNumbers(QSqlDatabase& db, QString* reason)
{
    for (const QString& table : {QStringLiteral("entry"), QStringLiteral("staff")}) {
        QSqlQuery read(db);
        if (!read.exec(QStringLiteral("SELECT DISTINCT id_number FROM %1 WHERE id_number IS NOT NULL").arg(table))) {
            *reason = read.lastError().databaseText();
            return false;
        }
        QList<QPair<QString, QString>> changes;
        while (read.next()) {
            const QString stored = read.value(0).toString();
            const QString normal = IdNumber::normalised(stored);
            if (normal != stored)
                changes.append({stored, normal});
        }
        for (const auto& [stored, normal] : changes) {
            QSqlQuery update(db);
            update.prepare(QStringLiteral("UPDATE %1 SET id_number = ? WHERE id_number = ?").arg(table));
            update.addBindValue(normal.isEmpty() ? QVariant() : QVariant(normal));
            update.addBindValue(stored);
            if (!update.exec()) {
                *reason = update.lastError().databaseText();
                return false;
            }
        }
    }
    return true;
}

// Links the audit rows an older Gatehouse wrote into the hash chain (storage/AuditLog.h), in the
// order they were written.
bool chainAuditLog(QSqlDatabase& db, QString* reason)
{
    QSqlQuery read(db);
    read.setForwardOnly(true);
    if (!read.exec(QStringLiteral("SELECT id, at, actor, action, details FROM audit_log ORDER BY id"))) {
        *reason = read.lastError().databaseText();
        return false;
    }
    QList<QPair<qint64, QString>> hashes;
    QString prev;
    while (read.next()) {
        const AuditLog::Record record{QDateTime::fromMSecsSinceEpoch(read.value(1).toLongLong(), Qt::UTC),
                                      read.value(2).toString(), read.value(3).toString(), read.value(4).toString()};
        prev = AuditLog::rowHash(prev, record);
        hashes.append({read.value(0).toLongLong(), prev});
    }
    QString last = QStringLiteral(""); // the first row follows nothing: '', not NULL
    for (const auto& [id, hash] : hashes) {
        QSqlQuery update(db);
        update.prepare(QStringLiteral("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?"));
        update.addBindValue(last);
        update.addBindValue(hash);
        update.addBindValue(id);
        if (!update.exec()) {
            *reason = update.lastError().databaseText();
            return false;
        }
        last = hash;
    }
    return true;
}

// One step of the schema: its SQL, and where SQL cannot say it, code run after the SQL.
struct Migration
{
    QStringList statements;
    bool (*code)(QSqlDatabase& db, QString* reason) = nullptr;
};

// The body of an entry event over the inserted row; migration 8 pins it (a later change to the
// body is a new migration that recreates the trigger).
const QString ENTRY_EVENT = Outbox::entryEventSql(QStringLiteral("NEW"));

// Migration N (index N-1) takes a database from schema N-1 to N. Append, never edit: sites
// upgrade from every earlier version (TestDatabase opens each one). Times are Unix milliseconds,
// UTC. Entries keep the person's details as given at the door, so that an export shows what was
// recorded then, and one person's records can be deleted on request.
const QList<Migration> MIGRATIONS = {
    // 1: the entry log, the staff roster, used single-use passes, the audit log.
    {{QStringLiteral("CREATE TABLE entry ("
                     " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                     " site TEXT NOT NULL, entrance TEXT NOT NULL,"
                     " person_type TEXT NOT NULL CHECK (person_type IN ('visitor', 'staff', 'guest')),"
                     " full_name TEXT NOT NULL, id_number TEXT, phone TEXT, address TEXT, staff_number TEXT,"
                     " checked_in_at INTEGER NOT NULL, checked_out_at INTEGER,"
                     " checkout_kind TEXT CHECK (checkout_kind IN ('kiosk', 'receptionist', 'auto')),"
                     " method TEXT NOT NULL CHECK (method IN ('qr_cccd', 'qr_pass', 'manual', 'staff_roster')),"
                     " app_status TEXT NOT NULL CHECK (app_status IN ('verified', 'not_detected', 'overridden')),"
                     " app_profile TEXT, app_platform TEXT, app_id TEXT, app_rssi INTEGER, app_seen_at INTEGER,"
                     " pass_id TEXT, override_reason TEXT, declaration TEXT)"),
      QStringLiteral("CREATE INDEX entry_checked_in ON entry (checked_in_at)"),
      QStringLiteral("CREATE INDEX entry_inside ON entry (checked_out_at) WHERE checked_out_at IS NULL"),
      QStringLiteral("CREATE INDEX entry_id_number ON entry (id_number)"),
      QStringLiteral("CREATE TABLE staff ("
                     " staff_number TEXT PRIMARY KEY, full_name TEXT NOT NULL, department TEXT, phone TEXT,"
                     " id_number TEXT)"),
      QStringLiteral("CREATE INDEX staff_id_number ON staff (id_number)"),
      QStringLiteral("CREATE TABLE used_pass (pass_id TEXT PRIMARY KEY, used_at INTEGER NOT NULL)"),
      QStringLiteral("CREATE TABLE audit_log ("
                     " id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, actor TEXT NOT NULL,"
                     " action TEXT NOT NULL, details TEXT NOT NULL DEFAULT '')")}},
    // 2: the longest stay ever closed, so that the contact-tracing query can look back exactly as
    // far as a stay can reach through the entry_checked_in index, instead of scanning the log.
    {{QStringLiteral("CREATE TABLE stay_bound (id INTEGER PRIMARY KEY CHECK (id = 1), longest_ms INTEGER NOT NULL)"),
      QStringLiteral(
          "INSERT INTO stay_bound (id, longest_ms) SELECT 1, coalesce(max(checked_out_at - checked_in_at), 0) "
          "FROM entry WHERE checked_out_at IS NOT NULL")}},
    // 3: receptionists' and administrators' accounts (storage/Accounts.h): the PIN only as a salted
    // scrypt hash, and the PIN check's state (wrong PINs in a row, the last one, the lock).
    {{QStringLiteral("CREATE TABLE account ("
                     " name TEXT PRIMARY KEY, role TEXT NOT NULL CHECK (role IN ('receptionist', 'admin')),"
                     " pin_hash TEXT NOT NULL, failures INTEGER NOT NULL DEFAULT 0, last_failure_at INTEGER,"
                     " locked_until INTEGER)")}},
    // 4: one spelling of each ID number (common/IdNumber.h): "046 190 000 001" stored by an older
    // Gatehouse becomes 046190000001, so that check-out, the trace and forget find it.
    {{}, normaliseIdNumbers},
    // 5: the audit log as a hash chain (storage/AuditLog.h): each row's hash and the one before it;
    // where the retention purge last cut the chain; the rows already there linked in order.
    {{QStringLiteral("ALTER TABLE audit_log ADD COLUMN prev_hash TEXT NOT NULL DEFAULT ''"),
      QStringLiteral("ALTER TABLE audit_log ADD COLUMN hash TEXT NOT NULL DEFAULT ''"),
      QStringLiteral("CREATE TABLE audit_chain (id INTEGER PRIMARY KEY CHECK (id = 1), first_id INTEGER,"
                     " first_prev_hash TEXT NOT NULL DEFAULT '', purging INTEGER NOT NULL DEFAULT 0)"),
      QStringLiteral("INSERT INTO audit_chain (id) VALUES (1)")},
     chainAuditLog},
    // 6: the audit log is append-only: no UPDATE, and DELETE only inside the retention purge.
    {{QStringLiteral("CREATE TRIGGER audit_log_append_only BEFORE UPDATE ON audit_log BEGIN"
                     " SELECT RAISE(ABORT, 'the audit log is append-only'); END"),
      QStringLiteral("CREATE TRIGGER audit_log_kept BEFORE DELETE ON audit_log"
                     " WHEN (SELECT purging FROM audit_chain WHERE id = 1) IS NOT 1 BEGIN"
                     " SELECT RAISE(ABORT, 'audit rows leave only by the retention purge'); END")}},
    // 7: when a used single-use pass expires, so that its record goes then (retention).
    {{QStringLiteral("ALTER TABLE used_pass ADD COLUMN expires_at INTEGER")}},
    // 8: the outbox for the central store (formats/central.md): every entry, exit, forget and
    // audit row becomes an event numbered by this kiosk (seq, never reused: AUTOINCREMENT), in
    // the same transaction as the change, by triggers, so that no write path can forget it. Only
    // while the kiosk is joined to a central store (outbox_state.enabled; joining enqueues what
    // the log holds then). Sent events are deleted: the outbox holds only what is waiting.
    // id_number: whose event it is, so that "forget this person" deletes their unsent events.
    // site_entry: the open entries of the site recorded at its other doors, fetched from the
    // central store so that a visitor can check out at any door.
    {{QStringLiteral("CREATE TABLE outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                     " kind TEXT NOT NULL CHECK (kind IN ('entry', 'exit', 'forget', 'audit')),"
                     " id_number TEXT, body TEXT NOT NULL)"),
      QStringLiteral("CREATE INDEX outbox_id_number ON outbox (id_number) WHERE id_number IS NOT NULL"),
      QStringLiteral("CREATE TABLE outbox_state (id INTEGER PRIMARY KEY CHECK (id = 1),"
                     " enabled INTEGER NOT NULL DEFAULT 0, sent_up_to INTEGER NOT NULL DEFAULT 0,"
                     " last_sent_at INTEGER, last_attempt_at INTEGER, last_error TEXT, fetched_at INTEGER)"),
      QStringLiteral("INSERT INTO outbox_state (id) VALUES (1)"),
      QStringLiteral("CREATE TABLE site_entry (visit_key TEXT PRIMARY KEY, entrance TEXT NOT NULL,"
                     " person_type TEXT NOT NULL, full_name TEXT NOT NULL, id_number TEXT, phone TEXT,"
                     " checked_in_at INTEGER NOT NULL)"),
      QStringLiteral("CREATE INDEX site_entry_id_number ON site_entry (id_number)"),
      // An exit at this door of an entry recorded at another (site_entry), or of one this door
      // has not heard of (offline): the central store pairs it with the person's open entry.
      QStringLiteral("CREATE TABLE site_exit (id INTEGER PRIMARY KEY AUTOINCREMENT, visit_key TEXT,"
                     " id_number TEXT NOT NULL, entrance TEXT NOT NULL, checked_out_at INTEGER NOT NULL,"
                     " checkout_kind TEXT NOT NULL)"),
      QStringLiteral("CREATE TRIGGER outbox_entry AFTER INSERT ON entry"
                     " WHEN (SELECT enabled FROM outbox_state WHERE id = 1) = 1 BEGIN"
                     " INSERT INTO outbox (kind, id_number, body) VALUES ('entry', NEW.id_number, ") +
          ENTRY_EVENT + QStringLiteral("); END"),
      QStringLiteral("CREATE TRIGGER outbox_exit AFTER UPDATE OF checked_out_at ON entry"
                     " WHEN OLD.checked_out_at IS NULL AND NEW.checked_out_at IS NOT NULL"
                     " AND (SELECT enabled FROM outbox_state WHERE id = 1) = 1 BEGIN"
                     " INSERT INTO outbox (kind, id_number, body) VALUES ('exit', NEW.id_number,"
                     " json_object('local_id', NEW.id, 'entrance', NEW.entrance,"
                     " 'checked_out_at', NEW.checked_out_at, 'checkout_kind', NEW.checkout_kind)); END"),
      QStringLiteral("CREATE TRIGGER outbox_site_exit AFTER INSERT ON site_exit"
                     " WHEN (SELECT enabled FROM outbox_state WHERE id = 1) = 1 BEGIN"
                     " INSERT INTO outbox (kind, id_number, body) VALUES ('exit', NEW.id_number,"
                     " json_object('visit_key', NEW.visit_key, 'id_number', NEW.id_number, 'entrance', NEW.entrance,"
                     " 'checked_out_at', NEW.checked_out_at, 'checkout_kind', NEW.checkout_kind)); END"),
      QStringLiteral("CREATE TRIGGER outbox_audit AFTER INSERT ON audit_log"
                     " WHEN (SELECT enabled FROM outbox_state WHERE id = 1) = 1 BEGIN"
                     " INSERT INTO outbox (kind, body) VALUES ('audit', json_object('local_id', NEW.id, 'at', NEW.at,"
                     " 'actor', NEW.actor, 'action', NEW.action, 'details', NEW.details, 'hash', NEW.hash)); END")}},
    // 9: the audit chain anchored outside the file (issue 24). Each audit event carries the hash
    // of the row before it too, so that the central store checks each kiosk's chain as it arrives;
    // a retention purge records its cut in the chain (AuditLog::purgeBefore), and a cut an older
    // Gatehouse made without recording it is kept as legacy_cut, the one cut verify() takes on
    // trust.
    {{QStringLiteral("ALTER TABLE audit_chain ADD COLUMN legacy_cut INTEGER"),
      QStringLiteral("UPDATE audit_chain SET legacy_cut = first_id WHERE id = 1"),
      QStringLiteral("DROP TRIGGER outbox_audit"),
      QStringLiteral("CREATE TRIGGER outbox_audit AFTER INSERT ON audit_log"
                     " WHEN (SELECT enabled FROM outbox_state WHERE id = 1) = 1 BEGIN"
                     " INSERT INTO outbox (kind, body) VALUES ('audit', json_object('local_id', NEW.id, 'at', NEW.at,"
                     " 'actor', NEW.actor, 'action', NEW.action, 'details', NEW.details, 'prev_hash', NEW.prev_hash,"
                     " 'hash', NEW.hash)); END")}},
    // 10: what the central store shares with the kiosk (issue 26): the last set of settings this
    // kiosk applied, for a start without a network, and the last one it refused with the sentence
    // why; the isolation list.
    {{QStringLiteral("CREATE TABLE shared_settings (id INTEGER PRIMARY KEY CHECK (id = 1),"
                     " version TEXT, body TEXT, applied_at INTEGER, refused_version TEXT, refusal TEXT,"
                     " refused_at INTEGER)"),
      QStringLiteral("INSERT INTO shared_settings (id) VALUES (1)"),
      // The health office's isolation list as the central store sent it: keyed hashes of the ID
      // numbers (HMAC-SHA-256 with the province's key of the day, kept with the list so that a
      // kiosk offline for days still matches), never the numbers (storage/IsolationList.h).
      QStringLiteral("CREATE TABLE isolation_key (id INTEGER PRIMARY KEY CHECK (id = 1), key_id INTEGER,"
                     " secret BLOB, fetched_at INTEGER)"),
      QStringLiteral("INSERT INTO isolation_key (id) VALUES (1)"),
      QStringLiteral("CREATE TABLE isolation_order (hash TEXT PRIMARY KEY, kind TEXT NOT NULL,"
                     " until INTEGER NOT NULL)")}},
};
const int SCHEMA_VERSION = static_cast<int>(MIGRATIONS.size());
} // namespace

Result<std::unique_ptr<Database>> Database::open(const QString& path, Check check, int upTo)
{
    const QFileInfo info(path);
    const QString folder = info.absolutePath();
    if (!FilePrivacy::makeFolder(folder))
        return Error(Error::Kind::Input, tr("Gatehouse cannot create its data folder %1.").arg(folder));
    if (info.exists() && !info.isFile())
        return Error(Error::Kind::Input, tr("The database path %1 is not a file.").arg(path));

    std::unique_ptr<Database> database(new Database(info.absoluteFilePath(), nextConnectionName()));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), database->m_connectionName);
    db.setDatabaseName(database->m_path);
    if (!db.open())
        return Error(Error::Kind::Input,
                     tr("Gatehouse cannot open the database %1 (%2).").arg(path, db.lastError().databaseText()));

    // WAL lets the console read while the kiosk writes; FULL syncs the WAL on every commit so an
    // acknowledged entry is on disk (https://www.sqlite.org/pragma.html#pragma_synchronous).
    QSqlQuery query(db);
    // secure_delete: what is deleted (retention, "forget this person") is overwritten with zeros in
    // the file, not left in free pages for `strings` to find
    // (https://www.sqlite.org/pragma.html#pragma_secure_delete).
    for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON",
                               "PRAGMA busy_timeout=5000", "PRAGMA secure_delete=ON"}) {
        if (!query.exec(QString::fromLatin1(pragma))) {
            // The first statement is where SQLite notices that the file is not a database.
            return Error(Error::Kind::Input, tr("The file %1 is not a Gatehouse database, or it is damaged (%2).")
                                                 .arg(path, query.lastError().databaseText()));
        }
    }
    if (!QFileInfo(database->m_path).isWritable())
        return Error(Error::Kind::Input, tr("The database %1 cannot be written to.").arg(path));
    // The log and its WAL and shared-memory files are for this user only (the console asks the desk),
    // also when an older Gatehouse or another program made them readable to others.
    for (const QString& file : {database->m_path, QString(database->m_path + QStringLiteral("-wal")),
                                QString(database->m_path + QStringLiteral("-shm"))}) {
        if (!FilePrivacy::restrict(file))
            return Error(Error::Kind::Input,
                         tr("Gatehouse cannot make %1 private to its owner (change its owner or modes).").arg(file));
    }

    const int version = database->schemaVersion();
    if (version > SCHEMA_VERSION)
        return Error(Error::Kind::Input, tr("The database %1 was written by a newer Gatehouse (schema %2); this "
                                            "version understands schema %3 and older.")
                                             .arg(path)
                                             .arg(version)
                                             .arg(SCHEMA_VERSION));
    // A quick structural check at every start (PRAGMA quick_check, O(pages) but without index
    // cross-checks); checkIntegrity() runs the full one.
    if (check == Check::Quick && (!query.exec(QStringLiteral("PRAGMA quick_check")) || !query.next() ||
                                  query.value(0).toString() != QLatin1String("ok"))) {
        return Error(Error::Kind::Input, tr("The database %1 is damaged. Restore the latest backup, or move the file "
                                            "away to start a new log.")
                                             .arg(path));
    }
    query.finish();
    const int target = upTo < 0 ? SCHEMA_VERSION : std::min(upTo, SCHEMA_VERSION);
    if (version < target) {
        const Result<void> migrated = database->migrate(version, target);
        if (!migrated)
            return migrated.error();
    }
    qCDebug(lcStorage) << "opened" << database->m_path << "schema" << database->schemaVersion();
    return database;
}

QString Database::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/gatehouse.db");
}

Database::Database(QString path, QString connectionName)
    : m_path(std::move(path)), m_connectionName(std::move(connectionName))
{}

Database::~Database()
{
    m_statements.clear(); // statements go before their connection
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

QSqlQuery& Database::statement(const QString& sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        auto query = std::make_unique<QSqlQuery>(connection());
        query->setForwardOnly(true);
        query->prepare(sql); // a failure shows at exec(), through lastError()
        it = m_statements.emplace(sql, std::move(query)).first;
    }
    it->second->finish();
    finishReadsLeftActive();
    return *it->second;
}

void Database::finishReadsLeftActive()
{
    // A SELECT whose rows were not read to the end keeps the connection in a read transaction,
    // on the database as it was then; SQLite refuses a write from a snapshot that another
    // connection has since moved past (SQLITE_BUSY_SNAPSHOT, which no busy handler waits out:
    // https://www.sqlite.org/wal.html#sometimes_queries_return_sqlite_busy_in_wal_mode), and the
    // reads go on seeing the old database. Outside a transaction no caller is still reading one.
    // Inside a batch the transaction is open already: nothing to do, at no cost (the simulator).
    if (m_batches > 0)
        return;
    const auto leftActive = [](const auto& cached) { return cached.second->isActive() && cached.second->isSelect(); };
    if (std::none_of(m_statements.begin(), m_statements.end(), leftActive) || inTransaction())
        return;
    for (auto& cached : m_statements) {
        if (leftActive(cached))
            cached.second->finish();
    }
}

Result<void> Database::migrate(int from, int to)
{
    QSqlDatabase db = connection();
    QSqlQuery query(db);
    // One transaction for every step: a failed upgrade leaves the database as it was.
    if (!query.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return Error(Error::Kind::Failed, tr("The database %1 is busy (%2).").arg(m_path, query.lastError().text()));
    for (int version = from; version < to; ++version) {
        const Migration& migration = MIGRATIONS[version];
        QString reason;
        bool done = true;
        for (const QString& statement : migration.statements) {
            if (!query.exec(statement)) {
                reason = query.lastError().databaseText();
                done = false;
                break;
            }
        }
        if (done && migration.code)
            done = migration.code(db, &reason);
        if (!done) {
            query.exec(QStringLiteral("ROLLBACK"));
            return Error(Error::Kind::Failed, tr("The database %1 could not be upgraded to schema %2 (%3).")
                                                  .arg(m_path)
                                                  .arg(version + 1)
                                                  .arg(reason));
        }
    }
    if (!query.exec(QStringLiteral("PRAGMA user_version=%1").arg(to)) || !query.exec(QStringLiteral("COMMIT"))) {
        const QString reason = query.lastError().databaseText();
        query.exec(QStringLiteral("ROLLBACK"));
        return Error(Error::Kind::Failed, tr("The database %1 could not be upgraded (%2).").arg(m_path, reason));
    }
    if (from == 0)
        qCDebug(lcStorage) << "database created at schema" << to;
    else
        qCInfo(lcStorage) << "database upgraded from schema" << from << "to" << to;
    return {};
}

int Database::latestSchemaVersion()
{
    return SCHEMA_VERSION;
}

Result<void> Database::checkIntegrity() const
{
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("PRAGMA integrity_check")) || !query.next())
        return Error(Error::Kind::Failed, tr("The database %1 could not be checked.").arg(m_path));
    const QString verdict = query.value(0).toString();
    if (verdict != QLatin1String("ok"))
        return Error(Error::Kind::Failed, tr("The database %1 is damaged (%2).").arg(m_path, verdict));
    return {};
}

Result<void> Database::backup(const QString& target) const
{
    if (QFileInfo::exists(target))
        return Error(Error::Kind::Input, tr("%1 already exists; a backup never overwrites a file.").arg(target));
    // The copy is made private before a byte of it is written: VACUUM INTO fills an empty file
    // that already exists, keeping its modes (https://www.sqlite.org/lang_vacuum.html#vacuuminto).
    {
        QFile empty(target);
        if (!empty.open(QIODevice::WriteOnly | QIODevice::NewOnly) || !FilePrivacy::restrict(target))
            return Error(Error::Kind::Input, tr("Gatehouse cannot write %1 (%2).").arg(target, empty.errorString()));
    }
    // VACUUM INTO writes a consistent, compacted copy while the kiosk keeps working.
    QSqlQuery query(connection());
    query.prepare(QStringLiteral("VACUUM INTO ?"));
    query.addBindValue(target);
    if (!query.exec()) {
        const QString reason = query.lastError().databaseText();
        // No partial copy is left to be taken for a backup, nor the journal of one.
        QFile::remove(target);
        QFile::remove(target + QStringLiteral("-journal"));
        return Error(Error::Kind::Failed, tr("The backup to %1 failed (%2).").arg(target, reason));
    }
    return {};
}

bool Database::inTransaction() const
{
    // The connection's own state (https://www.sqlite.org/c3ref/get_autocommit.html), through the
    // handle Qt's SQLite driver lends (QSqlDriver::handle()).
    const QVariant handle = connection().driver()->handle();
    if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0) {
        sqlite3* db = *static_cast<sqlite3* const*>(handle.data());
        if (db)
            return sqlite3_get_autocommit(db) == 0;
    }
    return m_batches > 0;
}

Result<void> Database::checkpoint()
{
    // TRUNCATE copies the WAL into the file and empties it, so that what was deleted (with
    // secure_delete, overwritten in the file) is not still in old WAL frames
    // (https://www.sqlite.org/pragma.html#pragma_wal_checkpoint). Readers that still need old
    // frames (the console, a backup) make it return "busy"; it is said, and done at the next one.
    // Each try already waits for readers through the busy handler (busy_timeout, 5 s; "RESTART ...
    // blocks (calls the busy-handler callback) until all readers are reading from the database file
    // only", https://www.sqlite.org/c3ref/wal_checkpoint_v2.html); a second try outlasts a reader
    // that was just finishing.
    for (int attempt = 0; attempt < 2; ++attempt) {
        QSqlQuery query(connection());
        if (!query.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")) || !query.next())
            return errorFor(query.lastError(), tr("write the log into its file"));
        if (query.value(0).toInt() == 0)
            return {};
    }
    return Error(
        Error::Kind::Failed,
        tr("Another program is reading %1: what was deleted leaves its WAL file at the next checkpoint.").arg(m_path));
}

Error Database::errorFor(const QSqlError& error, const QString& doing) const
{
    // SQLite primary result codes (https://www.sqlite.org/rescode.html); the driver reports the
    // extended code, whose low byte is the primary one.
    const int code = error.nativeErrorCode().toInt() & 0xFF;
    switch (code) {
    case 13: // SQLITE_FULL
        return Error(
            Error::Kind::Failed,
            tr("Gatehouse could not %1: the disk holding %2 is full. Nothing was recorded.").arg(doing, m_path));
    case 8: // SQLITE_READONLY
        return Error(
            Error::Kind::Failed,
            tr("Gatehouse could not %1: the database %2 is read-only. Nothing was recorded.").arg(doing, m_path));
    case 5: // SQLITE_BUSY
    case 6: // SQLITE_LOCKED
        return Error(Error::Kind::Failed, tr("Gatehouse could not %1: another program is holding the database %2. "
                                             "Nothing was recorded; try again.")
                                              .arg(doing, m_path));
    case 10: // SQLITE_IOERR
    case 11: // SQLITE_CORRUPT
        return Error(Error::Kind::Failed,
                     tr("Gatehouse could not %1: the database %2 cannot be written safely (%3). Nothing was recorded.")
                         .arg(doing, m_path, error.databaseText()));
    default:
        return Error(Error::Kind::Failed, tr("Gatehouse could not %1 (%2).").arg(doing, error.databaseText()));
    }
}

Database::Batch::Batch(Database& database) : m_database(database)
{
    m_database.finishReadsLeftActive(); // the batch's writes begin from the database as it is now
    m_open = m_database.connection().transaction();
    if (m_open)
        ++m_database.m_batches;
}

Database::Batch::~Batch()
{
    if (m_open) {
        m_database.connection().rollback();
        --m_database.m_batches;
    }
}

Result<void> Database::Batch::commit()
{
    if (!m_open)
        return Error(Error::Kind::Failed, tr("Gatehouse could not start a transaction on %1.").arg(m_database.m_path));
    QSqlDatabase db = m_database.connection();
    m_open = false;
    --m_database.m_batches;
    if (!db.commit()) {
        const Error error = m_database.errorFor(db.lastError(), tr("save the batch"));
        db.rollback();
        return error;
    }
    return {};
}

int Database::schemaVersion() const
{
    QSqlQuery query(connection());
    if (query.exec(QStringLiteral("PRAGMA user_version")) && query.next())
        return query.value(0).toInt();
    return -1;
}
