// Every kiosk screen in both languages at every panel size a site buys (issue 15: 800x480 and
// 1024x600 7-inch panels, 1280x720 and 1280x800 10-inch ones, 1920x1080, and the portrait 800x1280
// and 1080x1920), rendered to PNG files in the build's tests/pictures folder for a person to look
// at, and checked by machine for what a person would notice first: the window forced bigger than
// the screen, a widget past its edge, a text cut off (a label or button smaller than its text
// needs), buttons that overlap, a touch target or a text too small for the panel's physical size,
// and English left on a Vietnamese screen.
#include "CheckOutScreen.h"
#include "HealthDeclarationScreen.h"
#include "IdentifyScreen.h"
#include "IdleScreen.h"
#include "Kiosk.h"
#include "PosterScreen.h"
#include "ResultScreen.h"
#include "WaitForAppScreen.h"

#include <QAbstractScrollArea>
#include <QApplication>
#include <QDir>
#include <QFontInfo>
#include <QLabel>
#include <QStackedWidget>
#include <QTemporaryDir>

#include <cmath>

namespace {
// The physical panel assumed for each resolution (the diagonal of the kind sold with it), which
// turns pixels into millimetres for the touch and text checks.
struct Panel
{
    QSize pixels;
    double inches;
    // The least a touch target may be: 15 mm (the floor) where the panel allows; 9 mm on
    // a 7-inch panel, whose 86-90 mm of height holds a title, a field and two rows of buttons.
    double minimumTouchMm;
};
const Panel PANELS[] = {
    {{800, 480}, 7.0, 9.0},                                // Raspberry Pi Touch Display: 154.1 x 85.9 mm
    {{1024, 600}, 7.0, 9.0},                               // the cheapest 7-inch HDMI panels: 154.2 x 85.9 mm
    {{1280, 720}, 10.1, 15.0},                             // 16:9 10.1-inch panels (and cage's headless output)
    {{1280, 800}, 10.1, 15.0},                             // 16:10 10.1-inch panels, tablets
    {{1920, 1080}, 15.6, 15.0}, {{800, 1280}, 10.1, 15.0}, // a 10.1-inch panel in portrait
    {{1080, 1920}, 15.6, 15.0},
};

const Panel& panelFor(QSize size)
{
    for (const Panel& panel : PANELS) {
        if (panel.pixels == size)
            return panel;
    }
    qFatal("no panel for %dx%d", size.width(), size.height());
}

double pixelsPerMm(const Panel& panel)
{
    const double diagonalPx = std::hypot(panel.pixels.width(), panel.pixels.height());
    return diagonalPx / (panel.inches * 25.4);
}

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
        const Panel& panel = panelFor(size);
        const int minimumTouchPx = int(std::floor(panel.minimumTouchMm * pixelsPerMm(panel)));
        const int minimumTextPx = int(std::floor(3.0 * pixelsPerMm(panel)));
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
            if (!scrolled && !qobject_cast<QAbstractScrollArea*>(widget)) {
                QVERIFY2(window.rect().contains(QRect(widget->mapTo(&window, QPoint()), widget->size())),
                         qPrintable(QStringLiteral("past the screen's edge: ") + what));
                // Nor past its parent's, which would cut it (a page squeezed by what it holds).
                QVERIFY2(widget->parentWidget()->rect().contains(widget->geometry()),
                         qPrintable(QStringLiteral("cut by its parent: ") + what));
            }
            if (auto* label = qobject_cast<QLabel*>(widget)) {
                const bool fits = label->wordWrap() ? label->heightForWidth(label->width()) <= label->height() + 2
                                                    : label->minimumSizeHint().width() <= label->width() + 1;
                QVERIFY2(fits, qPrintable(QStringLiteral("cut off: ") + what));
                // Readable at arm's length: no text under 3 mm (18 px on a 10-inch 1280x800 is 3.1 mm).
                QVERIFY2(label->text().isEmpty() || QFontInfo(label->font()).pixelSize() >= minimumTextPx,
                         qPrintable(QStringLiteral("too small to read: %1 px < %2 px: ")
                                        .arg(QFontInfo(label->font()).pixelSize())
                                        .arg(minimumTextPx) +
                                    what));
                if (!label->pixmap().isNull()) // a QR code must show whole and apart from the buttons
                    buttons.append(label);
                if (language == QLatin1String("vi"))
                    QVERIFY2(!looksEnglish(label->text()), qPrintable(QStringLiteral("untranslated: ") + what));
            } else if (auto* button = qobject_cast<QPushButton*>(widget)) {
                QVERIFY2(button->minimumSizeHint().width() <= button->width() + 1,
                         qPrintable(QStringLiteral("cut off: ") + what));
                QVERIFY2(button->height() >= minimumTouchPx,
                         qPrintable(QStringLiteral("too small to touch: %1 px < %2 px: ")
                                        .arg(button->height())
                                        .arg(minimumTouchPx) +
                                    what));
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
            for (const Panel& panel : PANELS)
                QTest::addRow("%s %dx%d", qPrintable(language), panel.pixels.width(), panel.pixels.height())
                    << language << panel.pixels;
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
        k.tap(k.find(QStringLiteral("ReadMoreButton")));
        check(k, QStringLiteral("2-identify-privacy-notice"), language, size);
        k.tap(k.find(QStringLiteral("PrimaryButton")));
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
        k.tap(k.find(QStringLiteral("SecondaryButton")));
        check(k, QStringLiteral("9-check-out-by-hand"), language, size);
        k.type(QStringLiteral("IdNumber"), QStringLiteral("046090001234"));
        k.tap(k.find(QStringLiteral("PrimaryButton")));
        check(k, QStringLiteral("10-result-typed-check-out"), language, size);
        k.tap(k.find(QStringLiteral("PrimaryButton")));
        k.tap(k.find(QStringLiteral("CheckOutButton")));
        k.flow->codeScanned(CARD);
        check(k, QStringLiteral("10-result-goodbye"), language, size);
        // Nobody for a minute: the electronic poster takes its turn with the idle screen.
        k.wait(k.timing.resultMs + KioskWindow::PosterAfterMs);
        QCOMPARE(k.window->currentScreen(), qobject_cast<QWidget*>(k.window->posterScreen()));
        check(k, QStringLiteral("11-poster"), language, size);
    }

    void idleWithoutDevices_data() { everyScreen_data(); }

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
