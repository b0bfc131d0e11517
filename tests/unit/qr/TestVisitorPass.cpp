// VisitorPass: every verdict of formats/visitor-pass.md, in its order, with keys made here.
#include "crypto/TrustStore.h"
#include "qr/PayloadRecognizer.h"
#include "qr/VisitorPass.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {
const QDateTime NOW(QDate(2026, 7, 30), QTime(9, 0), Qt::UTC);
constexpr auto B64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

// A pass with hand-made header and claims, signed by key: for the malformed cases.
QString craft(const Ed25519Key& key, const QByteArray& header, const QByteArray& claims)
{
    const QByteArray input = header.toBase64(B64) + '.' + claims.toBase64(B64);
    return QStringLiteral("GATEHOUSE:1:") + QString::fromLatin1(input + '.' + key.sign(input).toBase64(B64));
}
} // namespace

class TestVisitorPass : public QObject
{
    Q_OBJECT

private:
    Ed25519Key m_site = Ed25519Key::generate().value();
    Ed25519Key m_stranger = Ed25519Key::generate().value();
    TrustStore m_trust;

    QString issue(const Ed25519Key& key, const QDateTime& from, const QDateTime& to,
                  const QString& site = QStringLiteral("hue-dpc-01"))
    {
        return VisitorPass::issue(key, QStringLiteral("P424418"), QStringLiteral("Phạm Minh Đức"), site,
                                  QStringLiteral("Hoàng Thị Thu Hương"), NOW.addDays(-1), from, to);
    }

    QByteArray header() const
    {
        return "{\"alg\":\"EdDSA\",\"kid\":\"" + m_site.keyId().toLatin1() + "\",\"typ\":\"JWT\"}";
    }

private slots:
    void initTestCase() { m_trust.add(m_site); }

    void validPassCarriesItsClaims()
    {
        const QString text = issue(m_site, NOW.addSecs(-3600), NOW.addSecs(3600));
        QVERIFY(text.startsWith(QStringLiteral("GATEHOUSE:1:")));
        QVERIFY(!text.contains(QLatin1Char('='))); // base64url without padding
        const VisitorPass pass = VisitorPass::verify(text, m_trust, NOW, QStringLiteral("hue-dpc-01"));
        QCOMPARE(VisitorPass::verdictName(pass.verdict), QStringLiteral("valid"));
        QCOMPARE(pass.passId, QStringLiteral("P424418"));
        QCOMPARE(pass.fullName, QStringLiteral("Phạm Minh Đức"));
        QCOMPARE(pass.host, QStringLiteral("Hoàng Thị Thu Hương"));
        QCOMPARE(pass.site, QStringLiteral("hue-dpc-01"));
        QCOMPARE(pass.keyId, m_site.keyId());
        QCOMPARE(pass.validFrom, NOW.addSecs(-3600));
        QCOMPARE(pass.validTo, NOW.addSecs(3600));
    }

