// CaptureLineParser: every shape of line formats/ble-capture.md allows, and every way a line is
// rejected, with its reason.
#include "ble/CaptureLineParser.h"
#include "ble/CaptureWriter.h"

#include <QTest>

namespace {
QByteArray payloadOf(const std::optional<std::span<const quint8>>& span)
{
    if (!span)
        return QByteArray("<absent>");
    return QByteArray(reinterpret_cast<const char*>(span->data()), static_cast<qsizetype>(span->size()));
}
} // namespace

class TestCaptureLineParser : public QObject
{
    Q_OBJECT

private slots:
    void decodedKeys()
    {
        Advertisement advert;
        const auto outcome =
            CaptureLineParser::parse("{\"t\": 670378, \"addr\": \"75:C7:97:FF:08:A6\", \"rssi\": -83, \"uuids\": "
                                     "[\"b82ab3fc-1595-4f6a-80f0-fe094cc218f9\", \"4e56\"], \"mfr\": {\"03ff\": "
                                     "\"4a524d\"}, \"svc\": {\"fd6f\": \"0102\"}, \"tx\": -10, \"name\": \"Phone\"}",
                                     advert);
        QVERIFY2(outcome.accepted, qPrintable(outcome.reason));
        QCOMPARE(advert.timeMs, 670378);
        QCOMPARE(advert.addressText(), QStringLiteral("75:C7:97:FF:08:A6"));
        QCOMPARE(advert.rssi, -83);
        QVERIFY(advert.hasServiceUuid(QBluetoothUuid(QStringLiteral("B82AB3FC-1595-4F6A-80F0-FE094CC218F9"))));
        QVERIFY(advert.hasServiceUuid(QBluetoothUuid(quint16(0x4E56))));
        QCOMPARE(payloadOf(advert.manufacturerDataFor(0x03FF)), QByteArray::fromHex("4a524d"));
        QCOMPARE(payloadOf(advert.serviceDataFor(QBluetoothUuid(quint16(0xFD6F)))), QByteArray::fromHex("0102"));
        QCOMPARE(advert.txPower.value_or(0), -10);
        QCOMPARE(advert.localName, QStringLiteral("Phone"));
    }

    void rawAdData()
    {
        Advertisement advert;
        const auto outcome = CaptureLineParser::parse("{\"t\":4979,\"addr\":\"42:3C:FD:E6:F1:C2\",\"rssi\":-94,\"ad\":"
                                                      "\"02011a0303564e0fffb522507c3b3c88f9c44a8d2184fa\"}",
                                                      advert);
        QVERIFY(outcome.accepted);
        QVERIFY(!outcome.adProblem);
        QCOMPARE(payloadOf(advert.manufacturerDataFor(0x22B5)), QByteArray::fromHex("507c3b3c88f9c44a8d2184fa"));
    }

    void theNilUuidReadsBackAsWritten()
    {
        // 16 zero bytes in a 128-bit UUID list of raw AD data: written as the nil UUID, and read
        // back (FuzzCaptureLine: the line written from it was refused, "not a Bluetooth UUID").
        Advertisement advert;
        const auto outcome = CaptureLineParser::parse(
            "{\"t\":1,\"addr\":\"42:3C:FD:E6:F1:C2\",\"rssi\":-50,\"ad\":\"110700000000000000000000000000000000\"}",
            advert);
        QVERIFY(outcome.accepted);
        QCOMPARE(advert.serviceUuids.size(), 1);
        const QByteArray line = CaptureWriter::line(advert);
        QVERIFY2(line.contains("\"00000000-0000-0000-0000-000000000000\""), line.constData());
        Advertisement again;
        const auto reread = CaptureLineParser::parse(std::string_view(line.constData(), size_t(line.size())), again);
        QVERIFY2(reread.accepted, qPrintable(reread.reason));
        QCOMPARE(CaptureWriter::line(again), line);
    }

