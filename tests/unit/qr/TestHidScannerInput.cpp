// HidScannerInput: a USB scanner's burst becomes a scan and never reaches the focused field;
// a person's typing reaches it unchanged and in order.
#include "FakeClock.h"
#include "qr/HidScannerInput.h"

#include <QGuiApplication>
#include <QKeyEvent>
#include <QSignalSpy>
#include <QTest>

namespace {
// Stands in for the focused form field: records the text of the key presses it receives.
class Field : public QObject
{
public:
    QString typed;
    int enters = 0;

protected:
    bool event(QEvent* event) override
    {
        if (event->type() == QEvent::KeyPress) {
            auto* key = static_cast<QKeyEvent*>(event);
            if (key->key() == Qt::Key_Return)
                ++enters;
            else
                typed += key->text();
            return true;
        }
        return QObject::event(event);
    }
};

void press(QObject* target, int key, const QString& text, ulong timestamp)
{
    QKeyEvent down(QEvent::KeyPress, key, Qt::NoModifier, text);
    down.setTimestamp(timestamp);
    QCoreApplication::sendEvent(target, &down);
    QKeyEvent up(QEvent::KeyRelease, key, Qt::NoModifier, text);
    up.setTimestamp(timestamp + 1);
    QCoreApplication::sendEvent(target, &up);
}

// Types text into target, one key every gapMs from start, then Enter when asked.
ulong type(QObject* target, const QString& text, ulong start, int gapMs, bool enter)
{
    ulong t = start;
    for (QChar c : text) {
        press(target, c.toUpper().unicode(), QString(c), t);
        t += ulong(gapMs);
    }
    if (enter)
        press(target, Qt::Key_Return, QStringLiteral("\r"), t);
    return t;
}
} // namespace

class TestHidScannerInput : public QObject
{
    Q_OBJECT

private slots:
    void scannerBurstIsCapturedWhereverTheFocusIs()
    {
        FakeClock clock;
        HidScannerInput scanner(clock);
        qApp->installEventFilter(&scanner);
        Field field;
        QSignalSpy scanned(&scanner, &HidScannerInput::scanned);
        const QString code = QStringLiteral("058179015729||Dang Thuy Duong|03011952|Nu|To 5|07042016");
        type(&field, code, 1000, 4, true);
        QCOMPARE(scanned.size(), 1);
        QCOMPARE(scanned.first().first().toString(), code);
        QTest::qWait(100); // nothing held back is delivered later either
        QCOMPARE(field.typed, QString());
        QCOMPARE(field.enters, 0);
        qApp->removeEventFilter(&scanner);
    }

    void personTypingReachesTheField()
    {
        FakeClock clock;
        HidScannerInput scanner(clock);
        qApp->installEventFilter(&scanner);
        Field field;
        QSignalSpy scanned(&scanner, &HidScannerInput::scanned);
        type(&field, QStringLiteral("Nguyen Van An"), 1000, 140, true);
        QTRY_COMPARE(field.typed, QStringLiteral("Nguyen Van An"));
        QCOMPARE(field.enters, 1);
        QCOMPARE(scanned.size(), 0);
        qApp->removeEventFilter(&scanner);
    }

    void shortFastBurstIsTypingNotAScan()
    {
        FakeClock clock;
        HidScannerInput scanner(clock);
        qApp->installEventFilter(&scanner);
        Field field;
        QSignalSpy scanned(&scanner, &HidScannerInput::scanned);
        // Two keys rolled quickly, then Enter: a person, and the Enter comes after the keys.
        type(&field, QStringLiteral("ok"), 1000, 10, true);
        QTRY_COMPARE(field.typed, QStringLiteral("ok"));
        QCOMPARE(field.enters, 1);
        QCOMPARE(scanned.size(), 0);
        qApp->removeEventFilter(&scanner);
    }

    void scanAfterTyping()
    {
        FakeClock clock;
        HidScannerInput scanner(clock);
        qApp->installEventFilter(&scanner);
        Field field;
        QSignalSpy scanned(&scanner, &HidScannerInput::scanned);
        const ulong end = type(&field, QStringLiteral("An"), 1000, 150, false);
        type(&field, QStringLiteral("https://bluezone.vn/"), end + 500, 3, true);
        QTRY_COMPARE(field.typed, QStringLiteral("An"));
        QCOMPARE(scanned.size(), 1);
        QCOMPARE(scanned.first().first().toString(), QStringLiteral("https://bluezone.vn/"));
        qApp->removeEventFilter(&scanner);
    }
};

QTEST_MAIN(TestHidScannerInput)
#include "TestHidScannerInput.moc"
