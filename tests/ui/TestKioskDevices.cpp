// KioskDevices: sources injected behind their interfaces reach the flow. A replayed Bluezone
// phone at the kiosk and a camera frame of a citizen ID card's QR make one verified check-in;
// the live indicator goes on with the first advert and the first frame, and off when a source
// fails.
#include "CheckOutScreen.h"
#include "IdentifyScreen.h"
#include "IdleScreen.h"
#include "Kiosk.h"
#include "KioskDevices.h"
#include "Viewfinder.h"
#include "WaitForAppScreen.h"
#include "ble/AppProfileTable.h"
#include "ble/CaptureWriter.h"
#include "ble/ReplaySource.h"
#include "common/SystemClock.h"
#include "qr/ImageSource.h"
#include "qr/QrEncoder.h"

#include <QApplication>
#include <QPainter>
#include <QSignalSpy>
#include <QTemporaryDir>

namespace {
// A kiosk on screen at 1280x800 (in folder, made if need be) whose viewfinders show what devices'
// camera sees.
struct WatchedKiosk
{
    explicit WatchedKiosk(const QString& folder)
        : kiosk(made(folder), Policy::Kind::Recommended, false),
          devices(*kiosk.flow, clock, AppProfileTable::defaults(), PresenceTracker::Config())
    {
        kiosk.window->resize(1280, 800);
        kiosk.window->show();
        kiosk.window->showCameraOf(devices);
    }

    static QString made(const QString& folder)
    {
        QDir().mkpath(folder);
        return folder;
    }

    Kiosk kiosk;
    SystemClock clock;
    KioskDevices devices;
};
} // namespace

class TestKioskDevices : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // What a camera at the door sees, as two pictures: the empty lobby, and the same with
    // Nguyễn Thị Hoa's card held up in the middle. Written under name; {lobby, card}.
    QPair<QString, QString> cameraPictures(const QString& name)
    {
        QImage empty(1280, 720, QImage::Format_RGB32);
        empty.fill(QColor(0x80, 0x70, 0x60));
        QImage held = empty;
        {
            const QImage code = QrEncoder::encode(
                QStringLiteral("046090001234||Nguyễn Thị Hoa|12031990|Nữ|12 Lê Lợi, TP Huế|01062021"), 6);
            QPainter painter(&held);
            painter.drawImage(640 - code.width() / 2, 360 - code.height() / 2, code);
        }
        const QString lobby = m_dir.filePath(name + QStringLiteral("-lobby.png"));
        const QString card = m_dir.filePath(name + QStringLiteral("-card.png"));
        if (!empty.save(lobby) || !held.save(card))
            qFatal("cannot write the camera's pictures");
        return {lobby, card};
    }

