// RssiCalibration: the phone held at the kiosk is the loudest app phone, and the proposal sits
// just below its smoothed RSSI.
#include "ble/RssiCalibration.h"

#include <QRandomGenerator>
#include <QTest>

namespace {
Advertisement bluezone(quint64 address, qint64 t, int rssi)
{
    Advertisement advert;
    advert.timeMs = t;
    advert.address = address;
    advert.rssi = rssi;
    advert.addServiceUuid(QBluetoothUuid(quint16(0x4E56)));
    const QByteArray id(12, '\x11');
    advert.addManufacturerData(0x22B5, {reinterpret_cast<const quint8*>(id.constData()), 12});
    return advert;
}
} // namespace

class TestRssiCalibration : public QObject
{
    Q_OBJECT

private slots:
    void proposesBelowTheHeldPhone()
    {
        RssiCalibration calibration(AppProfileTable::defaults());
        QRandomGenerator random(3);
        for (qint64 t = 0; t < 10000; t += 200) {
            calibration.add(bluezone(1, t, -52 + random.bounded(-4, 5))); // held at the kiosk
            calibration.add(bluezone(2, t, -75 + random.bounded(-4, 5))); // across the lobby
        }
        const auto proposal = calibration.propose();
        QVERIFY(proposal);
        QCOMPARE(proposal->address, quint64(1));
        QCOMPARE(proposal->profile, QStringLiteral("bluezone"));
        QCOMPARE(proposal->samples, 50);
        QVERIFY2(proposal->medianDbm >= -54 && proposal->medianDbm <= -50,
                 qPrintable(QString::number(proposal->medianDbm)));
        QVERIFY(proposal->thresholdDbm < proposal->lowDbm);
        QVERIFY2(proposal->thresholdDbm >= -60 && proposal->thresholdDbm <= -54,
                 qPrintable(QString::number(proposal->thresholdDbm)));
    }

    void nothingToProposeFrom()
    {
        RssiCalibration calibration(AppProfileTable::defaults());
        for (qint64 t = 0; t < 5; ++t)
            calibration.add(bluezone(1, t, -50));
        QVERIFY(!calibration.propose()); // too few adverts
    }
};

QTEST_GUILESS_MAIN(TestRssiCalibration)
#include "TestRssiCalibration.moc"
