// The idle screen: rendered for real, and the language switch changes its text at once.
#include "IdleScreen.h"
#include "Kiosk.h"
#include "qr/LumaFrame.h"
#include "qr/QrDecoder.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

class TestIdleScreen : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_count = 0;

    std::unique_ptr<Kiosk> kiosk(const QString& language, bool demo = false)
    {
        const QString folder = m_dir.filePath(QString::number(++m_count));
        QDir().mkpath(folder);
        auto made = std::make_unique<Kiosk>(folder, Policy::Kind::Recommended, false, language, demo);
        made->settings.setSiteName(QString());
        return made;
    }

private slots:
    void languageSwitchTranslatesAtOnce()
    {
        auto k = kiosk(QStringLiteral("vi"));
        KioskWindow& window = *k->window;
        Translation& translation = k->translation;
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        auto* instruction = window.findChild<QLabel*>(QStringLiteral("Instruction"));
        QVERIFY(instruction);
        const QString vietnamese = instruction->text();
        QCOMPARE(vietnamese, QStringLiteral("Xin chào. Vui lòng khai báo tại đây trước khi vào."));

        QPushButton* english = nullptr;
        for (auto* button : window.findChildren<QPushButton*>(QStringLiteral("LanguageButton"))) {
            if (button->text() == QLatin1String("English"))
                english = button;
        }
        QVERIFY(english);
        QVERIFY(!english->isChecked());
        QTest::mouseClick(english, Qt::LeftButton);
        QCOMPARE(translation.language(), QStringLiteral("en"));
        // Qt posts LanguageChange to every widget; it arrives with the next turn of the event loop.
        QTRY_COMPARE(instruction->text(), QStringLiteral("Welcome. Please check in here before you enter."));
        QVERIFY(english->isChecked());
    }

    void demoBannerOnlyInDemoMode()
    {
        auto realKiosk = kiosk(QStringLiteral("vi"));
        auto demoKiosk = kiosk(QStringLiteral("vi"), true);
        KioskWindow& real = *realKiosk->window;
        KioskWindow& demo = *demoKiosk->window;
        real.show();
        demo.show();
        QVERIFY(!real.findChild<QLabel*>(QStringLiteral("DemoBanner"))->isVisible());
        QVERIFY(demo.findChild<QLabel*>(QStringLiteral("DemoBanner"))->isVisible());
    }

    void missingDevicesAreSaidInWords()
    {
        // Issue 11: a real kiosk without an adapter or camera says so on the idle screen, in the
        // visitor's language, with what to do instead.
        auto k = kiosk(QStringLiteral("en"));
        KioskWindow& window = *k->window;
        window.resize(1280, 800);
        window.show();
        auto* problem = window.findChild<QLabel*>(QStringLiteral("DeviceProblem"));
        QVERIFY(problem);
        window.idleScreen()->setDeviceStatus(false, false, false);
        QVERIFY(problem->isVisible());
        QVERIFY(problem->text().contains(QStringLiteral("Bluetooth is not working: the tracing app cannot be "
                                                        "checked, please see the receptionist.")));
        QVERIFY(problem->text().contains(QStringLiteral("Camera not working: use the scanner or type your details.")));
        window.idleScreen()->setCameraWorking(true); // a camera plugged in later
        QVERIFY(!problem->text().contains(QStringLiteral("Camera")));
        window.idleScreen()->setBluetoothWorking(true);
        QVERIFY(!problem->isVisible());
        // A demo has no real devices to miss.
        window.idleScreen()->setDeviceStatus(false, false, true);
        QVERIFY(!problem->isVisible());
    }

    void theCentralLinkInSmallText()
    {
        // Issue 14: a kiosk joined to a central store says when it last sent and what waits;
        // a kiosk without one says nothing about it.
        auto k = kiosk(QStringLiteral("vi"));
        KioskWindow& window = *k->window;
        window.resize(1280, 800);
        window.show();
        auto* status = window.findChild<QLabel*>(QStringLiteral("SyncStatus"));
        QVERIFY(status);
        QVERIFY(status->isHidden());
        window.idleScreen()->setSyncStatus(QStringLiteral("08:31"), 3, false);
        QVERIFY(status->isVisible());
        QVERIFY2(status->text().contains(QStringLiteral("Đã gửi lúc 08:31")), qPrintable(status->text()));
        QVERIFY2(status->text().contains(QStringLiteral("3 mục đang chờ")), qPrintable(status->text()));
        // For people to look at (tests/CMakeLists.txt: GATEHOUSE_PICTURES).
        QDir().mkpath(QStringLiteral(GATEHOUSE_PICTURES "/screens"));
        window.grab().save(QStringLiteral(GATEHOUSE_PICTURES "/screens/1-idle-central-vi-1280x800.png"));
        window.idleScreen()->setSyncStatus(QString(), 1200, true);
        QVERIFY2(status->text().contains(QStringLiteral("Chưa gửi")) &&
                     status->text().contains(QStringLiteral("1200")) &&
                     status->text().contains(QStringLiteral("mất kết nối")),
                 qPrintable(status->text()));
        (void)k->translation.apply(QStringLiteral("en"));
        // Qt posts LanguageChange; it arrives with the next turn of the event loop.
        QTRY_VERIFY2(status->text().contains(QStringLiteral("Not sent yet · 1200 waiting · offline")),
                     qPrintable(status->text()));
    }

    void installCodeIsScannable()
    {
        // What the screen shows is decoded like a phone would: it must lead to the install page.
        auto k = kiosk(QStringLiteral("vi"));
        KioskWindow& window = *k->window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QList<QrCode> codes = QrDecoder::decode(LumaFrame::fromImage(window.grab().toImage()));
        QCOMPARE(codes.size(), 1);
        QCOMPARE(codes.first().text, QStringLiteral("https://bluezone.vn/"));
    }

    void rendersSomethingReal()
    {
        auto k = kiosk(QStringLiteral("vi"), true);
        KioskWindow& window = *k->window;
        window.resize(800, 1280);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QImage image = window.grab().toImage();
        QCOMPARE(image.size(), QSize(800, 1280));
        // Text, the banner and the buttons give many distinct colours; a blank render gives one.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 4) {
            for (int x = 0; x < image.width(); x += 4)
                colours.insert(image.pixel(x, y));
        }
        QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));
    }
};

QTEST_MAIN(TestIdleScreen)
#include "TestIdleScreen.moc"