    void theLastMillisecondOfYear9999()
    {
        Advertisement advert;
        const auto outcome = CaptureLineParser::parse(
            "{\"t\":253402300799999,\"addr\":\"42:3C:FD:E6:F1:C2\",\"rssi\":-50,\"name\":\"x\"}", advert);
        QVERIFY(outcome.accepted);
        QCOMPARE(advert.timeMs, CaptureLineParser::MAX_TIME_MS);
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(advert.timeMs, Qt::UTC).date(), QDate(9999, 12, 31));
    }

    void malformedAdKeepsTheLine()
    {
        Advertisement advert;
        const auto outcome = CaptureLineParser::parse(
            "{\"t\":1,\"addr\":\"42:3C:FD:E6:F1:C2\",\"rssi\":-50,\"ad\":\"0303564e0fffb522\"}", advert);
        QVERIFY(outcome.accepted);
        QCOMPARE(outcome.adProblem.kind, AdProblem::Kind::Overrun);
        QVERIFY(advert.hasServiceUuid(QBluetoothUuid(quint16(0x4E56))));
        QVERIFY(advert.manufacturerData.isEmpty());
    }

    void jsonDetails_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("name");
        QTest::addRow("escapes")
            << QByteArray("{\"t\":1,\"addr\":\"00:00:00:00:00:01\",\"rssi\":-1,\"name\":\"a\\\"b\\\\c\\/d\\n\"}")
            << QStringLiteral("a\"b\\c/d\n");
        QTest::addRow("unicode escape")
            << QByteArray("{\"t\":1,\"addr\":\"00:00:00:00:00:01\",\"rssi\":-1,\"name\":\"\\u0110\\u00e0\"}")
            << QStringLiteral("Đà");
        QTest::addRow("surrogate pair")
            << QByteArray("{\"t\":1,\"addr\":\"00:00:00:00:00:01\",\"rssi\":-1,\"name\":\"\\ud83d\\ude00\"}")
            << QString::fromUtf8("\xF0\x9F\x98\x80");
        QTest::addRow("raw UTF-8") << QByteArray("{\"t\":1,\"addr\":\"00:00:00:00:00:01\",\"rssi\":-1,\"name\":\"Tạ\"}")
                                   << QStringLiteral("Tạ");
        QTest::addRow("whitespace everywhere")
            << QByteArray(" { \"t\" : 1 ,\t\"addr\" : \"00:00:00:00:00:01\" , \"rssi\" : -1 , \"name\" : \"x\" } \r")
            << QStringLiteral("x");
        QTest::addRow("unknown keys of every kind")
            << QByteArray("{\"x\":{\"a\":[1,2.5e3,true,false,null,{\"b\":\"c\"}]},\"t\":1,\"addr\":\"00:00:00:00:00:"
                          "01\",\"rssi\":-1,\"name\":\"y\",\"z\":-0.5}")
            << QStringLiteral("y");
        QTest::addRow("upper-case hex keys")
            << QByteArray(
                   "{\"t\":1,\"addr\":\"00:00:00:00:00:01\",\"rssi\":-1,\"name\":\"u\",\"mfr\":{\"22B5\":\"AABB\"}}")
            << QStringLiteral("u");
    }

    void jsonDetails()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, name);
        Advertisement advert;
        const auto outcome = CaptureLineParser::parse(std::string_view(line.constData(), size_t(line.size())), advert);
        QVERIFY2(outcome.accepted, qPrintable(outcome.reason));
        QCOMPARE(advert.localName, name);
    }

    void rejected_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("reason");
        const QString notJson = QStringLiteral("not valid JSON");
        QTest::addRow("not json at all") << QByteArray("not json at all") << notJson;
        // An ordinary literal: moc miscounts braces inside raw strings.
        QTest::addRow("broken json") << QByteArray("{\"t\": 5, \"addr\": \"broken json") << notJson;
        QTest::addRow("empty object then junk") << QByteArray("{}x") << QStringLiteral("text after the JSON object");
        QTest::addRow("array") << QByteArray("[1,2]") << QStringLiteral("not a JSON object");
        QTest::addRow("missing t") << QByteArray(
                                          "{\"addr\":\"46:AD:E9:EE:15:41\",\"rssi\":-40,\"mfr\":{\"22b5\":\"aa\"}}")
                                   << QStringLiteral("required key \"t\" is missing");
        QTest::addRow("missing addr") << QByteArray("{\"t\":1,\"rssi\":-40,\"name\":\"x\"}")
                                      << QStringLiteral("required key \"addr\" is missing");
        QTest::addRow("missing rssi") << QByteArray("{\"t\":1,\"addr\":\"46:AD:E9:EE:15:41\",\"name\":\"x\"}")
                                      << QStringLiteral("required key \"rssi\" is missing");
        QTest::addRow("no data") << QByteArray("{\"t\":1,\"addr\":\"46:AD:E9:EE:15:41\",\"rssi\":-40}")
                                 << QStringLiteral("neither \"ad\" nor any decoded key");
        QTest::addRow("t is a string") << QByteArray("{\"t\":\"yesterday\",\"addr\":7,\"rssi\":\"loud\"}")
                                       << QStringLiteral("key \"t\" has the wrong type");
        QTest::addRow("t is a fraction") << QByteArray(
                                                "{\"t\":1.5,\"addr\":\"46:AD:E9:EE:15:41\",\"rssi\":-4,\"name\":\"x\"}")
                                         << QStringLiteral("key \"t\" has the wrong type");
        QTest::addRow("t is negative") << QByteArray(
                                              "{\"t\":-1,\"addr\":\"46:AD:E9:EE:15:41\",\"rssi\":-4,\"name\":\"x\"}")
                                       << QStringLiteral("key \"t\" is out of range");
        QTest::addRow("t overflows")
            << QByteArray("{\"t\":99999999999999999999,\"addr\":\"46:AD:E9:EE:15:41\",\"rssi\":-4,\"name\":\"x\"}")
            << QStringLiteral("key \"t\" has the wrong type");
        // Issue 12: a time near 2^63 overflowed the tracker and the replay's pacing.
        QTest::addRow("t near 2^63")
            << QByteArray("{\"t\":9223372036854775000,\"addr\":\"46:AD:E9:EE:15:41\",\"rssi\":-4,\"name\":\"x\"}")
            << QStringLiteral("key \"t\" is out of range");
        QTest::addRow("t in year 10000")
            << QByteArray("{\"t\":253402300800000,\"addr\":\"46:AD:E9:EE:15:41\",\"rssi\":-4,\"name\":\"x\"}")
            << QStringLiteral("key \"t\" is out of range");
        QTest::addRow("addr is a number") << QByteArray("{\"t\":1,\"addr\":7,\"rssi\":-4,\"name\":\"x\"}")
                                          << QStringLiteral("key \"addr\" has the wrong type");
        QTest::addRow("addr malformed") << QByteArray("{\"t\":1,\"addr\":\"46:AD:E9\",\"rssi\":-4,\"name\":\"x\"}")
                                        << QStringLiteral("not a device address");
        QTest::addRow("rssi is a string")
            << QByteArray("{\"t\":1,\"addr\":\"46:AD:E9:EE:15:41\",\"rssi\":\"loud\",\"name\":\"x\"}")
            << QStringLiteral("key \"rssi\" has the wrong type");
        QTest::addRow("rssi out of range")
            << QByteArray("{\"t\":1,\"addr\":\"46:AD:E9:EE:15:41\",\"rssi\":300,\"name\":\"x\"}")
            << QStringLiteral("key \"rssi\" is out of range");
        QTest::addRow("ad bad hex") << QByteArray(
                                           "{\"t\":1,\"addr\":\"46:AD:E9:EE:15:41\",\"rssi\":-4,\"ad\":\"0zz1\"}")
                                    << QStringLiteral("key \"ad\" holds bad hex");
        QTest::addRow("ad odd hex") << QByteArray("{\"t\":1,\"addr\":\"46:AD:E9:EE:15:41\",\"rssi\":-4,\"ad\":\"020\"}")
                                    << QStringLiteral("key \"ad\" holds bad hex");
        QTest::addRow("svc bad hex")
            << QByteArray("{\"t\":1,\"addr\":\"46:AD:E9:EE:15:41\",\"rssi\":-4,\"svc\":{\"fd6f\":\"nothex\"}}")
            << QStringLiteral("key \"svc\" holds bad hex");
        QTest::addRow("mfr bad hex")
            << QByteArray("{\"t\":1,\"addr\":\"46:AD:E9:EE:15:41\",\"rssi\":-4,\"mfr\":{\"22b5\":\"zzzz\"}}")
            << QStringLiteral("key \"mfr\" holds bad hex");
        QTest::addRow("mfr bad company")
            << QByteArray("{\"t\":1,\"addr\":\"46:AD:E9:EE:15:41\",\"rssi\":-4,\"mfr\":{\"22b\":\"aa\"}}")
            << QStringLiteral("company id");
        QTest::addRow("svc bad uuid")
            << QByteArray("{\"t\":1,\"addr\":\"46:AD:E9:EE:15:41\",\"rssi\":-4,\"svc\":{\"fd6g\":\"aa\"}}")
            << QStringLiteral("key \"svc\" holds a value that is not a Bluetooth UUID");
        QTest::addRow("uuid bad") << QByteArray(
                                         "{\"t\":1,\"addr\":\"46:AD:E9:EE:15:41\",\"rssi\":-4,\"uuids\":[\"4e56x\"]}")
                                  << QStringLiteral("key \"uuids\" holds a value that is not a Bluetooth UUID");
        QTest::addRow("uuids not array")
            << QByteArray("{\"t\":1,\"addr\":\"46:AD:E9:EE:15:41\",\"rssi\":-4,\"uuids\":\"4e56\"}")
            << QStringLiteral("key \"uuids\" has the wrong type");
        QTest::addRow("uuids of numbers")
            << QByteArray("{\"t\":1,\"addr\":\"46:AD:E9:EE:15:41\",\"rssi\":-4,\"uuids\":[20054]}")
            << QStringLiteral("key \"uuids\" has the wrong type");
        QTest::addRow("svc not object")
            << QByteArray("{\"t\":1,\"addr\":\"46:AD:E9:EE:15:41\",\"rssi\":-4,\"svc\":[\"fd6f\"]}")
            << QStringLiteral("key \"svc\" has the wrong type");
        QTest::addRow("tx fraction") << QByteArray("{\"t\":1,\"addr\":\"46:AD:E9:EE:15:41\",\"rssi\":-4,\"tx\":1.5}")
                                     << QStringLiteral("key \"tx\" has the wrong type");
        QTest::addRow("name not string") << QByteArray(
                                                "{\"t\":1,\"addr\":\"46:AD:E9:EE:15:41\",\"rssi\":-4,\"name\":5}")
                                         << QStringLiteral("key \"name\" has the wrong type");
        QTest::addRow("bad escape") << QByteArray(
                                           "{\"t\":1,\"addr\":\"46:AD:E9:EE:15:41\",\"rssi\":-4,\"name\":\"\\q\"}")
                                    << notJson;
        QTest::addRow("lone surrogate")
            << QByteArray("{\"t\":1,\"addr\":\"46:AD:E9:EE:15:41\",\"rssi\":-4,\"name\":\"\\udc00\"}") << notJson;
        QTest::addRow("control char in string")
            << QByteArray("{\"t\":1,\"addr\":\"46:AD:E9:EE:15:41\",\"rssi\":-4,\"name\":\"a\x01\"}") << notJson;
        QTest::addRow("leading zero") << QByteArray(
                                             "{\"t\":01,\"addr\":\"46:AD:E9:EE:15:41\",\"rssi\":-4,\"name\":\"x\"}")
                                      << notJson;
        QTest::addRow("too deep") << QByteArray("{\"x\":") + QByteArray(40, '[') + QByteArray(40, ']') + "}" << notJson;
        QTest::addRow("empty line") << QByteArray("   ") << notJson;
    }

    void rejected()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, reason);
        Advertisement advert;
        const auto outcome = CaptureLineParser::parse(std::string_view(line.constData(), size_t(line.size())), advert);
        QVERIFY(!outcome.accepted);
        QVERIFY2(outcome.reason.contains(reason), qPrintable(outcome.reason));
    }
};

QTEST_GUILESS_MAIN(TestCaptureLineParser)
#include "TestCaptureLineParser.moc"
