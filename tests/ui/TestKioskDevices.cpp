// KioskDevices: sources injected behind their interfaces reach the flow. A replayed Bluezone
// phone at the kiosk and a camera frame of a citizen ID card's QR make one verified check-in;
// the live indicator goes on with the first advert and the first frame, and off when a source
// fails.
#include "Kiosk.h"
#include "KioskDevices.h"
#include "ble/AppProfileTable.h"
#include "ble/CaptureWriter.h"
#include "ble/ReplaySource.h"
#include "common/SystemClock.h"
#include "qr/ImageSource.h"
#include "qr/QrEncoder.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTemporaryDir>

class TestKioskDevices : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void aPhoneAndACardMakeAVerifiedCheckIn()
    {
        // A Bluezone Android phone held at the kiosk for 3 s (formats/ble-capture.md: service
        // 0x4E56, manufacturer 0x22B5 with the 12-byte ID), one advert every 200 ms.
        const QString capture = m_dir.filePath(QStringLiteral("phone.jsonl"));
        CaptureWriter writer;
        QVERIFY(writer.open(capture).ok());
        const QByteArray id = QByteArray::fromHex("507c3b3c88f9c44a8d2184fa");
        for (qint64 t = 0; t <= 3000; t += 200) {
            Advertisement advert;
            advert.timeMs = t;
            advert.address = 0x423CFDE6F1C2;
            advert.rssi = -45;
            advert.addServiceUuid(QBluetoothUuid(quint16(0x4E56)));
            advert.addManufacturerData(
                0x22B5, std::span<const quint8>(reinterpret_cast<const quint8*>(id.constData()), size_t(id.size())));
            QVERIFY(writer.write(advert).ok());
        }
        QVERIFY(writer.close().ok());
        const QString card = m_dir.filePath(QStringLiteral("card.png"));
        QVERIFY(
            QrEncoder::encode(QStringLiteral("046090001234||Nguyễn Thị Hoa|12031990|Nữ|12 Lê Lợi, TP Huế|01062021"), 6)
                .save(card));

        QDir().mkpath(m_dir.filePath(QStringLiteral("kiosk")));
        Kiosk k(m_dir.filePath(QStringLiteral("kiosk")), Policy::Kind::Required, false);
        SystemClock clock;
        KioskDevices devices(*k.flow, clock, AppProfileTable::defaults(), PresenceTracker::Config());
        QSignalSpy bluetooth(&devices, &KioskDevices::bluetoothWorking);
        QSignalSpy camera(&devices, &KioskDevices::cameraWorking);
        devices.start([&] { return new ReplaySource(capture, 0, clock); }, nullptr);
        QTRY_COMPARE(bluetooth.size(), 1);
        QCOMPARE(bluetooth.first().first().toBool(), true);
        devices.start(nullptr, new ImageSource({card}, clock));
        QTRY_COMPARE(k.flow->state(), KioskFlow::State::Result);
        QCOMPARE(camera.first().first().toBool(), true);
        const Entry entry = k.site.entries().value(0);
        QCOMPARE(entry.fullName, QStringLiteral("Nguyễn Thị Hoa"));
        QCOMPARE(entry.appStatus, Entry::AppStatus::Verified); // the required policy admits her

        // A camera that cannot be read turns the indicator off.
        devices.start(nullptr, new ImageSource({m_dir.filePath(QStringLiteral("missing.png"))}, clock));
        QTRY_COMPARE(camera.size(), 2);
        QCOMPARE(camera.last().first().toBool(), false);
    }
};

QTEST_MAIN(TestKioskDevices)
#include "TestKioskDevices.moc"
