// PinHash: a PIN is stored only as a salted scrypt hash that matches it and nothing else.
#include "crypto/PinHash.h"

#include <QTest>

class TestPinHash : public QObject
{
    Q_OBJECT

private slots:
    void matchesItsPinOnly()
    {
        const auto hash = PinHash::make(QStringLiteral("246810"));
        QVERIFY(hash.ok());
        QVERIFY(hash->startsWith("scrypt$15$8$1$"));
        QVERIFY(!hash->contains("246810"));
        QVERIFY(PinHash::matches(hash.value(), QStringLiteral("246810")));
        for (const QString& other : {QStringLiteral("246811"), QStringLiteral("2468100"), QStringLiteral("24681"),
                                     QString(), QStringLiteral(" 246810")})
            QVERIFY2(!PinHash::matches(hash.value(), other), qPrintable(other));
    }

    void saltedSoTheSamePinHashesTwoWays()
    {
        const QByteArray first = PinHash::make(QStringLiteral("135790")).value();
        const QByteArray second = PinHash::make(QStringLiteral("135790")).value();
        QVERIFY(first != second);
        QVERIFY(PinHash::matches(first, QStringLiteral("135790")));
        QVERIFY(PinHash::matches(second, QStringLiteral("135790")));
    }

    void whatCannotBeReadNeverMatches_data()
    {
        QTest::addColumn<QByteArray>("stored");
        QTest::addRow("empty") << QByteArray();
        QTest::addRow("the PIN itself") << QByteArray("135790");
        QTest::addRow("another scheme") << QByteArray("md5$abc$def");
        QTest::addRow("too few parts") << QByteArray("scrypt$15$8$1$c2FsdA==");
        QTest::addRow("absurd cost") << QByteArray("scrypt$40$8$1$c2FsdHNhbHRzYWx0c2FsdA==$"
                                                   "aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g=");
        QTest::addRow("short hash") << QByteArray("scrypt$15$8$1$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaA==");
    }

    void whatCannotBeReadNeverMatches()
    {
        QFETCH(QByteArray, stored);
        QVERIFY(!PinHash::matches(stored, QStringLiteral("135790")));
    }
};

QTEST_GUILESS_MAIN(TestPinHash)
#include "TestPinHash.moc"
