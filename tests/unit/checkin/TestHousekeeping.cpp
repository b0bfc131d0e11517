// Housekeeping: retention at start and once a day, automatic check-out at closing time.
#include "FakeClock.h"
#include "checkin/Housekeeping.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/EntryLog.h"

#include <QTemporaryDir>
#include <QTest>

class TestHousekeeping : public QObject
{
    Q_OBJECT

private slots:
    void dailyRoutine()
    {
        QTemporaryDir dir;
        auto database = Database::open(dir.filePath(QStringLiteral("h.db"))).value();
        EntryLog log(*database);
        AuditLog audit(*database);
        FakeClock clock(QDateTime(QDate(2020, 8, 3), QTime(1, 0), Qt::UTC)); // 08:00 in Huế
        Site site;
        site.closingTime = QTime(18, 0);
        CheckInService service(site, log, audit, clock);
        // One old entry past retention, one visitor in today.
        Entry old;
        old.site = site.id;
        old.entrance = site.entrance;
        old.fullName = QStringLiteral("Cũ");
        old.idNumber = QStringLiteral("1");
        old.checkedInAt = clock.now().addDays(-45);
        old.checkedOutAt = old.checkedInAt.addSecs(600);
        const qint64 oldId = log.record(old).value();
        QVERIFY(log.checkOut(oldId, old.checkedInAt.addSecs(600), Entry::CheckoutKind::Kiosk).ok());
        CheckInService::Request visitor;
        visitor.entry.fullName = QStringLiteral("Nguyễn Văn An");
        visitor.entry.idNumber = QStringLiteral("046087496268");
        QVERIFY(service.checkIn(visitor).ok());

        Housekeeping housekeeping(service, clock);
        housekeeping.start(); // retention at start
        QVERIFY(!log.find(oldId).value());
        QCOMPARE(audit.latest(1).value().first().action, QStringLiteral("purge"));

        clock.advance(qint64(10) * 3600 * 1000 + 60000); // 18:01
        housekeeping.tick();
        QVERIFY(log.inside().value().isEmpty());
        QCOMPARE(audit.latest(1).value().first().action, QStringLiteral("auto_checkout"));

        const int auditsBefore = int(audit.latest(100).value().size());
        housekeeping.tick(); // same day: nothing more to do
        QCOMPARE(int(audit.latest(100).value().size()), auditsBefore);
        clock.advance(qint64(8) * 3600 * 1000); // past midnight: a new day, a new purge
        housekeeping.tick();
        QCOMPARE(audit.latest(1).value().first().action, QStringLiteral("purge"));
    }
};

QTEST_GUILESS_MAIN(TestHousekeeping)
#include "TestHousekeeping.moc"
