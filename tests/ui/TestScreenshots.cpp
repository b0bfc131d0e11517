// Every kiosk screen in both languages at the three sizes a kiosk comes in (1920x1080,
// 1280x800, 800x1280 portrait), rendered to PNG files in the build's tests/pictures folder for a
// person to look at, and checked by machine for what a person would notice first: the window
// forced bigger than the screen, a text cut off (a label or button smaller than its text needs),
// buttons that overlap, a touch target under 96 px, and English left on a Vietnamese screen.
#include "CheckOutScreen.h"
#include "HealthDeclarationScreen.h"
#include "IdentifyScreen.h"
#include "IdleScreen.h"
#include "Kiosk.h"
#include "ResultScreen.h"
#include "WaitForAppScreen.h"

#include <QAbstractScrollArea>
#include <QApplication>
#include <QDir>
#include <QFontInfo>
#include <QLabel>
#include <QStackedWidget>
#include <QTemporaryDir>

namespace {
const QString CARD = QStringLiteral("046090001234||Nguyễn Thị Hoa|12031990|Nữ|12 Lê Lợi, Phú Hội, TP Huế|01062021");

// Words that give away an untranslated English sentence on a Vietnamese screen.
bool looksEnglish(const QString& text)
{
    static const QStringList words = {
        QStringLiteral(" the "),  QStringLiteral("Please"), QStringLiteral("Welcome"),      QStringLiteral("Cancel"),
        QStringLiteral(" your "), QStringLiteral("Check "), QStringLiteral("Receptionist"), QStringLiteral("Done")};
    return std::any_of(words.begin(), words.end(), [&text](const QString& word) { return text.contains(word); });
}
} // namespace

class TestScreenshots : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_count = 0;
    QStringList m_written;

    void check(const Kiosk& kiosk, const QString& name, const QString& language, QSize size)
    {
        QCoreApplication::processEvents();
        KioskWindow& window = *kiosk.window;
        // The picture first, so that a failed check below still leaves it to look at.
        const QString file = QStringLiteral("%1/screens/%2-%3-%4x%5.png")
                                 .arg(QStringLiteral(GATEHOUSE_PICTURES), name, language)
                                 .arg(size.width())
                                 .arg(size.height());
        QVERIFY(QDir().mkpath(QFileInfo(file).path()));
        QVERIFY(window.grab().save(file));
        m_written << file;

        QCOMPARE(window.size(), size); // nothing forced the window past the screen
        QWidget* screen = window.currentScreen();
        QList<QWidget*> buttons; // and fields: what a finger must hit apart
        for (QWidget* widget : screen->findChildren<QWidget*>()) {
            if (!widget->isVisibleTo(&window))
                continue;
            const QString what = QStringLiteral("%1 %2 %3: %4 \"%5\"")
                                     .arg(name, language, QStringLiteral("%1x%2").arg(size.width()).arg(size.height()),
                                          QString::fromLatin1(widget->metaObject()->className()),
                                          widget->property("text").toString().left(40));
            // Inside the screen: nothing pushed past its edge (a scrolled list may hide its rows).
            const bool scrolled = [widget, &window] {
                for (QWidget* up = widget->parentWidget(); up && up != &window; up = up->parentWidget())
                    if (qobject_cast<QAbstractScrollArea*>(up))
                        return true;
                return false;
            }();
            if (!scrolled && !qobject_cast<QAbstractScrollArea*>(widget))
                QVERIFY2(window.rect().contains(QRect(widget->mapTo(&window, QPoint()), widget->size())),
                         qPrintable(QStringLiteral("past the screen's edge: ") + what));
            if (auto* label = qobject_cast<QLabel*>(widget)) {
                const bool fits = label->wordWrap() ? label->heightForWidth(label->width()) <= label->height() + 2
                                                    : label->minimumSizeHint().width() <= label->width() + 1;
                QVERIFY2(fits, qPrintable(QStringLiteral("cut off: ") + what));
                // Readable at arm's length: no text under 18 px on the kiosk.
                QVERIFY2(label->text().isEmpty() || QFontInfo(label->font()).pixelSize() >= 18,
                         qPrintable(QStringLiteral("too small to read: ") + what));
                if (!label->pixmap().isNull()) // a QR code must show whole and apart from the buttons
                    buttons.append(label);
                if (language == QLatin1String("vi"))
                    QVERIFY2(!looksEnglish(label->text()), qPrintable(QStringLiteral("untranslated: ") + what));
            } else if (auto* button = qobject_cast<QPushButton*>(widget)) {
                QVERIFY2(button->minimumSizeHint().width() <= button->width() + 1,
                         qPrintable(QStringLiteral("cut off: ") + what));
                // 15 mm at the 150 dpi of a 10-inch 1280x800 panel is 89 px; 88 px and up here.
                QVERIFY2(button->height() >= 88, qPrintable(QStringLiteral("too small to touch: ") + what));
                if (language == QLatin1String("vi"))
                    QVERIFY2(!looksEnglish(button->text()) || button->text() == QLatin1String("English"),
                             qPrintable(QStringLiteral("untranslated: ") + what));
                buttons.append(button);
            } else if (auto* field = qobject_cast<QLineEdit*>(widget)) {
                QVERIFY2(field->height() >= field->minimumSizeHint().height(),
                         qPrintable(QStringLiteral("squeezed: ") + what));
                buttons.append(field);
            }
        }
        for (qsizetype i = 0; i < buttons.size(); ++i) {
            for (qsizetype j = i + 1; j < buttons.size(); ++j) {
                // What shows of each (a button scrolled under the edge of a list shows in part).
                const QRect a =
                    buttons[i]->visibleRegion().boundingRect().translated(buttons[i]->mapTo(&window, QPoint()));
                const QRect b =
                    buttons[j]->visibleRegion().boundingRect().translated(buttons[j]->mapTo(&window, QPoint()));
                QVERIFY2(!a.intersects(b),
                         qPrintable(QStringLiteral("%1 overlaps %2 on %3 %4")
                                        .arg(buttons[i]->property("text").toString(),
                                             buttons[j]->property("text").toString(), name, language)));
            }
        }
    }

