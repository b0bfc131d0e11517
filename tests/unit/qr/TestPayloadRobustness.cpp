// PayloadRecognizer on hostile input, in the regular suite (the libFuzzer target in tests/fuzz
// needs clang): mutated passes and card texts, random bytes, deterministic from fixed seeds.
// A valid pass must never come out of a mutation of an invalid one, nor a text be taken for
// identity.
#include "qr/PayloadRecognizer.h"

#include <QRandomGenerator>
#include <QTest>

class TestPayloadRobustness : public QObject
{
    Q_OBJECT

private slots:
    void mutatedPayloads()
    {
        const Ed25519Key key = Ed25519Key::generate().value();
        TrustStore trust;
        trust.add(key);
        const PayloadRecognizer recognizer(trust);
        const QDateTime now(QDate(2026, 7, 30), QTime(9, 0), Qt::UTC);
        const QString pass =
            VisitorPass::issue(key, QStringLiteral("P1"), QStringLiteral("Lê Văn Tám"), QStringLiteral("site"),
                               QString(), now, now.addSecs(-60), now.addSecs(60));
        const QStringList seeds{pass, QStringLiteral("058179015729||Đặng Thuỳ Dương|03011952|Nữ|Huế|07042016"),
                                QStringLiteral("https://bluezone.vn/")};
        const QByteArray alphabet = "|.:-_=/+0123456789AZaz{}\"\\ \x00\xc3\xa1";
        QRandomGenerator random(2020);
        int stillValid = 0;
        for (int i = 0; i < 30000; ++i) {
            QByteArray bytes = seeds[i % seeds.size()].toUtf8();
            const int edits = random.bounded(1, 4);
            for (int e = 0; e < edits && !bytes.isEmpty(); ++e) {
                const auto at = random.bounded(bytes.size());
                switch (random.bounded(3)) {
                case 0:
                    bytes[at] = alphabet[random.bounded(alphabet.size())];
                    break;
                case 1:
                    bytes.remove(at, random.bounded(1, 8));
                    break;
                default:
                    bytes.insert(at, alphabet[random.bounded(alphabet.size())]);
                    break;
                }
            }
            const QString text = QString::fromUtf8(bytes);
            const QrPayload payload = recognizer.recognize(text, now);
            if (payload.kind == QrPayload::Kind::Url || payload.kind == QrPayload::Kind::Text) {
                QVERIFY(!payload.valid.has_value());
                continue;
            }
            QVERIFY(payload.valid.has_value());
            QCOMPARE(*payload.valid, payload.reason.isEmpty());
            if (payload.kind == QrPayload::Kind::Pass && *payload.valid) {
                // Only edits outside the signed bytes (none exist) could keep a pass valid:
                // a valid result must be the untouched pass.
                QCOMPARE(text, pass);
                ++stillValid;
            }
        }
        QVERIFY(stillValid < 100);
    }

    void randomBytes()
    {
        const PayloadRecognizer recognizer{TrustStore()};
        QRandomGenerator random(7);
        for (int i = 0; i < 20000; ++i) {
            QByteArray bytes(random.bounded(0, 600), Qt::Uninitialized);
            for (char& byte : bytes)
                byte = char(random.bounded(256));
            if (i % 3 == 0)
                bytes.prepend("GATEHOUSE:1:");
            const QrPayload payload = recognizer.recognize(QString::fromUtf8(bytes), QDateTime::currentDateTimeUtc());
            if (payload.valid)
                QVERIFY(!*payload.valid);
        }
    }
};

QTEST_GUILESS_MAIN(TestPayloadRobustness)
#include "TestPayloadRobustness.moc"
