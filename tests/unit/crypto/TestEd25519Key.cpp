// Ed25519Key and TrustStore: keys made, written and read back as OpenSSL writes them; signatures
// that verify and ones that must not; files that are not Ed25519 keys.
#include "crypto/TrustStore.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>

class TestEd25519Key : public QObject
{
    Q_OBJECT

private slots:
    void signAndVerify()
    {
        auto key = Ed25519Key::generate();
        QVERIFY(key.ok());
        QVERIFY(key->hasPrivateKey());
        QCOMPARE(key->publicKey().size(), 32);
        const QByteArray message = "eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJUw6JuIn0";
        const QByteArray signature = key->sign(message);
        QCOMPARE(signature.size(), 64);
        QVERIFY(key->verify(message, signature));
        QByteArray changed = message;
        changed[5] = char(changed[5] ^ 1);
        QVERIFY(!key->verify(changed, signature));
        QByteArray forged = signature;
        forged[10] = char(forged[10] ^ 0x40);
        QVERIFY(!key->verify(message, forged));
        QVERIFY(!key->verify(message, signature.left(63)));
        // Another key does not verify it.
        QVERIFY(!Ed25519Key::generate()->verify(message, signature));
    }

    void pemRoundTrip()
    {
        auto key = Ed25519Key::generate();
        QVERIFY(key->privatePem().startsWith("-----BEGIN PRIVATE KEY-----")); // PKCS#8
        QVERIFY(key->publicPem().startsWith("-----BEGIN PUBLIC KEY-----"));   // SubjectPublicKeyInfo
        auto privateAgain = Ed25519Key::fromPem(key->privatePem());
        auto publicAgain = Ed25519Key::fromPem(key->publicPem());
        QVERIFY(privateAgain.ok() && publicAgain.ok());
        QVERIFY(privateAgain->hasPrivateKey());
        QVERIFY(!publicAgain->hasPrivateKey());
        QCOMPARE(publicAgain->publicKey(), key->publicKey());
        QVERIFY(publicAgain->sign("x").isEmpty());
        QVERIFY(publicAgain->verify("x", privateAgain->sign("x")));
    }

    void keyIdIsTheHashOfThePublicKey()
    {
        auto key = Ed25519Key::generate();
        // formats/visitor-pass.md: the first 8 bytes of SHA-256 of the raw key, 16 hex digits.
        const QString expected =
            QString::fromLatin1(QCryptographicHash::hash(key->publicKey(), QCryptographicHash::Sha256).left(8).toHex());
        QCOMPARE(key->keyId(), expected);
        QCOMPARE(key->keyId().size(), 16);
    }

    void sharedSampleKey()
    {
        const QString path = QStringLiteral(GATEHOUSE_SHARED_SAMPLES "/qr-frames/keys/site.pub.pem");
        if (!QFileInfo::exists(path))
            QSKIP("../shared/samples is not on this machine.");
        auto key = Ed25519Key::load(path);
        QVERIFY2(key.ok(), key.ok() ? "" : qPrintable(key.error().message()));
        // The kid the sample's valid passes carry.
        QCOMPARE(key->keyId(), QStringLiteral("82c5e7f470e9143e"));
    }

    void notEd25519Keys_data()
    {
        QTest::addColumn<QByteArray>("pem");
        // Real keys of other kinds, made with `openssl genpkey -algorithm EC -pkeyopt
        // ec_paramgen_curve:P-256` and `openssl genpkey -algorithm ed448`.
        QTest::addRow("EC P-256 key") << QByteArray("-----BEGIN PRIVATE KEY-----\n"
                                                    "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgZPvlkzn/pxvgPQKQ\n"
                                                    "+CUppTtjV0hUKvOeiXWUYq4RUsahRANCAAT4fIJAzZ7LInjSmWBpfHuDS+QHskbP\n"
                                                    "HLPh6hxWoOhAZWr9Xg1UDpedn4mb9TO3otjQ657ULBIvN1Uc07UzORP1\n"
                                                    "-----END PRIVATE KEY-----\n");
        QTest::addRow("Ed448 key") << QByteArray("-----BEGIN PRIVATE KEY-----\n"
                                                 "MEcCAQAwBQYDK2VxBDsEOVf/CXrRV7rE0U2NXOE8UQgX4UIDSl7nI/nizwx8p7k3\n"
                                                 "kw1X7nNXIlvJkrO8fKK0NjV2h3te7+QTZw==\n"
                                                 "-----END PRIVATE KEY-----\n");
        QTest::addRow("not PEM") << QByteArray("hello");
        QTest::addRow("empty") << QByteArray();
        QTest::addRow("truncated") << QByteArray(
            "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----\n");
    }

    void notEd25519Keys()
    {
        QFETCH(QByteArray, pem);
        auto key = Ed25519Key::fromPem(pem);
        QVERIFY(!key.ok());
        QCOMPARE(key.error().kind(), Error::Kind::Input);
    }

    void trustStoreFindsByKeyId()
    {
        QTemporaryDir dir;
        auto first = Ed25519Key::generate();
        auto second = Ed25519Key::generate();
        for (const auto& [name, pem] :
             {std::pair{"a.pem", first->publicPem()}, std::pair{"b.pem", second->publicPem()},
              std::pair{"junk.pem", QByteArray("not a key")}, std::pair{"readme.txt", QByteArray("ignored")}}) {
            QFile file(dir.filePath(QString::fromLatin1(name)));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(pem);
        }
        auto store = TrustStore::load(dir.path());
        QVERIFY(store.ok());
        QCOMPARE(store->size(), 2);
        QCOMPARE(store->warnings().size(), 1); // junk.pem, named
        QVERIFY(store->warnings().first().contains(QStringLiteral("junk.pem")));
        QVERIFY(store->find(first->keyId()));
        QCOMPARE(store->find(second->keyId())->publicKey(), second->publicKey());
        QVERIFY(!store->find(QStringLiteral("0000000000000000")));
        QVERIFY(!TrustStore::load(dir.filePath(QStringLiteral("absent"))).ok());
    }
};

QTEST_GUILESS_MAIN(TestEd25519Key)
#include "TestEd25519Key.moc"
