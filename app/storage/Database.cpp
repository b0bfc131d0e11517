// The local SQLite log.
#include "storage/Database.h"

#include "common/Logging.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

namespace {
// Each Database owns a uniquely named Qt SQL connection: Qt connections may not be shared
// between threads, and tests open several databases in one process.
QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("gatehouse-%1").arg(counter.fetchAndAddRelaxed(1));
}

// The newest schema this build understands; storage migrations raise it.
constexpr int SCHEMA_VERSION = 0;
} // namespace

Result<std::unique_ptr<Database>> Database::open(const QString& path)
{
    const QFileInfo info(path);
    const QString folder = info.absolutePath();
    if (!QDir().mkpath(folder) || !QFileInfo(folder).isDir())
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
    for (const char* pragma :
         {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=5000"}) {
        if (!query.exec(QString::fromLatin1(pragma))) {
            // The first statement is where SQLite notices that the file is not a database.
            return Error(Error::Kind::Input, tr("The file %1 is not a Gatehouse database, or it is damaged (%2).")
                                                 .arg(path, query.lastError().databaseText()));
        }
    }
    if (!QFileInfo(database->m_path).isWritable())
        return Error(Error::Kind::Input, tr("The database %1 cannot be written to.").arg(path));

    const int version = database->schemaVersion();
    if (version > SCHEMA_VERSION)
        return Error(Error::Kind::Input, tr("The database %1 was written by a newer Gatehouse (schema %2); this "
                                            "version understands schema %3 and older.")
                                             .arg(path)
                                             .arg(version)
                                             .arg(SCHEMA_VERSION));
    qCDebug(lcStorage) << "opened" << database->m_path << "schema" << version;
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

int Database::schemaVersion() const
{
    QSqlQuery query(connection());
    if (query.exec(QStringLiteral("PRAGMA user_version")) && query.next())
        return query.value(0).toInt();
    return -1;
}
