// IdNumber: one spelling and one classification of every ID number (issue 11), the sentence for
// what is none, and a pass's stand-in kept as it is.
#include "common/IdNumber.h"

#include <QTest>

class TestIdNumber : public QObject
{
    Q_OBJECT

private slots:
    void valid_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("stored");
        QTest::addColumn<int>("kind");
        using K = IdNumber::Kind;
        QTest::addRow("CCCD") << QStringLiteral("046190000001") << QStringLiteral("046190000001") << int(K::Cccd);
        QTest::addRow("CCCD spaced") << QStringLiteral("046 190 000 001") << QStringLiteral("046190000001")
                                     << int(K::Cccd);
        QTest::addRow("CCCD dotted, dashed, padded")
            << QStringLiteral("  046.190-000 001\t") << QStringLiteral("046190000001") << int(K::Cccd);
        QTest::addRow("CCCD with a no-break space")
            << QStringLiteral("046\u00a0190000001") << QStringLiteral("046190000001") << int(K::Cccd);
        QTest::addRow("CMND") << QStringLiteral("191 234 567") << QStringLiteral("191234567") << int(K::Cmnd);
        QTest::addRow("Vietnamese passport")
            << QStringLiteral("c1234567") << QStringLiteral("C1234567") << int(K::Passport);
        QTest::addRow("foreign passport, letters inside")
            << QStringLiteral("ya-000 0000") << QStringLiteral("YA0000000") << int(K::Passport);
        QTest::addRow("pass stand-in, case kept")
            << QStringLiteral("PASS:p-7a.Xy") << QStringLiteral("PASS:p-7a.Xy") << int(K::Pass);
    }

    void valid()
    {
        QFETCH(QString, typed);
        QFETCH(QString, stored);
        QFETCH(int, kind);
        const auto number = IdNumber::parse(typed);
        QVERIFY2(number.ok(), number.ok() ? "" : qPrintable(number.error().message()));
        QCOMPARE(number->text(), stored);
        QCOMPARE(int(number->kind()), kind);
        QCOMPARE(IdNumber::normalised(typed), stored);
        QVERIFY(!number->kindName().isEmpty());
    }

    void notAnIdNumber_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addRow("empty") << QString();
        QTest::addRow("spaces") << QStringLiteral("   ");
        QTest::addRow("11 digits") << QStringLiteral("04619000000");
        QTest::addRow("13 digits") << QStringLiteral("0461900000011");
        QTest::addRow("10 digits") << QStringLiteral("0461900000");
        QTest::addRow("too short a passport") << QStringLiteral("C123");
        QTest::addRow("too long a passport") << QStringLiteral("C12345678X");
        QTest::addRow("other characters") << QStringLiteral("0461900/0001");
        QTest::addRow("letters with marks") << QStringLiteral("Đ1234567");
        QTest::addRow("a bare pass prefix") << QStringLiteral("PASS:");
        QTest::addRow("markup") << QStringLiteral("<b>046190000001</b>");
    }

    void notAnIdNumber()
    {
        QFETCH(QString, typed);
        const auto number = IdNumber::parse(typed);
        QVERIFY(!number.ok());
        QCOMPARE(number.error().kind(), Error::Kind::Usage);
        QVERIFY(!number.error().message().isEmpty());
    }

    void forPass()
    {
        const IdNumber pass = IdNumber::forPass(QStringLiteral("P-424418"));
        QCOMPARE(pass.text(), QStringLiteral("PASS:P-424418"));
        QCOMPARE(pass.kind(), IdNumber::Kind::Pass);
        QCOMPARE(IdNumber::parse(pass.text()).value(), pass);
        // Issue 24: typed, a pass's stand-in is not a number.
        const auto typed = IdNumber::parseTyped(QStringLiteral(" PASS:P-424418"));
        QVERIFY(!typed.ok());
        QVERIFY2(typed.error().message().contains(QStringLiteral("visitor pass")), qPrintable(typed.error().message()));
        QCOMPARE(IdNumber::parseTyped(QStringLiteral("046 190 000 001")).value().kind(), IdNumber::Kind::Cccd);
    }
};

QTEST_GUILESS_MAIN(TestIdNumber)
#include "TestIdNumber.moc"