private slots:
    void everyScreen_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QSize>("size");
        for (const QString& language : {QStringLiteral("vi"), QStringLiteral("en")}) {
            for (const QSize& size : {QSize(1920, 1080), QSize(1280, 800), QSize(800, 1280)})
                QTest::addRow("%s %dx%d", qPrintable(language), size.width(), size.height()) << language << size;
        }
    }

    void everyScreen()
    {
        QFETCH(QString, language);
        QFETCH(QSize, size);
        const QString folder = m_dir.filePath(QString::number(++m_count));
        QDir().mkpath(folder);
        Kiosk k(folder, Policy::Kind::Required, true, language, true);
        k.window->resize(size);
        k.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(k.window.get()));

        check(k, QStringLiteral("1-idle"), language, size);
        k.tap(k.find(QStringLiteral("CheckInButton")));
        check(k, QStringLiteral("2-identify"), language, size);
        k.tap(k.find(QStringLiteral("SecondaryButton")));
        k.type(QStringLiteral("FullName"), QStringLiteral("Lê Thị Thu Hà"));
        k.type(QStringLiteral("IdNumber"), QStringLiteral("0462"));
        k.tap(k.find(QStringLiteral("PrimaryButton"))); // a number too short: the sentence shows
        check(k, QStringLiteral("3-identify-by-hand"), language, size);
        k.flow->codeScanned(CARD);
        k.wait(10000);
        check(k, QStringLiteral("4-wait-for-app"), language, size);
        k.flow->appVerified(SiteLog::bluezonePhone());
        check(k, QStringLiteral("5-health-declaration"), language, size);
        for (int i = 0; i < 8; ++i)
            k.window->healthDeclarationScreen()->answerButton(i, false)->click();
        k.tap(k.find(QStringLiteral("PrimaryButton")));
        check(k, QStringLiteral("6-result-welcome"), language, size);
        k.tap(k.find(QStringLiteral("PrimaryButton")));

        k.flow->codeScanned(k.pass(QStringLiteral("P-9"), QStringLiteral("Trần Văn Minh")));
        k.wait(k.timing.appWaitMs);
        check(k, QStringLiteral("7-result-refused"), language, size);
        k.tap(k.find(QStringLiteral("SecondaryButton")));
        check(k, QStringLiteral("8-receptionist-override"), language, size);
        k.tap(k.find(QStringLiteral("PrimaryButton")));

        k.tap(k.find(QStringLiteral("CheckOutButton")));
        check(k, QStringLiteral("9-check-out"), language, size);
        k.type(QStringLiteral("IdNumber"), QStringLiteral("046090001234"));
        k.tap(k.find(QStringLiteral("PrimaryButton")));
        check(k, QStringLiteral("10-result-goodbye"), language, size);
    }

    // The idle screen is what the kiosk session shows at boot, also on a 1280x720 panel (the
    // size of cage's headless output, TestKioskSession); every screen at every panel size of
    // issue 15 is still to come.
    void idleWithoutDevices_data()
    {
        everyScreen_data();
        for (const QString& language : {QStringLiteral("vi"), QStringLiteral("en")})
            QTest::addRow("%s 1280x720", qPrintable(language)) << language << QSize(1280, 720);
    }

    void idleWithoutDevices()
    {
        // A real kiosk (no demo banner) whose adapter and camera are missing says so in words.
        QFETCH(QString, language);
        QFETCH(QSize, size);
        const QString folder = m_dir.filePath(QString::number(++m_count));
        QDir().mkpath(folder);
        Kiosk k(folder, Policy::Kind::Required, false, language);
        k.window->resize(size);
        k.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(k.window.get()));
        k.window->idleScreen()->setDeviceStatus(false, false, false);
        // With the central store's line too, offline with entries waiting: the fullest idle screen.
        k.window->idleScreen()->setSyncStatus(QStringLiteral("08:15"), 12, true);
        check(k, QStringLiteral("1-idle-without-devices"), language, size);
    }

    void amberResult_data() { everyScreen_data(); }

    void amberResult()
    {
        // The recommended policy's result, with the install QR.
        QFETCH(QString, language);
        QFETCH(QSize, size);
        const QString folder = m_dir.filePath(QString::number(++m_count));
        QDir().mkpath(folder);
        Kiosk k(folder, Policy::Kind::Recommended, false, language);
        k.window->resize(size);
        k.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(k.window.get()));
        k.flow->codeScanned(CARD);
        k.wait(k.timing.appWaitMs);
        check(k, QStringLiteral("6-result-install-the-app"), language, size);
    }

    void cleanupTestCase() { qInfo("%lld pictures in %s", qlonglong(m_written.size()), GATEHOUSE_PICTURES); }
};

QTEST_MAIN(TestScreenshots)
#include "TestScreenshots.moc"
