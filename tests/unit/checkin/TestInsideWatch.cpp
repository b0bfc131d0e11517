// InsideWatch (issue 16): who is inside, read off the GUI thread when another connection commits
// (PRAGMA data_version) and every RereadMs by the Clock it is given, the one time of the program
// (issue 24: it timed the re-read with a QElapsedTimer of its own).
#include "SiteLog.h"
#include "records/InsideWatch.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestInsideWatch : public QObject
{
    Q_OBJECT

private slots:
    void readsOnCommitAndByTheClock()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("log.db"));
        SiteLog site(path, QDateTime(QDate(2020, 8, 3), QTime(2, 0), Qt::UTC));
        Site config;
        config.id = QStringLiteral("hue-dpc-01");
        InsideWatch watch(path, config, site.clock);
        QSignalSpy changed(&watch, &InsideWatch::changed);
        watch.start();
        QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 1, 5000);
        // The first poll learns the file's data_version (one more read); then, nothing committed
        // and no time passed by the Clock, no new read.
        QTest::qWait(3 * InsideWatch::PollMs);
        const int settled = int(changed.count());
        QTest::qWait(3 * InsideWatch::PollMs);
        QCOMPARE(int(changed.count()), settled);
        // The Clock moves on by RereadMs: read again, whatever the wall clock did.
        site.clock.advance(InsideWatch::RereadMs);
        QTRY_COMPARE_WITH_TIMEOUT(int(changed.count()), settled + 1, 5000);
        // Another connection commits an entry: read again, and it is there.
        Entry entry;
        entry.site = config.id;
        entry.entrance = QStringLiteral("Cổng chính");
        entry.fullName = QStringLiteral("Nguyễn Thị Hoa");
        entry.idNumber = QStringLiteral("046090001234");
        entry.checkedInAt = site.clock.now();
        QVERIFY(site.log.record(entry).ok());
        QTRY_COMPARE_WITH_TIMEOUT(int(changed.count()), settled + 2, 5000);
        QCOMPARE(changed.last().first().value<CheckInService::SitePresence>().entries.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestInsideWatch)
#include "TestInsideWatch.moc"
