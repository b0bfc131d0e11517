// AdParser: every AD structure type a scanner meets, and every malformed case.
#include "ble/AdParser.h"

#include <QBluetoothAddress>
#include <QBluetoothDeviceInfo>
#include <QTest>

namespace {
QByteArray hex(const char* text)
{
    return QByteArray::fromHex(text);
}

std::span<const quint8> bytesOf(const QByteArray& data)
{
    return {reinterpret_cast<const quint8*>(data.constData()), static_cast<size_t>(data.size())};
}

QByteArray payloadOf(const std::optional<std::span<const quint8>>& span)
{
    if (!span)
        return QByteArray("<absent>");
    return QByteArray(reinterpret_cast<const char*>(span->data()), static_cast<qsizetype>(span->size()));
}
} // namespace

class TestAdParser : public QObject
{
    Q_OBJECT

private slots:
    void flags()
    {
        Advertisement advert;
        QVERIFY(!AdParser::parse(bytesOf(hex("02011a")), advert));
        QCOMPARE(advert.flags.value_or(0), quint8(0x1a));
    }

    void uuidLists_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QList<QBluetoothUuid>>("expected");
        const QBluetoothUuid bluezone(quint16(0x4E56));
        const QBluetoothUuid exposure(quint16(0xFD6F));
        // Little-endian on air (Core 5.3 Vol 3 Part C §11).
        QTest::addRow("16-bit incomplete") << hex("0302564e") << QList<QBluetoothUuid>{bluezone};
        QTest::addRow("16-bit complete, two") << hex("0503564e6ffd") << QList<QBluetoothUuid>{bluezone, exposure};
        QTest::addRow("32-bit incomplete")
            << hex("050478563412") << QList<QBluetoothUuid>{QBluetoothUuid(quint32(0x12345678))};
        QTest::addRow("32-bit complete") << hex("05056ffd0000") << QList<QBluetoothUuid>{exposure};
        const QBluetoothUuid ios(QStringLiteral("00004E56-73F5-4BC4-A12F-17D1AD07A667"));
        QTest::addRow("128-bit incomplete")
            << hex("110667a607add1172fa1c44bf573564e0000") << QList<QBluetoothUuid>{ios};
        QTest::addRow("128-bit complete") << hex("110767a607add1172fa1c44bf573564e0000") << QList<QBluetoothUuid>{ios};
        QTest::addRow("duplicates collapse") << hex("0302564e0303564e") << QList<QBluetoothUuid>{bluezone};
        QTest::addRow("empty list") << hex("0103") << QList<QBluetoothUuid>{};
    }

    void uuidLists()
    {
        QFETCH(QByteArray, data);
        QFETCH(QList<QBluetoothUuid>, expected);
        Advertisement advert;
        QVERIFY(!AdParser::parse(bytesOf(data), advert));
        QCOMPARE(QList<QBluetoothUuid>(advert.serviceUuids.cbegin(), advert.serviceUuids.cend()), expected);
    }

    void serviceData_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QBluetoothUuid>("uuid");
        QTest::addColumn<QByteArray>("payload");
        QTest::addRow("16-bit") << hex("07166ffd01020304") << QBluetoothUuid(quint16(0xFD6F)) << hex("01020304");
        QTest::addRow("16-bit, empty payload") << hex("03166ffd") << QBluetoothUuid(quint16(0xFD6F)) << QByteArray();
        QTest::addRow("32-bit") << hex("0720785634120a0b") << QBluetoothUuid(quint32(0x12345678)) << hex("0a0b");
        QTest::addRow("128-bit") << hex("132167a607add1172fa1c44bf573564e0000beef")
                                 << QBluetoothUuid(QStringLiteral("00004E56-73F5-4BC4-A12F-17D1AD07A667"))
                                 << hex("beef");
    }

    void serviceData()
    {
        QFETCH(QByteArray, data);
        QFETCH(QBluetoothUuid, uuid);
        QFETCH(QByteArray, payload);
        Advertisement advert;
        QVERIFY(!AdParser::parse(bytesOf(data), advert));
        QCOMPARE(payloadOf(advert.serviceDataFor(uuid)), payload);
    }

    void manufacturerData()
    {
        Advertisement advert;
        // Bluezone Android's real advert (formats/ble-capture.md, sample captures).
        QVERIFY(!AdParser::parse(bytesOf(hex("02011a0303564e0fffb522507c3b3c88f9c44a8d2184fa")), advert));
        QCOMPARE(payloadOf(advert.manufacturerDataFor(0x22B5)), hex("507c3b3c88f9c44a8d2184fa"));
        QVERIFY(advert.hasServiceUuid(QBluetoothUuid(quint16(0x4E56))));
        QCOMPARE(payloadOf(advert.manufacturerDataFor(0x004C)), QByteArray("<absent>"));
    }

    void localNames_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("complete");
        QTest::addRow("complete") << hex("0909426c75657a6f6e65") << QStringLiteral("Bluezone") << true;
        QTest::addRow("shortened") << hex("0508426c7565") << QStringLiteral("Blue") << false;
        QTest::addRow("complete wins over later short")
            << hex("0909426c75657a6f6e650508426c7565") << QStringLiteral("Bluezone") << true;
        QTest::addRow("complete wins over earlier short")
            << hex("0508426c75650909426c75657a6f6e65") << QStringLiteral("Bluezone") << true;
        QTest::addRow("UTF-8") << hex("0c09c490c3a06e672054e1baa1") << QStringLiteral("Đàng Tạ") << true;
    }

    void localNames()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, name);
        QFETCH(bool, complete);
        Advertisement advert;
        QVERIFY(!AdParser::parse(bytesOf(data), advert));
        QCOMPARE(advert.localName, name);
        QCOMPARE(advert.localNameComplete, complete);
    }

    void txPower()
    {
        Advertisement advert;
        QVERIFY(!AdParser::parse(bytesOf(hex("020af6")), advert));
        QCOMPARE(advert.txPower.value_or(0), -10);
        // -128 is outside the level's range (found by FuzzCaptureLine: it was written to a
        // capture line that then could not be read back).
        Advertisement none;
        QVERIFY(!AdParser::parse(bytesOf(hex("020a80")), none));
        QVERIFY(!none.txPower);
    }

    void unknownTypesAreSkipped()
    {
        Advertisement advert;
        QVERIFY(!AdParser::parse(bytesOf(hex("03190000"
                                             "0303564e")),
                                 advert));
        QVERIFY(advert.hasServiceUuid(QBluetoothUuid(quint16(0x4E56))));
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("offset");
        QTest::addColumn<bool>("keptFlags");
        using K = AdProblem::Kind;
        QTest::addRow("zero length") << hex("00") << int(K::ZeroLength) << 0 << false;
        QTest::addRow("zero length after flags") << hex("02011a00ff") << int(K::ZeroLength) << 3 << true;
        QTest::addRow("length runs past end") << hex("ff") << int(K::Overrun) << 0 << false;
        QTest::addRow("overrun after flags") << hex("02011a0fffb522") << int(K::Overrun) << 3 << true;
        QTest::addRow("flags without data") << hex("0101") << int(K::BadLength) << 0 << false;
        QTest::addRow("odd 16-bit list") << hex("02011a0403564e00") << int(K::BadLength) << 3 << true;
        QTest::addRow("short 32-bit list") << hex("0305abcd") << int(K::BadLength) << 0 << false;
        QTest::addRow("short 128-bit list") << hex("0507a6a7a8a9") << int(K::BadLength) << 0 << false;
        QTest::addRow("tx power of two bytes") << hex("030af6f6") << int(K::BadLength) << 0 << false;
        QTest::addRow("service data 16 without uuid") << hex("02166f") << int(K::BadLength) << 0 << false;
        QTest::addRow("service data 32 short") << hex("0420785634") << int(K::BadLength) << 0 << false;
        QTest::addRow("service data 128 short") << hex("0521a6a7a8a9") << int(K::BadLength) << 0 << false;
        QTest::addRow("manufacturer without company") << hex("02ffb5") << int(K::BadLength) << 0 << false;
    }

    void malformed()
    {
        QFETCH(QByteArray, data);
        QFETCH(int, kind);
        QFETCH(int, offset);
        QFETCH(bool, keptFlags);
        Advertisement advert;
        const AdProblem problem = AdParser::parse(bytesOf(data), advert);
        QVERIFY(problem);
        QCOMPARE(int(problem.kind), kind);
        QCOMPARE(problem.offset, offset);
        QVERIFY(!problem.describe().isEmpty());
        // What came before the malformed structure is kept (formats/ble-capture.md).
        QCOMPARE(advert.flags.has_value(), keptFlags);
        QVERIFY(advert.manufacturerData.isEmpty());
    }

    void deviceInfo()
    {
        QBluetoothDeviceInfo info(QBluetoothAddress(QStringLiteral("42:3C:FD:E6:F1:C2")), QStringLiteral("Bluezone"),
                                  0);
        info.setCoreConfigurations(QBluetoothDeviceInfo::LowEnergyCoreConfiguration);
        info.setRssi(-48);
        info.setServiceUuids({QBluetoothUuid(quint16(0x4E56))});
        info.setManufacturerData(0x22B5, hex("507c3b3c88f9c44a8d2184fa"));
        info.setServiceData(QBluetoothUuid(quint16(0xFD6F)), hex("0102"));
        const Advertisement advert = AdParser::fromDeviceInfo(info, 1234);
        QCOMPARE(advert.timeMs, 1234);
        QCOMPARE(advert.addressText(), QStringLiteral("42:3C:FD:E6:F1:C2"));
        QCOMPARE(advert.rssi, -48);
        QCOMPARE(advert.localName, QStringLiteral("Bluezone"));
        QVERIFY(advert.hasServiceUuid(QBluetoothUuid(quint16(0x4E56))));
        QCOMPARE(payloadOf(advert.manufacturerDataFor(0x22B5)), hex("507c3b3c88f9c44a8d2184fa"));
        QCOMPARE(payloadOf(advert.serviceDataFor(QBluetoothUuid(quint16(0xFD6F)))), hex("0102"));
    }

    void addressText()
    {
        QCOMPARE(Advertisement::parseAddress("42:3c:fd:e6:f1:c2").value_or(0), 0x423CFDE6F1C2ULL);
        QVERIFY(!Advertisement::parseAddress("42:3C:FD:E6:F1"));
        QVERIFY(!Advertisement::parseAddress("42-3C-FD-E6-F1-C2"));
        QVERIFY(!Advertisement::parseAddress("42:3C:FD:E6:F1:CG"));
        Advertisement advert;
        advert.address = 0x0102030405A6ULL;
        QCOMPARE(advert.addressText(), QStringLiteral("01:02:03:04:05:A6"));
    }
};

QTEST_GUILESS_MAIN(TestAdParser)
#include "TestAdParser.moc"
