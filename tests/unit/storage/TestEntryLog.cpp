// EntryLog: entries stored and read back field by field, exits, closing time, retention,
// deletion on request, and a clear sentence (nothing stored) when the disk is full or read-only.
#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/EntryLog.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QDateTime MORNING(QDate(2020, 8, 3), QTime(1, 30), Qt::UTC); // 08:30 in Huế

Entry visitor(const QString& idNumber, const QDateTime& at)
{
    Entry entry;
    entry.site = QStringLiteral("hue-dpc-01");
    entry.entrance = QStringLiteral("Cổng chính");
    entry.fullName = QStringLiteral("Đặng Thuỳ Dương");
    entry.idNumber = idNumber;
    entry.phone = QStringLiteral("0912345678");
    entry.address = QStringLiteral("Tổ 5, Phường An Cựu, TP Huế");
    entry.checkedInAt = at;
    entry.method = Entry::Method::QrCccd;
    return entry;
}
} // namespace

class TestEntryLog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_count = 0;

    std::unique_ptr<Database> open()
    {
        auto database = Database::open(m_dir.filePath(QStringLiteral("log%1.db").arg(++m_count)));
        if (!database)
            qFatal("%s", qPrintable(database.error().message()));
        return std::move(database).value();
    }

private slots:
    void recordsEveryField()
    {
        auto database = open();
        EntryLog log(*database);
        Entry entry = visitor(QStringLiteral("058179015729"), MORNING);
        entry.appStatus = Entry::AppStatus::Verified;
        AppVerification app;
        app.profile = QStringLiteral("bluezone");
        app.platform = QStringLiteral("android");
        app.appId = QByteArray::fromHex("507c3b3c88f9c44a8d2184fa");
        app.rssi = -48;
        app.timeMs = MORNING.toMSecsSinceEpoch() - 2000;
        entry.app = app;
        entry.declaration = {{QStringLiteral("fever"), QStringLiteral("no")},
                             {QStringLiteral("cough"), QStringLiteral("no")}};
        auto id = log.record(entry);
        QVERIFY(id.ok());
        QVERIFY(id.value() > 0);

        auto stored = log.find(id.value());
        QVERIFY(stored.ok() && stored.value());
        const Entry back = *stored.value();
        QCOMPARE(back.fullName, entry.fullName);
        QCOMPARE(back.idNumber, entry.idNumber);
        QCOMPARE(back.phone, QStringLiteral("0912345678")); // the leading zero kept
        QCOMPARE(back.address, entry.address);
        QCOMPARE(back.entrance, entry.entrance);
        QCOMPARE(back.checkedInAt, MORNING);
        QVERIFY(back.isInside());
        QCOMPARE(back.method, Entry::Method::QrCccd);
        QCOMPARE(back.appStatus, Entry::AppStatus::Verified);
        QVERIFY(back.app);
        QCOMPARE(back.app->appId, app.appId);
        QCOMPARE(back.app->rssi, -48);
        QCOMPARE(back.declaration, entry.declaration);
    }

    void exits()
    {
        auto database = open();
        EntryLog log(*database);
        const qint64 first = log.record(visitor(QStringLiteral("058179015729"), MORNING)).value();
        const qint64 second = log.record(visitor(QStringLiteral("079192199020"), MORNING.addSecs(60))).value();
        QCOMPARE(log.inside()->size(), 2);
        QVERIFY(log.findInside(QStringLiteral("058179015729")).value());

        QVERIFY(log.checkOut(first, MORNING.addSecs(3600), Entry::CheckoutKind::Kiosk).ok());
        const auto again = log.checkOut(first, MORNING.addSecs(3700), Entry::CheckoutKind::Kiosk);
        QVERIFY(!again.ok());
        QVERIFY(again.error().message().contains(QStringLiteral("already checked out")));
        QVERIFY(!log.checkOut(999, MORNING, Entry::CheckoutKind::Kiosk).ok());
        QVERIFY(!log.findInside(QStringLiteral("058179015729")).value());

        // Closing time: everyone left inside is checked out, marked as an estimate.
        QCOMPARE(log.checkOutEveryone(MORNING.addSecs(10 * 3600)).value(), 1);
        const Entry closed = *log.find(second).value();
        QCOMPARE(closed.checkoutKind, std::optional(Entry::CheckoutKind::Auto));
        QCOMPARE(*closed.checkedOutAt, MORNING.addSecs(10 * 3600));
        QCOMPARE(log.find(first).value()->checkoutKind, std::optional(Entry::CheckoutKind::Kiosk));
        QVERIFY(log.inside()->isEmpty());
    }

    void retentionAndDeletionOnRequest()
    {
        auto database = open();
        EntryLog log(*database);
        const qint64 old = log.record(visitor(QStringLiteral("058179015729"), MORNING.addDays(-40))).value();
        QVERIFY(log.checkOut(old, MORNING.addDays(-40).addSecs(600), Entry::CheckoutKind::Kiosk).ok());
        log.record(visitor(QStringLiteral("058179015729"), MORNING)).value();
        log.record(visitor(QStringLiteral("079192199020"), MORNING.addDays(-31))).value(); // never closed
        log.record(visitor(QStringLiteral("079192199020"), MORNING.addDays(-1))).value();

        QCOMPARE(log.purgeBefore(MORNING.addDays(-30)).value(), 2);
        QVERIFY(!log.find(old).value());
        QCOMPARE(log.deletePerson(QStringLiteral("058179015729")).value(), 1);
        QCOMPARE(log.inside()->size(), 1);
        QCOMPARE(log.inside()->first().idNumber, QStringLiteral("079192199020"));
    }

    void fullDiskStoresNothing()
    {
        auto database = open();
        EntryLog log(*database);
        QSqlQuery query(database->connection());
        // A database that may not grow: what a full disk looks like to SQLite (SQLITE_FULL).
        // max_page_count cannot drop below the pages in use, so 1 means "no page more".
        QVERIFY(query.exec(QStringLiteral("PRAGMA max_page_count=1")));
        Entry big = visitor(QStringLiteral("058179015729"), MORNING);
        big.address = QString(20000, QLatin1Char('x'));
        const auto id = log.record(big);
        QVERIFY(!id.ok());
        QVERIFY2(id.error().message().contains(QStringLiteral("full")), qPrintable(id.error().message()));
        QVERIFY(id.error().message().contains(QStringLiteral("Nothing was recorded")));
        QVERIFY(log.inside()->isEmpty());
    }

    void lockedByAnotherProgram()
    {
        auto database = open();
        EntryLog log(*database);
        QSqlQuery wait(database->connection());
        QVERIFY(wait.exec(QStringLiteral("PRAGMA busy_timeout=100"))); // do not wait the usual 5 s here
        // Another program holds the write lock.
        QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
        other.setDatabaseName(database->path());
        QVERIFY(other.open());
        QSqlQuery hold(other);
        QVERIFY(hold.exec(QStringLiteral("BEGIN IMMEDIATE")));
        const auto id = log.record(visitor(QStringLiteral("058179015729"), MORNING));
        QVERIFY(!id.ok());
        QVERIFY2(id.error().message().contains(QStringLiteral("another program")), qPrintable(id.error().message()));
        QVERIFY(hold.exec(QStringLiteral("ROLLBACK")));
        hold.finish();
        other.close();
        other = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("other"));
        // Once it lets go, the same entry goes in.
        QVERIFY(log.record(visitor(QStringLiteral("058179015729"), MORNING)).ok());
    }

    // A pass found used left its statement active (a row read, the end not reached), which held
    // the connection's read snapshot: once another connection wrote (the sync's, the desk's), every
    // write of this one failed with SQLITE_BUSY_SNAPSHOT, "another program is holding the
    // database" (https://www.sqlite.org/wal.html#sometimes_queries_return_sqlite_busy_in_wal_mode),
    // until the next pass was checked. The audit log writes through its own statement.
    void aUsedPassLeavesNoSnapshotBehind()
    {
        auto door = open();
        EntryLog log(*door);
        Entry passed = visitor(QStringLiteral("058179015729"), MORNING);
        passed.method = Entry::Method::QrPass;
        passed.passId = QStringLiteral("pass-0001");
        QVERIFY(log.record(passed).ok());
        QVERIFY(log.passUsed(QStringLiteral("pass-0001")).value());
        {
            auto other = Database::open(door->path()).value();
            QVERIFY(EntryLog(*other).record(visitor(QStringLiteral("046087496268"), MORNING)).ok());
        }
        AuditLog audit(*door);
        const Result<void> appended =
            audit.append({MORNING, QStringLiteral("kiosk"), QStringLiteral("test"), QStringLiteral("after a pass")});
        QVERIFY2(appended, appended ? "" : qPrintable(appended.error().message()));
        const auto id = log.record(visitor(QStringLiteral("001203001234"), MORNING));
        QVERIFY2(id, id ? "" : qPrintable(id.error().message()));
    }

    void readOnlyDatabase()
    {
        auto database = open();
        EntryLog log(*database);
        QSqlQuery query(database->connection());
        QVERIFY(query.exec(QStringLiteral("PRAGMA query_only=ON")));
        const auto id = log.record(visitor(QStringLiteral("058179015729"), MORNING));
        QVERIFY(!id.ok());
        QVERIFY2(id.error().message().contains(QStringLiteral("read-only")), qPrintable(id.error().message()));
    }
};

QTEST_GUILESS_MAIN(TestEntryLog)
#include "TestEntryLog.moc"
