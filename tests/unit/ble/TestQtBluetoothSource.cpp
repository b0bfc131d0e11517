// QtBluetoothSource through its error paths: on a machine without an adapter (the build
// machines have none) start() must report a sentence and schedule a restart, never crash.
#include "ble/QtBluetoothSource.h"
#include "common/SystemClock.h"

#include <QBluetoothLocalDevice>
#include <QSignalSpy>
#include <QTest>

class TestQtBluetoothSource : public QObject
{
    Q_OBJECT

private slots:
    void withoutAdapterReportsAndRetries()
    {
        if (!QBluetoothLocalDevice::allDevices().isEmpty())
            QSKIP("This machine has a Bluetooth adapter; the no-adapter path cannot be exercised here.");
        SystemClock clock;
        QtBluetoothSource source(QBluetoothAddress(), clock);
        QSignalSpy errors(&source, &AdvertisementSource::errorOccurred);
        QSignalSpy adverts(&source, &AdvertisementSource::advertisementReceived);
        source.start(); // Qt reports the missing adapter synchronously inside start()
        QTRY_VERIFY(errors.size() >= 1);
        const Error error = errors.first().first().value<Error>();
        QVERIFY2(error.message().contains(QStringLiteral("Bluetooth")), qPrintable(error.message()));
        QVERIFY(error.message().endsWith(QLatin1Char('.')));
        QCOMPARE(adverts.size(), 0);
        QVERIFY(!source.isScanning());
        // A restart is scheduled with back-off, and it fails the same way again.
        QCOMPARE(source.restartDelayMs(), 2000);
        QTRY_VERIFY_WITH_TIMEOUT(errors.size() >= 2, 5000);
        QCOMPARE(source.restartDelayMs(), 4000);
        source.stop();
        const qsizetype after = errors.size();
        QTest::qWait(2500);
        QCOMPARE(errors.size(), after); // stopped means no more retries
    }

    void explicitAdapterThatDoesNotExist()
    {
        SystemClock clock;
        QtBluetoothSource source(QBluetoothAddress(QStringLiteral("00:11:22:33:44:55")), clock);
        QSignalSpy errors(&source, &AdvertisementSource::errorOccurred);
        source.start();
        QTRY_VERIFY(errors.size() >= 1);
        QVERIFY(!errors.first().first().value<Error>().message().isEmpty());
        source.stop();
    }

    void everyErrorHasASentence()
    {
        using E = QBluetoothDeviceDiscoveryAgent::Error;
        for (E error : {E::NoError, E::InputOutputError, E::PoweredOffError, E::InvalidBluetoothAdapterError,
                        E::UnsupportedPlatformError, E::UnsupportedDiscoveryMethod, E::LocationServiceTurnedOffError,
                        E::MissingPermissionsError, E::UnknownError}) {
            const QString sentence = QtBluetoothSource::describe(error, QStringLiteral("detail"));
            QVERIFY(sentence.endsWith(QLatin1Char('.')));
            QVERIFY(sentence.size() > 20);
        }
    }
};

QTEST_GUILESS_MAIN(TestQtBluetoothSource)
#include "TestQtBluetoothSource.moc"
