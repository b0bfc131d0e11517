// CccdCard and PayloadRecognizer: citizen ID card texts, every malformed case of
// formats/cccd-qr.md, and what other texts are taken for.
#include "common/SuppliedText.h"
#include "qr/CccdCard.h"
#include "qr/PayloadRecognizer.h"

#include <QTest>

class TestCccdCard : public QObject
{
    Q_OBJECT

private slots:
    void wellFormed_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("oldId");
        QTest::addRow("with old number") << QStringLiteral(
                                                "079192199020|675359205|Phạm Minh Đức|18041993|Nữ|Thôn Lại Thế, "
                                                "Phú Thượng, Phú Vang, Thừa Thiên Huế|13082017")
                                         << QStringLiteral("675359205");
        QTest::addRow("without old number")
            << QStringLiteral("058179015729||Đặng Thuỳ Dương|03011952|Nữ|Tổ 5, Phường An Cựu, TP Huế|07042016")
            << QString();
        QTest::addRow("newer card, extra fields")
            << QStringLiteral("058179015729||Đặng Thuỳ Dương|03011952|Nữ|Tổ 5, Phường An Cựu, TP Huế|07042016|x|y")
            << QString();
        QTest::addRow("29 February of a leap year")
            << QStringLiteral("058179015729||Đặng Thuỳ Dương|29022000|Nữ|Huế|07042016") << QString();
    }

    void wellFormed()
    {
        QFETCH(QString, text);
        QFETCH(QString, oldId);
        auto card = CccdCard::parse(text);
        QVERIFY2(card.ok(), card.ok() ? "" : qPrintable(card.error().message()));
        QCOMPARE(card->idNumber.size(), 12);
        QCOMPARE(card->oldIdNumber, oldId);
        QVERIFY(card->dateOfBirth.isValid());
        QVERIFY(card->issueDate.isValid());
        QVERIFY(!card->fullName.isEmpty());
    }

    void sixFieldsWithoutTheOldNumber()
    {
        // Newer cards' QR as public readers report it: ID|name|DOB|sex|address|issue date.
        auto card = CccdCard::parse(QStringLiteral("058179015729|Đặng Thuỳ Dương|03011952|Nữ|Tổ 5, Phường An Cựu, TP "
                                                   "Huế|07042016"));
        QVERIFY2(card.ok(), card.ok() ? "" : qPrintable(card.error().message()));
        QCOMPARE(card->idNumber, QStringLiteral("058179015729"));
        QCOMPARE(card->oldIdNumber, QString());
        QCOMPARE(card->fullName, QStringLiteral("Đặng Thuỳ Dương"));
        QCOMPARE(card->dateOfBirth, QDate(1952, 1, 3));
        QCOMPARE(card->sex, QStringLiteral("Nữ"));
        QCOMPARE(card->address, QStringLiteral("Tổ 5, Phường An Cựu, TP Huế"));
        QCOMPARE(card->issueDate, QDate(2016, 4, 7));
        // ... and with further fields appended.
        QVERIFY(CccdCard::parse(QStringLiteral("058179015729|Đặng Thuỳ Dương|03011952|Nữ|Huế|07042016|x|y")).ok());
        const QrPayload payload =
            PayloadRecognizer(TrustStore())
                .recognize(QStringLiteral("058179015729|Đặng Thuỳ Dương|03011952|Nữ|Huế|07042016"),
                           QDateTime::currentDateTimeUtc());
        QCOMPARE(payload.kind, QrPayload::Kind::Cccd);
        QCOMPARE(payload.valid, std::optional<bool>(true));
    }

    void fieldsAreCleanedAndBounded()
    {
        // What the code says is shown and stored: no control or bidirectional-override
        // characters, and no more than a card holds.
        const QString name = QStringLiteral("Đặng\u202e Thuỳ\u0007 Dương") + QString(300, u'a');
        const QString address = QStringLiteral("Tổ 5\nAn Cựu\u2066") + QString(1000, u'b');
        auto card = CccdCard::parse(QStringLiteral("058179015729||%1|03011952|Nữ|%2|07042016").arg(name, address));
        QVERIFY(card.ok());
        QVERIFY(card->fullName.startsWith(QStringLiteral("Đặng Thuỳ Dương")));
        QCOMPARE(card->fullName.size(), SuppliedText::MAX_NAME);
        QVERIFY(card->address.startsWith(QStringLiteral("Tổ 5 An Cựu")));
        QCOMPARE(card->address.size(), SuppliedText::MAX_ADDRESS);
    }

    void fields()
    {
        auto card = CccdCard::parse(QStringLiteral("058179015729||Đặng Thuỳ Dương|03011952|Nữ|Tổ 5, Phường An Cựu, TP "
                                                   "Huế|07042016"));
        QVERIFY(card.ok());
        QCOMPARE(card->idNumber, QStringLiteral("058179015729"));
        QCOMPARE(card->fullName, QStringLiteral("Đặng Thuỳ Dương"));
        QCOMPARE(card->dateOfBirth, QDate(1952, 1, 3));
        QCOMPARE(card->sex, QStringLiteral("Nữ"));
        QCOMPARE(card->address, QStringLiteral("Tổ 5, Phường An Cựu, TP Huế"));
        QCOMPARE(card->issueDate, QDate(2016, 4, 7));
    }

    void malformed_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("reason");
        QTest::addRow("six fields") << QStringLiteral("058179015729||Đặng Thuỳ Dương|03011952|Nữ|Huế")
                                    << QStringLiteral("fewer than the 7");
        QTest::addRow("11-digit number") << QStringLiteral("05817901572||Dương|03011952|Nữ|Huế|07042016")
                                         << QStringLiteral("not 12 digits");
        QTest::addRow("13-digit number") << QStringLiteral("0581790157291||Dương|03011952|Nữ|Huế|07042016")
                                         << QStringLiteral("not 12 digits");
        QTest::addRow("letters in number")
            << QStringLiteral("05817901572X||Dương|03011952|Nữ|Huế|07042016") << QStringLiteral("not 12 digits");
        QTest::addRow("31 February") << QStringLiteral("058179015729||Dương|31021952|Nữ|Huế|07042016")
                                     << QStringLiteral("date of birth");
        QTest::addRow("29 February 2001")
            << QStringLiteral("058179015729||Dương|29022001|Nữ|Huế|07042016") << QStringLiteral("date of birth");
        QTest::addRow("month 13") << QStringLiteral("058179015729||Dương|03131952|Nữ|Huế|07042016")
                                  << QStringLiteral("date of birth");
        QTest::addRow("short date") << QStringLiteral("058179015729||Dương|3011952|Nữ|Huế|07042016")
                                    << QStringLiteral("date of birth");
        QTest::addRow("bad issue date") << QStringLiteral("058179015729||Dương|03011952|Nữ|Huế|00042016")
                                        << QStringLiteral("issue date");
        QTest::addRow("empty name") << QStringLiteral("058179015729|||03011952|Nữ|Huế|07042016")
                                    << QStringLiteral("name is empty");
        // A second field that is no number is a name (the six-field layout): then the third is
        // no date of birth.
        QTest::addRow("letters in old number")
            << QStringLiteral("058179015729|67535920X|Dương|03011952|Nữ|Huế|07042016")
            << QStringLiteral("date of birth");
        QTest::addRow("five fields of the six-field layout")
            << QStringLiteral("058179015729|Đặng Thuỳ Dương|03011952|Nữ|Huế") << QStringLiteral("fewer than the 6");
    }

    void malformed()
    {
        QFETCH(QString, text);
        QFETCH(QString, reason);
        auto card = CccdCard::parse(text);
        QVERIFY(!card.ok());
        QVERIFY2(card.error().message().contains(reason), qPrintable(card.error().message()));
        // Through the recognizer it is a card, refused as malformed, with the reason.
        const QrPayload payload = PayloadRecognizer(TrustStore()).recognize(text, QDateTime::currentDateTimeUtc());
        QCOMPARE(payload.kind, QrPayload::Kind::Cccd);
        QCOMPARE(payload.valid, std::optional<bool>(false));
        QCOMPARE(payload.reason, QStringLiteral("malformed"));
        QCOMPARE(payload.detail, card.error().message());
    }

    void otherTexts_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("kind");
        QTest::addRow("https") << QStringLiteral("https://bluezone.vn/") << QStringLiteral("url");
        QTest::addRow("http with path") << QStringLiteral("http://www.bluezone.gov.vn/tai-ve?x=1")
                                        << QStringLiteral("url");
        QTest::addRow("wifi") << QStringLiteral("WIFI:S:Lobby;T:WPA;P:hue2020;;") << QStringLiteral("text");
        QTest::addRow("mailto") << QStringLiteral("mailto:le.tan@hue.gov.vn") << QStringLiteral("text");
        QTest::addRow("plain") << QStringLiteral("Xin chào") << QStringLiteral("text");
        QTest::addRow("few pipes without digits") << QStringLiteral("a|b|c") << QStringLiteral("text");
        QTest::addRow("pass prefix only") << QStringLiteral("GATEHOUSE:1:") << QStringLiteral("pass");
    }

    void otherTexts()
    {
        QFETCH(QString, text);
        QFETCH(QString, kind);
        const QrPayload payload = PayloadRecognizer(TrustStore()).recognize(text, QDateTime::currentDateTimeUtc());
        QCOMPARE(QrPayload::kindName(payload.kind), kind);
        if (kind == QLatin1String("url") || kind == QLatin1String("text")) {
            // Never taken for identity.
            QVERIFY(!payload.valid.has_value());
            QVERIFY(payload.fields.isEmpty());
        }
    }

    void hugePayloadsAreRefused()
    {
        const QString text = QStringLiteral("GATEHOUSE:1:") + QString(5000, QLatin1Char('A'));
        const QrPayload payload = PayloadRecognizer(TrustStore()).recognize(text, QDateTime::currentDateTimeUtc());
        QCOMPARE(payload.valid, std::optional<bool>(false));
        QCOMPARE(payload.reason, QStringLiteral("too_large"));
        QVERIFY(!payload.pass);
    }
};

QTEST_GUILESS_MAIN(TestCccdCard)
#include "TestCccdCard.moc"
