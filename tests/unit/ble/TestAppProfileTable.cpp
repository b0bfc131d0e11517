// AppProfileTable: each tracing app's signature, the near misses that must not match, and
// profiles a site adds in its configuration.
#include "ble/AppProfileTable.h"
#include "ble/CaptureLineParser.h"

#include <QTemporaryDir>
#include <QTest>

namespace {
Advertisement parse(const QByteArray& json)
{
    Advertisement advert;
    const auto outcome = CaptureLineParser::parse(std::string_view(json.constData(), size_t(json.size())), advert);
    if (!outcome.accepted)
        qFatal("test line rejected: %s", qPrintable(outcome.reason));
    return advert;
}

QByteArray line(const QByteArray& data)
{
    // An ordinary literal: moc miscounts braces inside raw strings.
    return "{\"t\":1,\"addr\":\"42:3C:FD:E6:F1:C2\",\"rssi\":-50," + data + '}';
}
} // namespace

class TestAppProfileTable : public QObject
{
    Q_OBJECT

private slots:
    void signatures_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("profile");
        QTest::addColumn<QString>("platform");
        QTest::addColumn<QByteArray>("id");
        QTest::addColumn<bool>("needsGatt");
        // Sources: formats/ble-capture.md. An empty profile means "no app".
        QTest::addRow("bluezone android")
            << QByteArray(R"("uuids":["4e56"],"mfr":{"22b5":"507c3b3c88f9c44a8d2184fa"})") << QStringLiteral("bluezone")
            << QStringLiteral("android") << QByteArray::fromHex("507c3b3c88f9c44a8d2184fa") << false;
        QTest::addRow("bluezone android raw")
            << QByteArray(R"("ad":"02011a0303564e0fffb522507c3b3c88f9c44a8d2184fa")") << QStringLiteral("bluezone")
            << QStringLiteral("android") << QByteArray::fromHex("507c3b3c88f9c44a8d2184fa") << false;
        QTest::addRow("bluezone id of 11 bytes")
            << QByteArray(R"("uuids":["4e56"],"mfr":{"22b5":"1111111111111111111111"})") << QString() << QString()
            << QByteArray() << false;
        QTest::addRow("bluezone id of 13 bytes")
            << QByteArray(R"("uuids":["4e56"],"mfr":{"22b5":"11111111111111111111111111"})") << QString() << QString()
            << QByteArray() << false;
        QTest::addRow("bluezone company without uuid") << QByteArray(R"("mfr":{"22b5":"507c3b3c88f9c44a8d2184fa"})")
                                                       << QString() << QString() << QByteArray() << false;
        QTest::addRow("bluezone uuid without id")
            << QByteArray(R"("uuids":["4e56"])") << QString() << QString() << QByteArray() << false;
        QTest::addRow("bluezone ios foreground")
            << QByteArray(R"("uuids":["00004e56-73f5-4bc4-a12f-17d1ad07a667"],"name":"Bluezone")")
            << QStringLiteral("bluezone") << QStringLiteral("ios") << QByteArray() << false;
        QTest::addRow("bluezone ios foreground, uuid only")
            << QByteArray(R"("ad":"02011a110767a607add1172fa1c44bf573564e0000")") << QStringLiteral("bluezone")
            << QStringLiteral("ios") << QByteArray() << false;
        // In background only Bluezone's bit in Apple's overflow bitmask: 0x08 of its first byte,
        // the bytes Bluezone's Android scanner filters for (AppConstants.DEFAUT_MANUFACTOR_BYTE_IOS).
        QTest::addRow("bluezone ios background")
            << QByteArray(R"("mfr":{"004c":"0108000000000000000000000000000000"})") << QStringLiteral("bluezone")
            << QStringLiteral("ios") << QByteArray() << true;
        QTest::addRow("apple overflow, 0x08 of the second byte")
            << QByteArray(R"("mfr":{"004c":"0100080000000000000000000000000000"})") << QString() << QString()
            << QByteArray() << false;
        QTest::addRow("apple overflow, other bit")
            << QByteArray(R"("mfr":{"004c":"0100100000000000000000000000000000"})") << QString() << QString()
            << QByteArray() << false;
        QTest::addRow("apple iBeacon") << QByteArray(
                                              R"("mfr":{"004c":"0215e2c56db5dffb48d2b060d0f5a71096e000010002c5"})")
                                       << QString() << QString() << QByteArray() << false;
        QTest::addRow("exposure notification")
            << QByteArray(R"("uuids":["fd6f"],"svc":{"fd6f":"595588064c692e87bb54099b258a4bba77e99e66"})")
            << QStringLiteral("exposure_notification") << QString()
            << QByteArray::fromHex("595588064c692e87bb54099b258a4bba") << false; // the RPI, not the metadata
        QTest::addRow("exposure notification of 21 bytes")
            << QByteArray(R"("svc":{"fd6f":"595588064c692e87bb54099b258a4bba77e99e6600"})") << QString() << QString()
            << QByteArray() << false;
        // OpenTrace Android: the sample's UUID, 0x03FF with 3 characters drawn at each start,
        // which tell the platform and never the phone (BLEAdvertiser.kt).
        QTest::addRow("bluetrace android")
            << QByteArray(R"("uuids":["b82ab3fc-1595-4f6a-80f0-fe094cc218f9"],"mfr":{"03ff":"4a524d"},"tx":-10)")
            << QStringLiteral("bluetrace") << QStringLiteral("android") << QByteArray() << false;
        // OpenTrace iOS in foreground: its own default UUID and a local name (BluetraceConfig.swift).
        QTest::addRow("bluetrace ios default uuid")
            << QByteArray(R"("uuids":["a6ba4286-c550-4794-a888-9467ef0b31a8"],"name":"OT")")
            << QStringLiteral("bluetrace") << QString() << QByteArray() << false;
        // The first iOS builds of Bluezone advertised another service (bluezone-app afa15fc).
        QTest::addRow("bluezone ios foreground, early build")
            << QByteArray(R"("uuids":["e20a39f4-73f5-4bc4-a12f-17d1ad07a667"],"name":"3091234567892")")
            << QStringLiteral("bluezone") << QStringLiteral("ios") << QByteArray() << false;
        QTest::addRow("eddystone") << QByteArray(
                                          R"("uuids":["feaa"],"svc":{"feaa":"10ee0368747470733a2f2f676f6f2e676c"})")
                                   << QString() << QString() << QByteArray() << false;
    }

    void signatures()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, profile);
        QFETCH(QString, platform);
        QFETCH(QByteArray, id);
        QFETCH(bool, needsGatt);
        const AppProfileTable table = AppProfileTable::defaults();
        const Advertisement advert = parse(line(data));
        const AppProfile* match = table.match(advert);
        if (profile.isEmpty()) {
            QVERIFY2(!match, match ? qPrintable(match->name) : "");
            return;
        }
        QVERIFY(match);
        QCOMPARE(match->name, profile);
        QCOMPARE(match->platform, platform);
        const auto identifier = match->identifier(advert);
        QCOMPARE(QByteArray(reinterpret_cast<const char*>(identifier.data()), qsizetype(identifier.size())), id);
        QCOMPARE(!match->advertProvesApp, needsGatt);
    }

    void siteConfiguration()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("site.ini"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[ble]\nbluetrace_uuid=11111111-2222-3333-4444-555555555555\n"
                   "[profile.stopcovid]\nplatform=android\nservice_uuid=fd64\nservice_data_uuid=fd64\n"
                   "service_data_length=16\nid=service_data\n");
        file.close();
        const auto table = AppProfileTable::load(path);
        QVERIFY2(table.ok(), table.ok() ? "" : qPrintable(table.error().message()));

        const Advertisement custom =
            parse(line(R"("uuids":["fd64"],"svc":{"fd64":"00112233445566778899aabbccddeeff"})"));
        const AppProfile* match = table->match(custom);
        QVERIFY(match);
        QCOMPARE(match->name, QStringLiteral("stopcovid"));
        QCOMPARE(match->identifier(custom).size(), size_t(16));

        // The deployment's own BlueTrace UUID replaces the sample one.
        QVERIFY(table->match(parse(line(R"("uuids":["11111111-2222-3333-4444-555555555555"])"))));
        QVERIFY(!table->match(parse(line(R"("uuids":["b82ab3fc-1595-4f6a-80f0-fe094cc218f9"])"))));
    }

    void siteOverridesOfTheBuiltInApps()
    {
        // A site that observes Bluezone's background bit elsewhere can say so; a BlueTrace
        // deployment lists the UUIDs it accepts (bluetrace_uuids), replacing the public ones.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("site.ini"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[ble]\nbluezone_overflow_byte=1\nbluezone_overflow_mask=0x08\n"
                   "bluetrace_uuids=11111111-2222-3333-4444-555555555555, 66666666-7777-8888-9999-000000000000\n"
                   "bluezone_slots_per_day=48\n");
        file.close();
        const auto table = AppProfileTable::load(path);
        QVERIFY2(table.ok(), table.ok() ? "" : qPrintable(table.error().message()));
        const AppProfile* background =
            table->match(parse(line(R"("mfr":{"004c":"0100080000000000000000000000000000"})")));
        QVERIFY(background);
        QCOMPARE(background->name, QStringLiteral("bluezone"));
        QVERIFY(!table->match(parse(line(R"("mfr":{"004c":"0108000000000000000000000000000000"})"))));
        QVERIFY(table->match(parse(line(R"("uuids":["11111111-2222-3333-4444-555555555555"])"))));
        QVERIFY(table->match(parse(line(R"("uuids":["66666666-7777-8888-9999-000000000000"])"))));
        QVERIFY(!table->match(parse(line(R"("uuids":["a6ba4286-c550-4794-a888-9467ef0b31a8"])"))));
        const AppProfile* android =
            table->match(parse(line(R"("uuids":["4e56"],"mfr":{"22b5":"507c3b3c88f9c44a8d2184fa"})")));
        QVERIFY(android);
        QCOMPARE(android->idSlotsPerDay, 48);
        QCOMPARE(android->idSlotMs(), 30 * 60 * 1000);
    }

    void slotBoundariesAsBluezoneCountsThem()
    {
        // BluezoneIdGenerator.getIndexSubKey: (time - UTC day start) / (day / slots), integer
        // division, so with 7 slots a day the last one takes what the division leaves.
        AppProfile profile;
        profile.idSlotsPerDay = 96;
        const qint64 day = QDateTime(QDate(2020, 8, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        QVERIFY(!profile.slotBoundaryBetween(day + 1, day + 899999));
        QVERIFY(profile.slotBoundaryBetween(day + 899999, day + 900000));
        QVERIFY(profile.slotBoundaryBetween(day - 1, day)); // a new UTC day
        profile.idSlotsPerDay = 7;
        const qint64 slot = 86400000 / 7;
        QVERIFY(!profile.slotBoundaryBetween(day + 6 * slot, day + 86399999)); // the last, longer slot
        QVERIFY(profile.slotBoundaryBetween(day + 86399999, day + 86400000));
        profile.idSlotsPerDay = 0;
        QVERIFY(!profile.slotBoundaryBetween(day, day + 86400000)); // not tied to slots
    }

    void badSiteConfiguration_data()
    {
        QTest::addColumn<QByteArray>("ini");
        QTest::addColumn<QString>("expected");
        QTest::addRow("bad bluetrace uuid")
            << QByteArray("[ble]\nbluetrace_uuid=nope\n") << QStringLiteral("ble/bluetrace_uuid=nope");
        QTest::addRow("profile without condition")
            << QByteArray("[profile.empty]\nplatform=ios\n") << QStringLiteral("[profile.empty]");
        QTest::addRow("bad company") << QByteArray("[profile.x]\nmanufacturer_id=0x1FFFF\n")
                                     << QStringLiteral("manufacturer_id");
        QTest::addRow("bad id source") << QByteArray("[profile.x]\nservice_uuid=fd64\nid=gatt\n")
                                       << QStringLiteral("profile.x/id");
        QTest::addRow("bad overflow byte")
            << QByteArray("[ble]\nbluezone_overflow_byte=16\n") << QStringLiteral("bluezone_overflow_byte");
        QTest::addRow("bad slot count") << QByteArray("[ble]\nbluezone_slots_per_day=0\n")
                                        << QStringLiteral("bluezone_slots_per_day=0");
        QTest::addRow("bad uuid in the list")
            << QByteArray("[ble]\nbluetrace_uuids=b82ab3fc-1595-4f6a-80f0-fe094cc218f9, nope\n")
            << QStringLiteral("ble/bluetrace_uuids");
    }

    void badSiteConfiguration()
    {
        QFETCH(QByteArray, ini);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("site.ini"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(ini);
        file.close();
        const auto table = AppProfileTable::load(path);
        QVERIFY(!table.ok());
        QCOMPARE(table.error().kind(), Error::Kind::Input);
        QVERIFY2(table.error().message().contains(expected), qPrintable(table.error().message()));
    }
};

QTEST_GUILESS_MAIN(TestAppProfileTable)
#include "TestAppProfileTable.moc"
