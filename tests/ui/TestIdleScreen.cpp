// The idle screen: rendered for real, and the language switch changes its text at once.
#include "IdleScreen.h"
#include "KioskWindow.h"
#include "common/Settings.h"
#include "common/Translation.h"
#include "qr/LumaFrame.h"
#include "qr/QrDecoder.h"

#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QTest>

class TestIdleScreen : public QObject
{
    Q_OBJECT

private slots:
    void languageSwitchTranslatesAtOnce()
    {
        Translation translation;
        QVERIFY(translation.apply(QStringLiteral("vi")));
        KioskWindow window(Settings(), translation, false);
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
        Translation translation;
        KioskWindow real(Settings(), translation, false);
        KioskWindow demo(Settings(), translation, true);
        real.show();
        demo.show();
        QVERIFY(!real.findChild<QLabel*>(QStringLiteral("DemoBanner"))->isVisible());
        QVERIFY(demo.findChild<QLabel*>(QStringLiteral("DemoBanner"))->isVisible());
    }

    void installCodeIsScannable()
    {
        // What the screen shows is decoded like a phone would: it must lead to the install page.
        Translation translation;
        KioskWindow window(Settings(), translation, false);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QList<QrCode> codes = QrDecoder::decode(LumaFrame::fromImage(window.grab().toImage()));
        QCOMPARE(codes.size(), 1);
        QCOMPARE(codes.first().text, QStringLiteral("https://bluezone.vn/"));
    }

    void rendersSomethingReal()
    {
        Translation translation;
        KioskWindow window(Settings(), translation, true);
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
