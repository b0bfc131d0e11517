// The local SQLite log: one connection, opened durable (WAL, synchronous=FULL) so that an entry
// acknowledged to a visitor survives a power cut.
#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

#include <memory>

class Database
{
    Q_DECLARE_TR_FUNCTIONS(Database)

public:
    // Opens (creating it and its folder when absent) the database at path. A folder that cannot
    // be created, a file that is not SQLite or a database from a newer Gatehouse is an Error.
    static Result<std::unique_ptr<Database>> open(const QString& path);
    // The default file in the user's data folder (QStandardPaths::AppDataLocation).
    static QString defaultPath();

    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    QSqlDatabase connection() const;
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
    // An online copy of the database to target (a new file), consistent even while written.
    [[nodiscard]] Result<void> backup(const QString& target) const;

private:
    Database(QString path, QString connectionName);
    [[nodiscard]] Result<void> migrate(int from);

    QString m_path;
    QString m_connectionName;
};