    void verdicts_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("verdict");
        QTest::addColumn<QString>("site");
        const QString good = issue(m_site, NOW.addSecs(-3600), NOW.addSecs(3600));
        const QString compact = good.mid(12);
        const QStringList parts = compact.split(QLatin1Char('.'));
        QTest::addRow("no prefix") << compact << "malformed" << QString();
        QTest::addRow("other version") << QStringLiteral("GATEHOUSE:2:") + compact << "malformed" << QString();
        QTest::addRow("two parts") << QStringLiteral("GATEHOUSE:1:") + parts[0] + u'.' + parts[1] << "malformed"
                                   << QString();
        QTest::addRow("four parts") << good + QStringLiteral(".AAAA") << "malformed" << QString();
        QTest::addRow("bad base64") << QStringLiteral("GATEHOUSE:1:") + parts[0] + QStringLiteral(".e*yJ.") + parts[2]
                                    << "malformed" << QString();
        QTest::addRow("padding") << good + QStringLiteral("==") << "malformed" << QString();
        // 64 signature bytes are 86 characters whose last carries 2 bits: its 4 spare bits set
        // spell the same signature differently.
        QString nonCanonical = good;
        const QChar last = nonCanonical.back();
        const QString alphabet = QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
        nonCanonical.back() = alphabet[alphabet.indexOf(last) | 1];
        if (nonCanonical != good)
            QTest::addRow("non-canonical base64") << nonCanonical << "malformed" << QString();
        QTest::addRow("empty signature") << QStringLiteral("GATEHOUSE:1:") + parts[0] + u'.' + parts[1] + u'.'
                                         << "malformed" << QString();
        QTest::addRow("header not JSON") << craft(m_site, "not json", "{}") << "malformed" << QString();
        const QByteArray claims = "\"jti\":\"P1\",\"sub\":\"An\",\"site\":\"s\",\"iat\":1785362400";
        const QByteArray times = ",\"nbf\":1785362400,\"exp\":1785398400";
        QTest::addRow("claims not an object") << craft(m_site, header(), "[1,2]") << "malformed" << QString();
        QTest::addRow("missing jti") << craft(m_site, header(),
                                              "{\"sub\":\"An\",\"site\":\"s\",\"iat\":1" + times + '}')
                                     << "malformed" << QString();
        QTest::addRow("missing exp") << craft(m_site, header(), "{" + claims + ",\"nbf\":1785362400}") << "malformed"
                                     << QString();
        QTest::addRow("exp as text") << craft(m_site, header(), "{" + claims + ",\"nbf\":1785362400,\"exp\":\"soon\"}")
                                     << "malformed" << QString();
        // Found by FuzzPayload (tests/fuzz/seeds/FuzzPayload/crash-e7268254...): a time beyond what
        // a 64-bit integer holds was converted before its range was checked (undefined behaviour).
        QTest::addRow("iat beyond 2^63") << craft(m_site, header(),
                                                  "{\"jti\":\"P1\",\"sub\":\"An\",\"site\":\"s\","
                                                  "\"iat\":17853624021785398400" +
                                                      times + '}')
                                         << "malformed" << QString();
        QTest::addRow("impossible date") << craft(m_site, header(), "{" + claims + ",\"nbf\":1785362400,\"exp\":1e300}")
                                         << "malformed" << QString();
        QTest::addRow("alg none") << craft(m_site, "{\"alg\":\"none\",\"kid\":\"" + m_site.keyId().toLatin1() + "\"}",
                                           "{" + claims + times + '}')
                                  << "malformed" << QString();
        QTest::addRow("alg HS256") << craft(m_site, "{\"alg\":\"HS256\",\"kid\":\"" + m_site.keyId().toLatin1() + "\"}",
                                            "{" + claims + times + '}')
                                   << "malformed" << QString();
        QTest::addRow("unknown key") << issue(m_stranger, NOW.addSecs(-3600), NOW.addSecs(3600)) << "unknown_key"
                                     << QString();
        // Signed by a stranger but claiming the site's kid: the signature is what fails.
        QTest::addRow("forged kid") << craft(m_stranger, header(), "{" + claims + times + '}') << "bad_signature"
                                    << QString();
        // The visitor's name edited, the JSON still valid, the signature left as it was.
        QByteArray claimsJson = QByteArray::fromBase64(parts[1].toLatin1(), QByteArray::Base64UrlEncoding);
        claimsJson.replace("Ph\xe1\xba\xa1m", "Phan");
        const QString tampered = QStringLiteral("GATEHOUSE:1:") + parts[0] + u'.' +
                                 QString::fromLatin1(claimsJson.toBase64(B64)) + u'.' + parts[2];
        QTest::addRow("claims changed") << tampered << "bad_signature" << QString();
        QString badSignature = good;
        badSignature[badSignature.size() - 3] = badSignature[badSignature.size() - 3] == u'A' ? u'B' : u'A';
        QTest::addRow("signature changed") << badSignature << "bad_signature" << QString();
        QTest::addRow("not yet valid") << issue(m_site, NOW.addSecs(1), NOW.addSecs(3600)) << "not_yet_valid"
                                       << QString();
        QTest::addRow("valid from now") << issue(m_site, NOW, NOW.addSecs(3600)) << "valid" << QString();
        QTest::addRow("expired") << issue(m_site, NOW.addSecs(-7200), NOW.addSecs(-1)) << "expired" << QString();
        QTest::addRow("expires now") << issue(m_site, NOW.addSecs(-7200), NOW) << "expired" << QString();
        QTest::addRow("other site") << issue(m_site, NOW.addSecs(-60), NOW.addSecs(60), QStringLiteral("other"))
                                    << "wrong_site" << QStringLiteral("hue-dpc-01");
        QTest::addRow("any site accepted")
            << issue(m_site, NOW.addSecs(-60), NOW.addSecs(60), QStringLiteral("other")) << "valid" << QString();
        // Checks run in the document's order: an expired pass from an unknown key is unknown_key.
        QTest::addRow("order: key before time")
            << issue(m_stranger, NOW.addSecs(-7200), NOW.addSecs(-1)) << "unknown_key" << QString();
    }

    void verdicts()
    {
        QFETCH(QString, text);
        QFETCH(QString, verdict);
        QFETCH(QString, site);
        const VisitorPass pass = VisitorPass::verify(text, m_trust, NOW, site);
        QCOMPARE(VisitorPass::verdictName(pass.verdict), verdict);
        QVERIFY(!VisitorPass::verdictSentence(pass.verdict).isEmpty());
        if (verdict == QLatin1String("malformed"))
            QVERIFY(!pass.detail.isEmpty());
    }

    void singleUsePasses()
    {
        QStringList used;
        const PayloadRecognizer recognizer(m_trust, QString(),
                                           [&used](const QString& id) { return used.contains(id); });
        const QString text = issue(m_site, NOW.addSecs(-60), NOW.addSecs(60));
        QCOMPARE(recognizer.recognize(text, NOW).valid, std::optional<bool>(true));
        used.append(QStringLiteral("P424418"));
        const QrPayload again = recognizer.recognize(text, NOW);
        QCOMPARE(again.valid, std::optional<bool>(false));
        QCOMPARE(again.reason, QStringLiteral("already_used"));
    }
};

QTEST_GUILESS_MAIN(TestVisitorPass)
#include "TestVisitorPass.moc"
