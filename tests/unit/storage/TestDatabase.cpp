// Database: opened durable, and a clear sentence for every file it cannot use.
#include "storage/AuditLog.h"
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
        QCOMPARE(database.value()->schemaVersion(), Database::latestSchemaVersion());
        QVERIFY(database.value()->checkIntegrity().ok());
    }

    void upgradesFromEveryEarlierVersion()
    {
        // Version 0 is the foundation's empty database; each later one is built by this build's
        // own migrations up to it, with an entry in it from version 1 on, its ID number spelled as
        // the person typed it (as Gatehouse stored it before schema 4), and a staff member.
        for (int from = 0; from < Database::latestSchemaVersion(); ++from) {
            const QString path = m_dir.filePath(QStringLiteral("from-%1.db").arg(from));
            {
                auto old = Database::open(path, Database::Check::Quick, from);
                QVERIFY2(old.ok(), old.ok() ? "" : qPrintable(old.error().message()));
                QCOMPARE(old.value()->schemaVersion(), from);
                if (from >= 1) {
                    QSqlQuery insert(old.value()->connection());
                    // Before schema 4 a number was stored as typed; from it, normalised.
                    const QString typed = from < 4 ? QStringLiteral("046 190 000 001") : QStringLiteral("046190000001");
                    QVERIFY(insert.exec(
                        QStringLiteral(
                            "INSERT INTO entry (site, entrance, person_type, full_name, id_number, checked_in_at, "
                            "checked_out_at, method, app_status) VALUES ('s', 'e', 'visitor', 'An', '%1', "
                            "1000, 61000, 'manual', 'verified')")
                            .arg(typed)));
                    QVERIFY(insert.exec(QStringLiteral("INSERT INTO staff (staff_number, full_name, id_number) "
                                                       "VALUES ('NV1', 'An', '%1')")
                                            .arg(from < 4 ? QStringLiteral("046.190.000-001") : typed)));
                    // Audit rows an older Gatehouse wrote without a chain (schema 5 links them).
                    for (const char* action : {"override", "purge"}) {
                        QVERIFY(insert.exec(QStringLiteral("INSERT INTO audit_log (at, actor, action, details) VALUES "
                                                           "(5000, 'cli', '%1', 'x')")
                                                .arg(QLatin1String(action))));
                    }
                    QVERIFY(insert.exec(QStringLiteral(
                        "INSERT INTO entry (site, entrance, person_type, full_name, id_number, checked_in_at, "
                        "method, app_status) VALUES ('s', 'e', 'visitor', 'Khách', 'PASS:p-7a', 2000, 'qr_pass', "
                        "'verified')")));
                }
                if (from >= 2) { // the bound the exits of that Gatehouse kept
                    QSqlQuery bound(old.value()->connection());
                    QVERIFY(bound.exec(QStringLiteral("UPDATE stay_bound SET longest_ms = 60000")));
                }
            }
            auto database = Database::open(path);
            QVERIFY2(database.ok(), database.ok() ? "" : qPrintable(database.error().message()));
            QCOMPARE(database.value()->schemaVersion(), Database::latestSchemaVersion());
            QSqlQuery query(database.value()->connection());
            QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM entry")) && query.next());
            QCOMPARE(query.value(0).toInt(), from >= 1 ? 2 : 0); // nothing lost on the way
            // Migration 2 found the longest stay already there.
            QVERIFY(query.exec(QStringLiteral("SELECT longest_ms FROM stay_bound")) && query.next());
            QCOMPARE(query.value(0).toLongLong(), from >= 1 ? 60000 : 0);
            if (from >= 1) {
                // Migration 4: one spelling of each ID number, so that check-out, the trace and
                // forget find what an older Gatehouse stored; a pass's stand-in as it was.
                QVERIFY(query.exec(QStringLiteral("SELECT id_number FROM entry ORDER BY id")));
                QStringList numbers;
                while (query.next())
                    numbers << query.value(0).toString();
                QCOMPARE(numbers, (QStringList{QStringLiteral("046190000001"), QStringLiteral("PASS:p-7a")}));
                QVERIFY(query.exec(QStringLiteral("SELECT id_number FROM staff")) && query.next());
                QCOMPARE(query.value(0).toString(), QStringLiteral("046190000001"));
            }
            if (from >= 1 && from < 5) {
                // Migration 5 linked the rows already there: the chain verifies.
                AuditLog audit(*database.value());
                const auto verified = audit.verify();
                QVERIFY(verified.ok());
                QCOMPARE(std::get<qint64>(verified.value()), 2);
            }
            // Migration 6: the audit log is append-only.
            if (from >= 1) {
                QVERIFY(!query.exec(QStringLiteral("UPDATE audit_log SET details = 'changed'")));
                QVERIFY(!query.exec(QStringLiteral("DELETE FROM audit_log")));
            }
            // Migration 7: a used pass's expiry.
            QVERIFY(query.exec(QStringLiteral("SELECT expires_at FROM used_pass")));
            // Migration 3: the accounts' table, empty.
            QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM account")) && query.next());
            QCOMPARE(query.value(0).toInt(), 0);
        }
    }

    void backupIsAConsistentCopy()
    {
        auto database = Database::open(m_dir.filePath(QStringLiteral("live.db")));
        QVERIFY(database.ok());
        QSqlQuery query(database.value()->connection());
        QVERIFY(query.exec(QStringLiteral("INSERT INTO audit_log (at, actor, action) VALUES (1, 'test', 'backup')")));
        const QString copy = m_dir.filePath(QStringLiteral("copy.db"));
        QVERIFY(database.value()->backup(copy).ok());
        QVERIFY(!database.value()->backup(copy).ok()); // never overwrites
        auto restored = Database::open(copy);
        QVERIFY(restored.ok());
        QSqlQuery check(restored.value()->connection());
        QVERIFY(check.exec(QStringLiteral("SELECT action FROM audit_log")) && check.next());
        QCOMPARE(check.value(0).toString(), QStringLiteral("backup"));
    }

    void damagedFileIsRefused()
    {
        const QString path = m_dir.filePath(QStringLiteral("damaged.db"));
        {
            auto database = Database::open(path);
            QVERIFY(database.ok());
            QSqlQuery query(database.value()->connection());
            QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode=DELETE")));
            for (int i = 0; i < 200; ++i)
                QVERIFY(query.exec(
                    QStringLiteral("INSERT INTO audit_log (at, actor, action, details) VALUES (%1, 'a', 'b', "
                                   "'%2')")
                        .arg(i)
                        .arg(QString(200, QLatin1Char('x')))));
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        file.seek(4096 * 3); // a page in the middle of the table
        file.write(QByteArray(4096, '\xA5'));
        file.close();
        auto database = Database::open(path);
        QVERIFY(!database.ok());
        QVERIFY2(database.error().message().contains(QStringLiteral("damaged")),
                 qPrintable(database.error().message()));
    }

    // Whatever a caller forgot: a cached read left active (a row read, the end not reached) holds
    // the connection's read snapshot, and SQLite refuses a write from a snapshot another connection
    // has since moved past (SQLITE_BUSY_SNAPSHOT,
    // https://www.sqlite.org/wal.html#sometimes_queries_return_sqlite_busy_in_wal_mode). The next
    // statement outside a transaction, and a batch, begin from the database as it is now.
    void aReadLeftActiveHoldsNoWriteBack()
    {
        auto door = Database::open(m_dir.filePath(QStringLiteral("left-active.db"))).value();
        QVERIFY(door->statement(QStringLiteral("CREATE TABLE t (x INTEGER)")).exec());
        QVERIFY(door->statement(QStringLiteral("INSERT INTO t VALUES (1), (2)")).exec());
        const auto leave = [&] {
            QSqlQuery& read = door->statement(QStringLiteral("SELECT x FROM t"));
            QVERIFY(read.exec() && read.next()); // not read to its end, not finished
            auto other = Database::open(door->path()).value();
            QVERIFY(other->statement(QStringLiteral("INSERT INTO t VALUES (3)")).exec());
        };
        leave();
        if (QTest::currentTestFailed())
            return;
        QSqlQuery& write = door->statement(QStringLiteral("INSERT INTO t VALUES (4)"));
        QVERIFY2(write.exec(), qPrintable(write.lastError().text()));
        leave();
        if (QTest::currentTestFailed())
            return;
        Database::Batch batch(*door);
        QSqlQuery& inBatch = door->statement(QStringLiteral("INSERT INTO t VALUES (5)"));
        QVERIFY2(inBatch.exec(), qPrintable(inBatch.lastError().text()));
        QVERIFY(batch.commit());
        QSqlQuery& count = door->statement(QStringLiteral("SELECT count(*) FROM t"));
        QVERIFY(count.exec() && count.next());
        QCOMPARE(count.value(0).toInt(), 6);
        count.finish();
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
