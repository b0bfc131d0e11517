// ReplaySource: every advert in order at maximum speed, paced by the Clock at real speed, and
// rejected lines reported while the replay goes on.
#include "FakeClock.h"
#include "ble/ReplaySource.h"
#include "common/SystemClock.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {
QByteArray advertLine(qint64 t)
{
    return "{\"t\":" + QByteArray::number(t) + ",\"addr\":\"00:00:00:00:00:01\",\"rssi\":-50,\"name\":\"n\"}\n";
}
} // namespace

class TestReplaySource : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;

private slots:
    void initTestCase()
    {
        m_path = m_dir.filePath(QStringLiteral("c.jsonl"));
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(advertLine(1000) + "garbage\n" + advertLine(1500) + advertLine(3000) +
                   "{\"t\":1,\"addr\":\"00:00:00:00:00:01\",\"rssi\":-50,\"ad\":\"ff\"}\n");
    }

    void maximumSpeedThroughTheEventLoop()
    {
        SystemClock clock;
        ReplaySource source(m_path, 0, clock);
        QSignalSpy adverts(&source, &AdvertisementSource::advertisementReceived);
        QSignalSpy rejected(&source, &ReplaySource::lineRejected);
        QSignalSpy damaged(&source, &ReplaySource::adDataDamaged);
        QSignalSpy finished(&source, &AdvertisementSource::finished);
        source.start();
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(adverts.size(), 4);
        QCOMPARE(rejected.size(), 1);
        QCOMPARE(rejected.first().at(0).toLongLong(), 2);
        QCOMPARE(damaged.size(), 1);
        QCOMPARE(damaged.first().at(0).toLongLong(), 5);
        QCOMPARE(source.adverts(), 4);
        QCOMPARE(source.rejectedLines(), 1);
    }

    void realSpeedFollowsTheClock()
    {
        FakeClock clock;
        ReplaySource source(m_path, 1, clock);
        QSignalSpy adverts(&source, &AdvertisementSource::advertisementReceived);
        source.start();
        QTRY_COMPARE(adverts.size(), 1); // t=1000 is due at once
        QTest::qWait(50);
        QCOMPARE(adverts.size(), 1); // t=1500 is 500 ms later, and the clock has not moved
        clock.advance(500);
        QTRY_COMPARE(adverts.size(), 2);
        clock.advance(1499);
        QTest::qWait(50);
        QCOMPARE(adverts.size(), 2);
        clock.advance(1);
        // t=3000 is due now, and the last line (t=1, out of order) is overdue, so both come.
        QTRY_COMPARE(adverts.size(), 4);
        QCOMPARE(adverts.at(2).first().value<Advertisement>().timeMs, 3000);
        source.stop();
    }

    void missingFileIsReportedFromTheEventLoop()
    {
        SystemClock clock;
        ReplaySource source(m_dir.filePath(QStringLiteral("absent.jsonl")), 1, clock);
        QSignalSpy errors(&source, &AdvertisementSource::errorOccurred);
        QSignalSpy finished(&source, &AdvertisementSource::finished);
        source.start();
        QCOMPARE(finished.size(), 0); // not yet: whoever started it may not be listening yet
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(errors.size(), 1);
    }

    void missingFileIsReported()
    {
        SystemClock clock;
        ReplaySource source(m_dir.filePath(QStringLiteral("absent.jsonl")), 0, clock);
        QSignalSpy errors(&source, &AdvertisementSource::errorOccurred);
        QSignalSpy finished(&source, &AdvertisementSource::finished);
        source.runToEnd();
        QCOMPARE(errors.size(), 1);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(errors.first().first().value<Error>().exitCode(), 2);
    }
};

QTEST_GUILESS_MAIN(TestReplaySource)
#include "TestReplaySource.moc"