private slots:
    void initTestCase()
    {
        // Where the pictures of the screens go, whichever test runs first.
        QVERIFY(QDir().mkpath(QStringLiteral(GATEHOUSE_PICTURES "/screens")));
    }

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

    void theViewfinderIsAMirrorWhenTheCameraFacesTheVisitor()
    {
        // [qr] mirror: a frame dark on its left shows dark on the right, as in a mirror.
        QImage frame(320, 180, QImage::Format_Grayscale8);
        frame.fill(Qt::white);
        for (int row = 0; row < frame.height(); ++row)
            std::fill_n(frame.scanLine(row), frame.width() / 2, uchar(0));
        for (const bool mirror : {true, false}) {
            Viewfinder viewfinder(mirror);
            viewfinder.resize(320, 180);
            viewfinder.showFrame(frame, frame.size());
            const QImage shown = viewfinder.grab().toImage();
            const int left = qGray(shown.pixel(4, 4));
            const int right = qGray(shown.pixel(315, 4));
            QVERIFY2(mirror ? left > right : left < right, mirror ? "mirrored" : "as is");
        }
    }

    void theViewfinderShowsWhatTheCameraSees()
    {
        // Issue 16: the identify screen shows the camera's picture with a guide where to hold the
        // card, and outlines the code when it is read before the next screen comes.
        const auto [lobby, card] = cameraPictures(QStringLiteral("identify"));

        WatchedKiosk door(m_dir.filePath(QStringLiteral("viewfinder")));
        Kiosk& k = door.kiosk;
        KioskDevices& devices = door.devices;
        const Clock& clock = door.clock;
        QVERIFY(QTest::qWaitForWindowExposed(k.window.get()));
        Viewfinder* viewfinder = k.window->identifyScreen()->viewfinder();

        // Nothing is shown while nobody checks in; the identify screen asks for pictures.
        devices.start(nullptr, new ImageSource({lobby}, clock));
        QTest::qWait(200);
        QCOMPARE(viewfinder->framesShown(), 0);
        k.tap(k.find(QStringLiteral("CheckInButton")));
        QVERIFY(viewfinder->isVisible());
        devices.start(nullptr, new ImageSource({lobby}, clock));
        QTRY_COMPARE(viewfinder->framesShown(), 1);
        // The picture, darker outside the guide, and the guide's white corners.
        const QImage shown = viewfinder->grab().toImage();
        const QRect guide = viewfinder->guideRect();
        const QRect picture = viewfinder->pictureRect();
        QCOMPARE(shown.pixelColor(guide.center()), QColor(0x73, 0x73, 0x73));         // the frame's grey, as is
        QVERIFY(qGray(shown.pixel(picture.left() + 4, picture.center().y())) < 0x73); // dimmed outside
        QCOMPARE(shown.pixelColor(guide.topLeft() + QPoint(guide.width() / 10, 0)), QColor(Qt::white));
        QVERIFY(k.window->grab().save(QStringLiteral(GATEHOUSE_PICTURES "/screens/2-identify-viewfinder.png")));

        // The card is read: outlined, and the identify screen stays a moment to show it.
        devices.start(nullptr, new ImageSource({card, card}, clock));
        QTRY_VERIFY(viewfinder->isHighlighting());
        QCOMPARE(k.window->currentScreen(), static_cast<QWidget*>(k.window->identifyScreen()));
        QVERIFY(k.window->grab().save(QStringLiteral(GATEHOUSE_PICTURES "/screens/2-identify-viewfinder-read.png")));
        QTRY_COMPARE(k.window->currentScreen(), static_cast<QWidget*>(k.window->waitForAppScreen()));
    }

    void theCheckOutScreenShowsTheCameraToo()
    {
        // Leaving is a scan of the same card: the check-out screen has its own viewfinder, fed
        // only while it is up (the identify screen's, hidden, gets nothing).
        const auto [lobby, card] = cameraPictures(QStringLiteral("check-out"));
        WatchedKiosk door(m_dir.filePath(QStringLiteral("viewfinder-out")));
        Kiosk& k = door.kiosk;
        KioskDevices& devices = door.devices;
        const Clock& clock = door.clock;
        QVERIFY(QTest::qWaitForWindowExposed(k.window.get()));
        Viewfinder* out = k.window->checkOutScreen()->viewfinder();
        Viewfinder* in = k.window->identifyScreen()->viewfinder();

        k.tap(k.find(QStringLiteral("CheckOutButton")));
        QVERIFY(out->isVisible());
        devices.start(nullptr, new ImageSource({lobby}, clock));
        QTRY_COMPARE(out->framesShown(), 1);
        QCOMPARE(in->framesShown(), 0);
        QVERIFY(k.window->grab().save(QStringLiteral(GATEHOUSE_PICTURES "/screens/9-check-out-viewfinder.png")));
        devices.start(nullptr, new ImageSource({card, card}, clock));
        QTRY_VERIFY(out->isHighlighting());
        QCOMPARE(in->framesShown(), 0);
        // Nobody with that card is inside: the screen stays and says so.
        QCOMPARE(k.window->currentScreen(), static_cast<QWidget*>(k.window->checkOutScreen()));
        QVERIFY2(k.flow->message().startsWith(QStringLiteral("Không có ai")), qPrintable(k.flow->message()));
        // The next person at the check-out screen sees none of the last one's picture.
        k.flow->cancel();
        QTRY_COMPARE(k.window->currentScreen(), static_cast<QWidget*>(k.window->idleScreen()));
        k.tap(k.find(QStringLiteral("CheckOutButton")));
        QVERIFY(!out->isHighlighting());
        Viewfinder fresh(true);
        fresh.resize(out->size());
        QCOMPARE(out->grab().toImage().convertToFormat(QImage::Format_RGB32),
                 fresh.grab().toImage().convertToFormat(QImage::Format_RGB32));
        // Typing the number instead: the hidden viewfinder is fed nothing.
        const int shown = out->framesShown();
        k.tap(k.find(QStringLiteral("SecondaryButton")));
        devices.start(nullptr, new ImageSource({lobby}, clock));
        QTest::qWait(300);
        QCOMPARE(out->framesShown(), shown);
    }
};

QTEST_MAIN(TestKioskDevices)
#include "TestKioskDevices.moc"
