// The local SQLite log: one connection, opened durable (WAL, synchronous=FULL) so that an entry
// acknowledged to a visitor survives a power cut.
#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>

#include <memory>
#include <unordered_map>

class Database
{
    Q_DECLARE_TR_FUNCTIONS(Database)

public:
    // How much open() checks the file: Quick runs PRAGMA quick_check (the kiosk at start; a few
    // seconds on a million entries), None only what opening needs (the CLI's short commands).
    enum class Check { Quick, None };

    // Opens (creating it and its folder when absent) the database at path. A folder that cannot
    // be created, a file that is not SQLite, a damaged one or a database from a newer Gatehouse
    // is an Error.
    // upTo: the schema to bring the file to; tests pass an older one to build the databases of
    // earlier Gatehouse versions that upgrades start from.
    static Result<std::unique_ptr<Database>> open(const QString& path, Check check = Check::Quick, int upTo = -1);
    // The default file in the user's data folder (QStandardPaths::AppDataLocation).
    static QString defaultPath();

    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    QSqlDatabase connection() const;
    // The prepared statement for sql, prepared once per connection and reused: preparing costs
    // more than running a simple statement (callgrind: half the simulator's time). Bind values
    // by position with bindValue(i, ...) before each exec(). Outside a transaction, asking for a
    // statement (or opening a Batch) finishes the cached reads left active before it: read what
    // you need from one before asking for the next, and finish() a read you stop early.
    QSqlQuery& statement(const QString& sql);
    // Whether a Batch is open: writes then need no transaction of their own.
    bool inBatch() const { return m_batches > 0; }
    // Whether any transaction is open on the connection (a Batch, a savepoint, Qt's transaction()).
    bool inTransaction() const;

    // Many writes in one transaction, for bulk work (the simulator, imports): each write inside
    // is still atomic, and all are durable at commit().
    class Batch
    {
    public:
        explicit Batch(Database& database);
        ~Batch(); // rolls back what was not committed
        [[nodiscard]] Result<void> commit();

    private:
        Database& m_database;
        bool m_open = false;
    };
    QString path() const { return m_path; }
    // PRAGMA user_version: the schema version this file is at.
    int schemaVersion() const;
    // The schema this build writes; open() upgrades older files to it.
    static int latestSchemaVersion();
    // PRAGMA integrity_check: Ok, or an Error that quotes SQLite's first complaint.
    [[nodiscard]] Result<void> checkIntegrity() const;
    // A sentence for a failed statement: what Gatehouse was doing (a verb phrase, translated)
    // and what SQLite said, with the causes a site can act on named (full disk, read-only, locked).
    Error errorFor(const QSqlError& error, const QString& doing) const;
    // An online copy of the database to target (a new file, private: common/FilePrivacy.h),
    // consistent even while written.
    [[nodiscard]] Result<void> backup(const QString& target) const;
    // Writes the WAL into the file and truncates it (after deletions: nothing deleted stays in the
    // WAL). An Error when a reader held it back.
    [[nodiscard]] Result<void> checkpoint();

private:
    Database(QString path, QString connectionName);
    [[nodiscard]] Result<void> migrate(int from, int to);
    void finishReadsLeftActive();

    QString m_path;
    QString m_connectionName;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
    int m_batches = 0;
};
