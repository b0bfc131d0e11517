// Database: opened durable, and a clear sentence for every file it cannot use.
#include "storage/Database.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

class TestDatabase : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static QString pragma(const Database& database, const QString& name)
    {
        QSqlQuery query(database.connection());
        if (!query.exec(QStringLiteral("PRAGMA ") + name) || !query.next())
            return QString();
        return query.value(0).toString();
    }

private slots:
    void opensDurableAndCreatesItsFolder()
    {
        const QString path = m_dir.filePath(QStringLiteral("nested/folder/gatehouse.db"));
        auto database = Database::open(path);
        QVERIFY2(database.ok(), database.ok() ? "" : qPrintable(database.error().message()));
        QVERIFY(QFileInfo::exists(path));
        QCOMPARE(pragma(*database.value(), QStringLiteral("journal_mode")), QStringLiteral("wal"));
        // 2 = FULL (https://www.sqlite.org/pragma.html#pragma_synchronous)
        QCOMPARE(pragma(*database.value(), QStringLiteral("synchronous")), QStringLiteral("2"));
        QCOMPARE(pragma(*database.value(), QStringLiteral("foreign_keys")), QStringLiteral("1"));
        QCOMPARE(database.value()->schemaVersion(), 0);
    }

    void twoDatabasesInOneProcess()
    {
        auto first = Database::open(m_dir.filePath(QStringLiteral("a.db")));
        auto second = Database::open(m_dir.filePath(QStringLiteral("b.db")));
        QVERIFY(first.ok() && second.ok());
        QVERIFY(first.value()->connection().connectionName() != second.value()->connection().connectionName());
    }

    void folderThatCannotBeCreated()
    {
        // A regular file where a folder should be: mkpath fails even for root.
        const QString blocker = m_dir.filePath(QStringLiteral("blocker"));
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        auto database = Database::open(blocker + QStringLiteral("/sub/gatehouse.db"));
        QVERIFY(!database.ok());
        QCOMPARE(database.error().kind(), Error::Kind::Input);
        QVERIFY2(database.error().message().contains(QStringLiteral("cannot create its data folder")),
                 qPrintable(database.error().message()));
    }

    void fileThatIsNotADatabase()
    {
        const QString path = m_dir.filePath(QStringLiteral("notes.db"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
        file.close();
        auto database = Database::open(path);
        QVERIFY(!database.ok());
        QVERIFY2(database.error().message().contains(QStringLiteral("is not a Gatehouse database")),
                 qPrintable(database.error().message()));
    }

    void databaseFromANewerGatehouse()
    {
        const QString path = m_dir.filePath(QStringLiteral("newer.db"));
        {
            auto database = Database::open(path);
            QVERIFY(database.ok());
            QSqlQuery query(database.value()->connection());
            QVERIFY(query.exec(QStringLiteral("PRAGMA user_version=99")));
        }
        auto database = Database::open(path);
        QVERIFY(!database.ok());
        QVERIFY2(database.error().message().contains(QStringLiteral("newer Gatehouse")),
                 qPrintable(database.error().message()));
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "TestDatabase.moc"
