// CalibrationSession: the one calibration run behind `gatehouse-cli calibrate` and the console's
// Settings page (issue 16). From a capture, the window counts by the adverts' own times; the
// site's own app profiles decide which phones count (the console used the default table before);
// no phone heard is a sentence; an unreadable capture is its error; the seconds left are reported.
#include "ble/CalibrationSession.h"
#include "ble/CaptureWriter.h"
#include "ble/ReplaySource.h"
#include "common/SystemClock.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {
// A phone of a tracing app the defaults do not know: service data 0xFD64, 16 bytes.
Advertisement otherApp(quint64 address, qint64 timeMs, int rssi)
{
    Advertisement advert;
    advert.address = address;
    advert.timeMs = timeMs;
    advert.rssi = rssi;
    advert.addServiceUuid(QBluetoothUuid(quint16(0xFD64)));
    const QByteArray data(16, '\x42');
    advert.addServiceData(QBluetoothUuid(quint16(0xFD64)),
                          {reinterpret_cast<const quint8*>(data.constData()), size_t(data.size())});
    return advert;
}
} // namespace

class TestCalibrationSession : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    SystemClock m_clock;

    QString capture(const QString& name, qint64 untilMs)
    {
        const QString path = m_dir.filePath(name);
        CaptureWriter writer;
        if (!writer.open(path).ok())
            qFatal("cannot write %s", qPrintable(path));
        for (qint64 t = 0; t <= untilMs; t += 250) {
            (void)writer.write(otherApp(0xA1, t, -50 + int(t / 250 % 3)));     // held at the kiosk
            (void)writer.write(otherApp(0xB2, t + 7, -78 + int(t / 250 % 5))); // across the lobby
        }
        (void)writer.close();
        return path;
    }

    static Result<RssiCalibration::Proposal> run(CalibrationSession& session)
    {
        QSignalSpy finished(&session, &CalibrationSession::finished);
        session.start();
        if (finished.isEmpty() && !finished.wait(10000))
            return Error(Error::Kind::Failed, QStringLiteral("the session never finished"));
        return session.outcome();
    }

    static AppProfileTable siteProfiles(const QString& folder)
    {
        const QString ini = folder + QStringLiteral("/site.ini");
        QFile file(ini);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(ini));
        file.write("[profile.stopcovid]\nplatform=android\nservice_uuid=fd64\nservice_data_uuid=fd64\n"
                   "service_data_length=16\nid=service_data\n");
        file.close();
        return AppProfileTable::load(ini).value();
    }

private slots:
    void theSitesOwnAppCounts()
    {
        const QString path = capture(QStringLiteral("other-app.jsonl"), 20000);
        CalibrationSession session(std::make_unique<ReplaySource>(path, 0, m_clock), siteProfiles(m_dir.path()), 20,
                                   CalibrationSession::Timing::Recorded);
        const auto outcome = run(session);
        QVERIFY2(outcome.ok(), outcome.ok() ? "" : qPrintable(outcome.error().message()));
        QCOMPARE(outcome->address, quint64(0xA1)); // the held phone, not the one across the lobby
        QCOMPARE(outcome->profile, QStringLiteral("stopcovid"));
        QVERIFY2(outcome->thresholdDbm < -50 && outcome->thresholdDbm > -60,
                 qPrintable(QString::number(outcome->thresholdDbm)));
    }

    void theDefaultsAloneHearNobody()
    {
        // What the console did before: the default table, which does not know the site's app.
        const QString path = capture(QStringLiteral("other-app-2.jsonl"), 20000);
        CalibrationSession session(std::make_unique<ReplaySource>(path, 0, m_clock), AppProfileTable::defaults(), 20,
                                   CalibrationSession::Timing::Recorded);
        const auto outcome = run(session);
        QVERIFY(!outcome.ok());
        QVERIFY2(outcome.error().message().contains(QStringLiteral("heard often enough")),
                 qPrintable(outcome.error().message()));
    }

    void onlyTheWindowCounts()
    {
        // 3 s of a 20 s capture: 13 adverts of the held phone at most.
        const QString path = capture(QStringLiteral("long.jsonl"), 20000);
        CalibrationSession session(std::make_unique<ReplaySource>(path, 0, m_clock), siteProfiles(m_dir.path()), 3,
                                   CalibrationSession::Timing::Recorded);
        const auto outcome = run(session);
        QVERIFY(outcome.ok());
        QCOMPARE(outcome->samples, 13);
    }

    void anUnreadableCaptureIsItsError()
    {
        CalibrationSession session(
            std::make_unique<ReplaySource>(m_dir.filePath(QStringLiteral("absent.jsonl")), 0, m_clock),
            AppProfileTable::defaults(), 20, CalibrationSession::Timing::Recorded);
        const auto outcome = run(session);
        QVERIFY(!outcome.ok());
        QVERIFY2(outcome.error().message().contains(QStringLiteral("absent.jsonl")),
                 qPrintable(outcome.error().message()));
    }

    void liveSaysTheSecondsLeft()
    {
        // A live session ends by the clock (here a capture replayed at its own pace stands in for
        // the radio), saying the seconds left each second.
        const QString path = capture(QStringLiteral("live.jsonl"), 8000);
        CalibrationSession session(std::make_unique<ReplaySource>(path, 1.0, m_clock), siteProfiles(m_dir.path()), 4,
                                   CalibrationSession::Timing::Live);
        QSignalSpy progress(&session, &CalibrationSession::progress);
        const auto outcome = run(session);
        QVERIFY2(outcome.ok(), outcome.ok() ? "" : qPrintable(outcome.error().message()));
        QCOMPARE(progress.first().first().toInt(), 4);
        QCOMPARE(progress.last().first().toInt(), 0);
        QVERIFY(progress.last().at(1).toLongLong() >= 10);
    }
};

QTEST_GUILESS_MAIN(TestCalibrationSession)
#include "TestCalibrationSession.moc"
