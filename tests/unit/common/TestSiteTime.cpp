// The site's wall clock: the day and the time people read, whatever zone the computer is set to.
#include "common/SiteTime.h"

#include <QTest>

#include <ctime>

class TestSiteTime : public QObject
{
    Q_OBJECT

private slots:
    void dayAndTimeAreTheSitesNotTheComputers()
    {
        // The computer believes it is in Honolulu (UTC-10); the site is in Huế (UTC+7).
        qputenv("TZ", "HST10");
        tzset();
        const SiteTime hue(7 * 60);
        const QDateTime lateEvening(QDate(2020, 8, 3), QTime(18, 30), Qt::UTC); // 01:30 on the 4th in Huế
        QCOMPARE(hue.dayOf(lateEvening), QDate(2020, 8, 4));
        QCOMPARE(hue.iso(lateEvening), QStringLiteral("2020-08-04T01:30:00+07:00"));
        QCOMPARE(hue.format(lateEvening, QStringLiteral("dd/MM HH:mm")), QStringLiteral("04/08 01:30"));
        QCOMPARE(hue.at(QDate(2020, 8, 4), QTime(1, 30)), lateEvening);
        QCOMPARE(hue.at(QDate(2020, 8, 4), QTime(1, 30)).toMSecsSinceEpoch(), lateEvening.toMSecsSinceEpoch());
        QCOMPARE(hue.toSite(lateEvening).offsetFromUtc(), 7 * 3600);
        QCOMPARE(hue.offsetMinutes(), 7 * 60);
        QVERIFY(hue.iso(QDateTime()).isEmpty());
        qunsetenv("TZ");
        tzset();
    }

    void westOfGreenwich()
    {
        const SiteTime west(-(3 * 60 + 30)); // Newfoundland standard time, -03:30
        const QDateTime midnight(QDate(2020, 8, 4), QTime(0, 0), Qt::UTC);
        QCOMPARE(west.dayOf(midnight), QDate(2020, 8, 3));
        QCOMPARE(west.iso(midnight), QStringLiteral("2020-08-03T20:30:00-03:30"));
    }
};

QTEST_GUILESS_MAIN(TestSiteTime)
#include "TestSiteTime.moc"
