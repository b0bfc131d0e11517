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
    void withoutBluezReportsOnceAndKeepsLooking()
    {
        // The build machines have no BlueZ on a system bus (tests/live runs a fake one): start()
        // must say so once, in words, and look again with back-off, never crash.
        if (!QBluetoothLocalDevice::allDevices().isEmpty())
            QSKIP("This machine has a Bluetooth adapter; the no-adapter path cannot be exercised here.");
        SystemClock clock;
        QtBluetoothSource source(QBluetoothAddress(), clock);
        QSignalSpy errors(&source, &AdvertisementSource::errorOccurred);
        QSignalSpy adverts(&source, &AdvertisementSource::advertisementReceived);
        source.start();
        QTRY_VERIFY(errors.size() >= 1);
        const Error error = errors.first().first().value<Error>();
        QVERIFY2(error.message().contains(QStringLiteral("Bluetooth")), qPrintable(error.message()));
        QVERIFY(error.message().endsWith(QLatin1Char('.')));
        QCOMPARE(error.kind(), Error::Kind::Device);
        QCOMPARE(adverts.size(), 0);
        QVERIFY(!source.isScanning());
        // It looks again with back-off, and says nothing new while nothing changes.
        QCOMPARE(source.restartDelayMs(), 2000);
        QTRY_COMPARE_WITH_TIMEOUT(source.restartDelayMs(), 4000, 5000);
        QCOMPARE(errors.size(), 1);
        source.stop();
        const int delay = source.restartDelayMs();
        QTest::qWait(4500);
        QCOMPARE(source.restartDelayMs(), delay); // stopped means no more looking
        QCOMPARE(source.agentsStarted(), 0);
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
