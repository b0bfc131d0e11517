// SuppliedText: what a visitor typed or a code carried, cleaned of control and bidirectional
// formatting characters and bounded before it is stored or shown (issue 11).
#include "common/SuppliedText.h"

#include <QTest>

class TestSuppliedText : public QObject
{
    Q_OBJECT

private slots:
    void cleaned_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::addRow("Vietnamese kept") << QStringLiteral("Nguyễn Thị Hoa") << QStringLiteral("Nguyễn Thị Hoa");
        QTest::addRow("spaces made one") << QStringLiteral("  Nguyễn   Thị  Hoa ") << QStringLiteral("Nguyễn Thị Hoa");
        QTest::addRow("line breaks become spaces")
            << QStringLiteral("12 Lê Lợi\r\nPhú Hội\tHuế") << QStringLiteral("12 Lê Lợi Phú Hội Huế");
        QTest::addRow("bell and NUL") << QStringLiteral("An") + QChar(0x07) + QChar(0x00) + QStringLiteral(" Bình")
                                      << QStringLiteral("An Bình");
        QTest::addRow("C1 controls") << QStringLiteral("An\u0085\u009b Bình") << QStringLiteral("An Bình");
        QTest::addRow("right-to-left override") << QStringLiteral("Hoa\u202egnp.exe") << QStringLiteral("Hoagnp.exe");
        QTest::addRow("every bidi control")
            << QStringLiteral("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069An")
            << QStringLiteral("An");
        QTest::addRow("markup is text, not removed")
            << QStringLiteral("<h1>FREE ENTRY</h1>") << QStringLiteral("<h1>FREE ENTRY</h1>");
        QTest::addRow("emoji kept") << QStringLiteral("An 🙂") << QStringLiteral("An 🙂");
    }

    void cleaned()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(SuppliedText::clean(text, SuppliedText::MAX_NAME), expected);
    }

    void bounded()
    {
        QCOMPARE(SuppliedText::clean(QString(500, u'a'), SuppliedText::MAX_NAME).size(), SuppliedText::MAX_NAME);
        // A character outside the BMP is two UTF-16 units: the cut never leaves half of one.
        const QString faces = QString(SuppliedText::MAX_NAME - 1, u'a') + QStringLiteral("🙂🙂");
        const QString cut = SuppliedText::clean(faces, SuppliedText::MAX_NAME);
        QCOMPARE(cut, QString(SuppliedText::MAX_NAME - 1, u'a'));
        QVERIFY(!cut.back().isHighSurrogate());
    }
};

QTEST_GUILESS_MAIN(TestSuppliedText)
#include "TestSuppliedText.moc"
