// PresenceTracker: one "verified" per visit and one "left" when it ends, through noise, dips,
// Bluezone's silent half and rotating identifiers; never for far phones, phones without an app
// or malformed adverts.
#include "ble/PresenceTracker.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {
enum class App {
    BluezoneAndroid,
    BluezoneIosForeground,
    BluezoneIosBackground,
    ExposureNotification,
    BlueTraceAndroid,
    BlueTraceIos,
    None,
    Malformed
};

struct Phone
{
    App app = App::BluezoneAndroid;
    quint64 address = 0x423CFDE6F1C2;
    QByteArray id = QByteArray::fromHex("507c3b3c88f9c44a8d2184fa");
};

// An Exposure Notification phone's Rolling Proximity Identifier: its id made 16 bytes.
QByteArray rpiOf(const Phone& phone)
{
    return QByteArray(phone.id + QByteArray(16, '\x5a')).left(16);
}

Advertisement advertOf(const Phone& phone, qint64 timeMs, int rssi)
{
    Advertisement advert;
    advert.timeMs = timeMs;
    advert.address = phone.address;
    advert.rssi = rssi;
    const auto bytes = [](const QByteArray& data) {
        return std::span<const quint8>(reinterpret_cast<const quint8*>(data.constData()), size_t(data.size()));
    };
    switch (phone.app) {
    case App::BluezoneAndroid:
        advert.addServiceUuid(QBluetoothUuid(quint16(0x4E56)));
        advert.addManufacturerData(0x22B5, bytes(phone.id));
        break;
    case App::Malformed: // Bluezone's shape with an 11-byte ID
        advert.addServiceUuid(QBluetoothUuid(quint16(0x4E56)));
        advert.addManufacturerData(0x22B5, bytes(phone.id.left(11)));
        break;
    case App::BluezoneIosForeground:
        advert.addServiceUuid(QBluetoothUuid(QStringLiteral("00004E56-73F5-4BC4-A12F-17D1AD07A667")));
        break;
    case App::BluezoneIosBackground:
        // Bluezone's bit in Apple's overflow bitmask: 0x08 of its first byte (formats/ble-capture.md).
        advert.addManufacturerData(0x004C, bytes(QByteArray::fromHex("0108000000000000000000000000000000")));
        break;
    case App::ExposureNotification: // RPI and 4 bytes of metadata
        advert.addServiceData(QBluetoothUuid(quint16(0xFD6F)), bytes(rpiOf(phone) + QByteArray(4, '\x33')));
        break;
    case App::BlueTraceAndroid: // the sample's UUID, 3 characters drawn at each start (BLEAdvertiser.kt)
        advert.addServiceUuid(QBluetoothUuid(QStringLiteral("B82AB3FC-1595-4F6A-80F0-FE094CC218F9")));
        advert.addManufacturerData(0x03FF, bytes(phone.id.left(3)));
        break;
    case App::BlueTraceIos: // OpenTrace iOS's default UUID (BluetraceConfig.swift)
        advert.addServiceUuid(QBluetoothUuid(QStringLiteral("A6BA4286-C550-4794-A888-9467EF0B31A8")));
        break;
    case App::None:
        advert.addManufacturerData(0x0075, bytes(QByteArray::fromHex("42040180aaaaaaaaaaaa")));
        break;
    }
    return advert;
}

// Feeds a phone's adverts every periodMs from start to end at an RSSI given by level(t), with
// uniform noise of ±noiseDb from a fixed seed. Bluezone Android is silent every other 15 s
// when silentHalves is set (formats/ble-capture.md).
template <typename Level>
void play(PresenceTracker& tracker, const Phone& phone, qint64 start, qint64 end, Level level, int noiseDb = 0,
          bool silentHalves = false, qint64 periodMs = 200, quint32 seed = 1)
{
    QRandomGenerator random(seed);
    for (qint64 t = start; t < end; t += periodMs) {
        if (silentHalves && ((t - start) / 15000) % 2 == 1)
            continue;
        const int noise = noiseDb ? random.bounded(-noiseDb, noiseDb + 1) : 0;
        tracker.feed(advertOf(phone, t, level(t) + noise));
    }
}

PresenceTracker::Config config()
{
    return PresenceTracker::Config();
}

// As the live scanner runs it: a GattIdReader answers readIdWanted().
PresenceTracker::Config live()
{
    PresenceTracker::Config config;
    config.gattReads = true;
    return config;
}

// 2020-08-01T08:15:00Z, where a Bluezone ID slot of 15 minutes ends (96 a UTC day).
qint64 slotEnd(int hour = 8, int minute = 15)
{
    return QDateTime(QDate(2020, 8, 1), QTime(hour, minute), Qt::UTC).toMSecsSinceEpoch();
}

AppProfileTable tableFrom(const QByteArray& ini)
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("site.ini")));
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write the test's configuration");
    file.write(ini);
    file.close();
    auto table = AppProfileTable::load(file.fileName());
    if (!table)
        qFatal("%s", qPrintable(table.error().message()));
    return table.value();
}
} // namespace

class TestPresenceTracker : public QObject
{
    Q_OBJECT

private slots:
    void verifiesOnceWhenThePhoneComesClose()
    {
        PresenceTracker tracker(AppProfileTable::defaults(), config());
        QSignalSpy verified(&tracker, &PresenceTracker::verified);
        QSignalSpy left(&tracker, &PresenceTracker::left);
        const Phone phone;
        // Far (-75) for 5 s, then at the kiosk (-50) for 10 s.
        play(tracker, phone, 0, 15000, [](qint64 t) { return t < 5000 ? -75 : -50; });
        QCOMPARE(verified.size(), 1);
        const auto v = verified.first().first().value<AppVerification>();
        // Mean of (-75, -50, -50) is -58.3 >= -60: the second close advert decides.
        QCOMPARE(v.timeMs, 5200);
        QCOMPARE(v.profile, QStringLiteral("bluezone"));
        QCOMPARE(v.platform, QStringLiteral("android"));
        QCOMPARE(v.appId, phone.id);
        QCOMPARE(v.address, phone.address);
        QCOMPARE(left.size(), 0);
        tracker.finish(15000);
        QCOMPARE(left.size(), 1);
    }

    void ignoresWhatMustNeverVerify_data()
    {
        QTest::addColumn<int>("app");
        QTest::addColumn<int>("meanDbm");
        QTest::addColumn<int>("noiseDb");
        QTest::addRow("far phone with noise") << int(App::BluezoneAndroid) << -66 << 4;
        QTest::addRow("passer-by at -70") << int(App::ExposureNotification) << -70 << 4;
        QTest::addRow("close phone without an app") << int(App::None) << -45 << 4;
        QTest::addRow("close malformed Bluezone advert") << int(App::Malformed) << -45 << 4;
        QTest::addRow("close phone without RSSI") << int(App::BluezoneAndroid) << Advertisement::RSSI_UNAVAILABLE << 0;
        QTest::addRow("implausible RSSI") << int(App::BluezoneAndroid) << 20 + 1 << 0;
    }

    void ignoresWhatMustNeverVerify()
    {
        QFETCH(int, app);
        QFETCH(int, meanDbm);
        QFETCH(int, noiseDb);
        PresenceTracker tracker(AppProfileTable::defaults(), config());
        QSignalSpy verified(&tracker, &PresenceTracker::verified);
        Phone phone;
        phone.app = App(app);
        play(
            tracker, phone, 0, 10 * 60 * 1000, [meanDbm](qint64) { return meanDbm; }, noiseDb);
        QCOMPARE(verified.size(), 0);
    }

    void noiseAndDipsDoNotEndAVisit()
    {
        PresenceTracker tracker(AppProfileTable::defaults(), config());
        QSignalSpy verified(&tracker, &PresenceTracker::verified);
        QSignalSpy left(&tracker, &PresenceTracker::left);
        // At -54 ±4 dB for five minutes, with a 10 dB dip for 3 s every 20 s.
        play(
            tracker, Phone(), 0, 5 * 60 * 1000, [](qint64 t) { return t % 20000 < 3000 ? -64 : -54; }, 4);
        QCOMPARE(verified.size(), 1);
        QCOMPARE(left.size(), 0);
    }

    void bluezoneSilentHalfIsNotLeaving()
    {
        PresenceTracker tracker(AppProfileTable::defaults(), config());
        QSignalSpy verified(&tracker, &PresenceTracker::verified);
        QSignalSpy left(&tracker, &PresenceTracker::left);
        // A visitor waits at the kiosk for 165 s while Bluezone advertises 15 s and is silent
        // 15 s (six silent halves), then walks off as a silent half begins. A beacon nearby advertises all along, so
        // the tracker sees time pass through every silence.
        Phone beacon;
        beacon.app = App::None;
        beacon.address = 1;
        const Phone phone;
        QRandomGenerator random(7);
        for (qint64 t = 0; t < 240000; t += 100) {
            const bool advertising = t < 165000 && (t / 15000) % 2 == 0;
            if (t % 200 == 0 && advertising)
                tracker.feed(advertOf(phone, t, -50 + random.bounded(-4, 5)));
            else
                tracker.feed(advertOf(beacon, t, -80));
            if (t <= 184800)
                QCOMPARE(left.size(), 0);
        }
        QCOMPARE(verified.size(), 1);
        QCOMPARE(left.size(), 1);
        // Last heard at 164 800 ms; gone once 20 s pass, noticed within the tracker's 1 s tick.
        const auto gone = left.first().first().value<AppVerification>();
        QVERIFY2(gone.timeMs > 184800 && gone.timeMs <= 185900, qPrintable(QString::number(gone.timeMs)));
    }

    void rotationWhileStandingIsOneVisit_data()
    {
        QTest::addColumn<bool>("newAddress");
        QTest::addColumn<bool>("newId");
        QTest::addColumn<qint64>("gapMs");
        QTest::addColumn<qint64>("startMs");
        QTest::addColumn<int>("visits");
        // 2020-08-01T08:15:00Z ends a Bluezone ID slot (15 minutes of UTC).
        const qint64 slotEnd = QDateTime(QDate(2020, 8, 1), QTime(8, 15), Qt::UTC).toMSecsSinceEpoch();
        QTest::addColumn<int>("app");
        const int android = int(App::BluezoneAndroid);
        QTest::addRow("ID rotates, address stays") << false << true << qint64(200) << qint64(0) << 1 << android;
        QTest::addRow("address rotates, ID stays") << true << false << qint64(200) << qint64(0) << 1 << android;
        QTest::addRow("both rotate at once at a slot boundary")
            << true << true << qint64(200) << slotEnd - 10000 << 1 << android;
        // Exposure Notification rotates address and identifier together, advertising on and on.
        QTest::addRow("exposure notification rotates")
            << true << true << qint64(200) << qint64(0) << 1 << int(App::ExposureNotification);
        QTest::addRow("iOS foreground address rotates")
            << true << false << qint64(200) << qint64(0) << 1 << int(App::BluezoneIosForeground);
        QTest::addRow("both rotate across a silent half at a slot boundary")
            << true << true << qint64(15000) << slotEnd - 10000 << 1 << android;
        // Away from a slot boundary a new Bluezone ID after a silence is a second visitor who
        // arrived as the first left unseen: counting a phone twice is better than missing one.
        QTest::addRow("new phone after a silent half within a slot")
            << true << true << qint64(15000) << slotEnd - 400000 << 2 << android;
        QTest::addRow("new phone after a silent half, capture time")
            << true << true << qint64(15000) << qint64(0) << 2 << android;
    }

    void rotationWhileStandingIsOneVisit()
    {
        QFETCH(bool, newAddress);
        QFETCH(bool, newId);
        QFETCH(qint64, gapMs);
        QFETCH(qint64, startMs);
        QFETCH(int, visits);
        QFETCH(int, app);
        PresenceTracker tracker(AppProfileTable::defaults(), config());
        QSignalSpy verified(&tracker, &PresenceTracker::verified);
        QSignalSpy left(&tracker, &PresenceTracker::left);
        Phone before;
        before.app = App(app);
        if (before.app == App::BluezoneIosForeground)
            before.id.clear(); // those adverts carry no identifier
        play(
            tracker, before, startMs, startMs + 10000, [](qint64) { return -50; }, 3);
        Phone after = before;
        if (newAddress)
            after.address = 0x7753C9BDFA0F;
        if (newId)
            after.id = QByteArray::fromHex("257d633a032a4486795d5238");
        play(
            tracker, after, startMs + 10000 - 200 + gapMs, startMs + 40000, [](qint64) { return -50; }, 3);
        QCOMPARE(verified.size(), visits);
        if (visits > 1)
            return;
        QCOMPARE(left.size(), 0);
        tracker.finish(startMs + 40000);
        QCOMPARE(left.size(), 1);
        // What is reported at the end is the phone's current identity.
        const auto last = left.first().first().value<AppVerification>();
        QCOMPARE(last.appId, before.app == App::BluezoneAndroid        ? after.id
                             : before.app == App::ExposureNotification ? rpiOf(after)
                                                                       : QByteArray());
        QCOMPARE(last.address, after.address);
    }

    void secondVisitorBesideTheFirstIsNotARotation()
    {
        // A waits at the kiosk (Bluezone) and falls silent as an ID slot ends; B, also Bluezone,
        // is first heard at the kiosk 1 s later, just as A after a rotation would be. When A
        // speaks again the tracker knows better: B is verified on their own adverts, A stays.
        const qint64 base = QDateTime(QDate(2020, 8, 1), QTime(8, 15), Qt::UTC).toMSecsSinceEpoch() - 10000;
        PresenceTracker tracker(AppProfileTable::defaults(), config());
        QSignalSpy verified(&tracker, &PresenceTracker::verified);
        QSignalSpy left(&tracker, &PresenceTracker::left);
        Phone a;
        Phone b;
        b.address = 0x7753C9BDFA0F;
        b.id = QByteArray::fromHex("257d633a032a4486795d5238");
        play(tracker, a, base, base + 10000, [](qint64) { return -50; });
        play(tracker, b, base + 11000, base + 25000, [](qint64) { return -52; });
        QCOMPARE(verified.size(), 1);
        play(tracker, a, base + 25000, base + 26000, [](qint64) { return -50; }); // A's next half
        play(tracker, b, base + 26000, base + 27000, [](qint64) { return -52; });
        QCOMPARE(verified.size(), 2);
        QCOMPARE(verified.at(1).first().value<AppVerification>().address, b.address);
        QCOMPARE(left.size(), 0);
    }

    void chainedGuessesAreUndoneWhenTheFirstSpeaksAgain()
    {
        // Issue 13: A is verified and goes unheard; B, then C, each appear as the one before falls
        // quiet, and are taken for A rotating (A -> B -> C). A speaks again: it never rotated, so
        // neither guess holds, and C, still at the kiosk, is a visitor of its own.
        PresenceTracker tracker(AppProfileTable::defaults(), config());
        QSignalSpy verified(&tracker, &PresenceTracker::verified);
        QSignalSpy left(&tracker, &PresenceTracker::left);
        Phone a{App::ExposureNotification, 0x4A0000000001, QByteArray::fromHex("a1a1a1a1")};
        Phone b{App::ExposureNotification, 0x4B0000000002, QByteArray::fromHex("b2b2b2b2")};
        Phone c{App::ExposureNotification, 0x4C0000000003, QByteArray::fromHex("c3c3c3c3")};
        play(
            tracker, a, 0, 5000, [](qint64) { return -50; }, 0, false, 250);
        play(
            tracker, b, 5100, 9000, [](qint64) { return -50; }, 0, false, 250);
        play(
            tracker, c, 9100, 12000, [](qint64) { return -50; }, 0, false, 250);
        QCOMPARE(verified.size(), 1); // B and C taken for A after 2 s of A's silence
        for (qint64 t = 12000; t < 20000; t += 250) {
            tracker.feed(advertOf(a, t, -50));
            tracker.feed(advertOf(c, t + 100, -50));
        }
        QCOMPARE(verified.size(), 2);
        QCOMPARE(verified.at(1).first().value<AppVerification>().address, c.address);
        QCOMPARE(verified.at(1).first().value<AppVerification>().appId, rpiOf(c));
        tracker.finish(20000);
        // Each verified has its left, and no left is for a phone never verified.
        QCOMPARE(left.size(), 2);
        QSet<quint64> gone;
        for (const auto& arguments : left)
            gone.insert(arguments.first().value<AppVerification>().address);
        QCOMPARE(gone, (QSet<quint64>{a.address, c.address}));
    }

    void sameIdentifierUnderANewAddressIsTheSamePhone()
    {
        // Exposure Notification's RPI names the phone: heard under two addresses at once (the
        // real recordings have such pairs), it is one visitor.
        PresenceTracker tracker(AppProfileTable::defaults(), config());
        QSignalSpy verified(&tracker, &PresenceTracker::verified);
        Phone first{App::ExposureNotification, 0x5A0000000001, QByteArray::fromHex("d4d4d4d4")};
        Phone second = first;
        second.address = 0x5B0000000002;
        for (qint64 t = 0; t < 6000; t += 250) {
            tracker.feed(advertOf(first, t, -50));
            tracker.feed(advertOf(second, t + 120, -50));
        }
        QCOMPARE(verified.size(), 1);
        QCOMPARE(verified.first().first().value<AppVerification>().appId, rpiOf(first));
    }

    void newIdentifierBesideAHeardPhoneIsASecondPhone()
    {
        // A new RPI under a new address while the old one is still heard, even with a second of
        // it lost in a crowd, is a second phone: verified, and not before it is known.
        PresenceTracker tracker(AppProfileTable::defaults(), config());
        QSignalSpy verified(&tracker, &PresenceTracker::verified);
        Phone a{App::ExposureNotification, 0x6A0000000001, QByteArray::fromHex("e5e5e5e5")};
        Phone b{App::ExposureNotification, 0x6B0000000002, QByteArray::fromHex("f6f6f6f6")};
        play(
            tracker, a, 0, 4000, [](qint64) { return -50; }, 0, false, 250);
        play(
            tracker, b, 4100, 5600, [](qint64) { return -52; }, 0, false, 250); // A unheard 1.6 s
        QCOMPARE(verified.size(), 1);
        tracker.feed(advertOf(a, 5650, -50));
        QCOMPARE(verified.size(), 2);
        const auto second = verified.at(1).first().value<AppVerification>();
        QCOMPARE(second.address, b.address);
        QCOMPARE(second.timeMs, 5650); // when A spoke and settled it
    }

    void phoneWaitingOnASilenceIsVerifiedWhenBothFallQuiet()
    {
        // A scanner that listens in windows (Android's Exposure Notification) stops hearing
        // everyone at once: a phone that came close while another had just gone quiet is then a
        // phone of its own, since nothing showed it took over.
        PresenceTracker tracker(AppProfileTable::defaults(), config());
        QSignalSpy verified(&tracker, &PresenceTracker::verified);
        QSignalSpy left(&tracker, &PresenceTracker::left);
        Phone a{App::ExposureNotification, 0x7A0000000001, QByteArray::fromHex("a7a7a7a7")};
        Phone b{App::ExposureNotification, 0x7B0000000002, QByteArray::fromHex("b8b8b8b8")};
        play(
            tracker, a, 0, 3000, [](qint64) { return -50; }, 0, false, 250);
        play(
            tracker, b, 3000, 3900, [](qint64) { return -50; }, 0, false, 250);
        QCOMPARE(verified.size(), 1);
        tracker.advanceTo(8000);
        QCOMPARE(verified.size(), 2);
        QCOMPARE(verified.at(1).first().value<AppVerification>().address, b.address);
        tracker.advanceTo(40000);
        QCOMPARE(left.size(), 2);
    }

    void leftsOfOneInstantComeInAddressOrder()
    {
        // The same adverts give the same events in the same order, whatever a hash's seed (issue
        // 13: the lefts of one instant followed QHash's order, different in every process).
        PresenceTracker tracker(AppProfileTable::defaults(), config());
        QSignalSpy left(&tracker, &PresenceTracker::left);
        QRandomGenerator random(13);
        QList<Advertisement> adverts;
        for (int n = 0; n < 40; ++n) {
            Phone phone{App::ExposureNotification, random.generate64() & 0xFFFFFFFFFFFF,
                        QByteArray::number(n).rightJustified(16, '0')};
            for (qint64 t = n * 10; t < 3000 + n * 10; t += 250)
                adverts.append(advertOf(phone, t, -50));
        }
        // In time order, as the tracker takes them.
        std::stable_sort(adverts.begin(), adverts.end(),
                         [](const Advertisement& a, const Advertisement& b) { return a.timeMs < b.timeMs; });
        for (const Advertisement& advert : adverts)
            tracker.feed(advert);
        tracker.finish(4000);
        QCOMPARE(left.size(), 40);
        QList<quint64> order;
        for (const auto& arguments : left)
            order.append(arguments.first().value<AppVerification>().address);
        QVERIFY(std::is_sorted(order.begin(), order.end()));
    }

    void twoVisitorsOneAfterTheOther()
    {
        PresenceTracker tracker(AppProfileTable::defaults(), config());
        QSignalSpy verified(&tracker, &PresenceTracker::verified);
        Phone first;
        Phone second;
        second.address = 0x7753C9BDFA0F;
        second.id = QByteArray::fromHex("257d633a032a4486795d5238");
        // The first walks up, stays 10 s and walks away (fading out by 20 s); the second walks
        // up from afar as the first fades, 9 s after the first left arm's length.
        play(tracker, first, 0, 20000, [](qint64 t) {
            return t < 3000 ? -75 : t < 13000 ? -50 : -72 - int((t - 13000) / 1000);
        });
        play(tracker, second, 20000, 40000, [](qint64 t) { return t < 22000 ? -74 : -49; });
        QCOMPARE(verified.size(), 2);
    }

    void twoPhonesAtOnce()
    {
        PresenceTracker tracker(AppProfileTable::defaults(), config());
        QSignalSpy verified(&tracker, &PresenceTracker::verified);
        Phone a;
        Phone b;
        b.app = App::ExposureNotification;
        b.address = 0x6EE179491CAE;
        for (qint64 t = 0; t < 10000; t += 100) {
            tracker.feed(advertOf(t % 200 ? a : b, t, -50));
        }
        QCOMPARE(verified.size(), 2);
    }

    void iosBackgroundNeedsGattConfirmation()
    {
        PresenceTracker::Config live = config();
        live.gattReads = true;
        PresenceTracker tracker(AppProfileTable::defaults(), live);
        QSignalSpy verified(&tracker, &PresenceTracker::verified);
        QSignalSpy wanted(&tracker, &PresenceTracker::readIdWanted);
        Phone phone;
        phone.app = App::BluezoneIosBackground;
        play(tracker, phone, 0, 5000, [](qint64) { return -50; });
        QCOMPARE(verified.size(), 0);
        QCOMPARE(wanted.size(), 1); // asked once, not for every advert
        QCOMPARE(wanted.first().first().value<quint64>(), phone.address);

        tracker.idRead(phone.address, QByteArray()); // the read failed: still unverified
        QCOMPARE(verified.size(), 0);
        play(tracker, phone, 5000, 6000, [](qint64) { return -50; });
        QCOMPARE(wanted.size(), 2); // so it is asked again

        const QByteArray id = QByteArray::fromHex("0102030405060708090a0b0c");
        tracker.idRead(phone.address, id);
        QCOMPARE(verified.size(), 1);
        const auto v = verified.first().first().value<AppVerification>();
        QCOMPARE(v.appId, id);
        QCOMPARE(v.platform, QStringLiteral("ios"));
    }

    // --- The apps as their own sources show them (issue 23) ---------------------------------------

    void iosForegroundIdIsReadAsItComesAndNamesIt()
    {
        // Bluezone iOS cannot advertise its ID: the app reads it over GATT (bluezone-app
        // BleCentralManager.swift), and so does the kiosk, asking as the iPhone walks up.
        PresenceTracker tracker(AppProfileTable::defaults(), live());
        QSignalSpy verified(&tracker, &PresenceTracker::verified);
        QSignalSpy wanted(&tracker, &PresenceTracker::readIdWanted);
        Phone phone{App::BluezoneIosForeground, 0x4D04C36ED80E, {}};
        play(tracker, phone, 0, 1200, [](qint64 t) { return -75 + int(t / 100); }); // -75 .. -64
        QCOMPARE(wanted.size(), 1); // asked within 10 dB of the threshold, before it is close
        QCOMPARE(wanted.first().first().value<quint64>(), phone.address);
        play(tracker, phone, 1200, 2400, [](qint64) { return -52; });
        QCOMPARE(verified.size(), 0); // close, its ID on the way: waited for (at most readWaitMs)
        const QByteArray id = QByteArray::fromHex("701151d3fc94b9322a7ded1b");
        tracker.idRead(phone.address, id);
        QCOMPARE(verified.size(), 1);
        const auto v = verified.first().first().value<AppVerification>();
        QCOMPARE(v.appId, id);
        QCOMPARE(v.platform, QStringLiteral("ios"));
        QCOMPARE(v.timeMs, 2200); // when it was known: the last advert, never before it
        QCOMPARE(wanted.size(), 1);
    }

    void iosForegroundIdFollowsThePhoneAcrossAddresses()
    {
        // iOS changes its address now and then; the ID read at the new one is the same phone at
        // once, without waiting for the old address to stay quiet.
        PresenceTracker tracker(AppProfileTable::defaults(), live());
        QSignalSpy verified(&tracker, &PresenceTracker::verified);
        QSignalSpy left(&tracker, &PresenceTracker::left);
        QSignalSpy wanted(&tracker, &PresenceTracker::readIdWanted);
        const QByteArray id = QByteArray::fromHex("701151d3fc94b9322a7ded1b");
        Phone before{App::BluezoneIosForeground, 0x4D04C36ED80E, {}};
        play(tracker, before, 0, 600, [](qint64) { return -50; });
        tracker.idRead(before.address, id);
        play(tracker, before, 600, 10000, [](qint64) { return -50; });
        QCOMPARE(verified.size(), 1);
        Phone after = before;
        after.address = 0x5A1B2C3D4E5F;
        play(tracker, after, 10000, 10600, [](qint64) { return -50; });
        QCOMPARE(wanted.size(), 2);
        tracker.idRead(after.address, id);
        play(tracker, after, 10600, 20000, [](qint64) { return -50; });
        QCOMPARE(verified.size(), 1);
        QCOMPARE(left.size(), 0);
        tracker.finish(20000);
        QCOMPARE(left.size(), 1);
        const auto gone = left.first().first().value<AppVerification>();
        QCOMPARE(gone.address, after.address);
        QCOMPARE(gone.appId, id);
    }

    void secondIphoneIsToldApartByItsId()
    {
        // A falls quiet at the kiosk and B, another iPhone, is heard there right after: as a
        // rotation of A it would wait, unverified, for A's silence; its ID says it is not A.
        PresenceTracker tracker(AppProfileTable::defaults(), live());
        QSignalSpy verified(&tracker, &PresenceTracker::verified);
        Phone a{App::BluezoneIosForeground, 0x4D04C36ED80E, {}};
        Phone b{App::BluezoneIosForeground, 0x6C0000000002, {}};
        play(tracker, a, 0, 600, [](qint64) { return -50; });
        tracker.idRead(a.address, QByteArray::fromHex("aaaaaaaaaaaaaaaaaaaaaaaa"));
        play(tracker, a, 600, 10000, [](qint64) { return -50; });
        QCOMPARE(verified.size(), 1);
        play(tracker, b, 10000, 10800, [](qint64) { return -51; });
        QCOMPARE(verified.size(), 1);
        tracker.idRead(b.address, QByteArray::fromHex("bbbbbbbbbbbbbbbbbbbbbbbb"));
        QCOMPARE(verified.size(), 2);
        const auto second = verified.at(1).first().value<AppVerification>();
        QCOMPARE(second.address, b.address);
        QCOMPARE(second.appId, QByteArray::fromHex("bbbbbbbbbbbbbbbbbbbbbbbb"));
    }

    void iosReadThatNeverEndsHoldsItUpAtMostReadWait()
    {
        // A read that hangs: the foreground iPhone's advert proves the app, so it is verified,
        // without an ID, readWaitMs after it came close; the background one (overflow bit only)
        // never is; a replay (no reader) verifies the foreground one on its advert at once.
        {
            PresenceTracker tracker(AppProfileTable::defaults(), live());
            QSignalSpy verified(&tracker, &PresenceTracker::verified);
            play(tracker, Phone{App::BluezoneIosForeground, 0x4D04C36ED80E, {}}, 0, 5000, [](qint64) { return -50; });
            QCOMPARE(verified.size(), 1);
            const auto v = verified.first().first().value<AppVerification>();
            QVERIFY(v.appId.isEmpty());
            QCOMPARE(v.timeMs, 400 + live().readWaitMs); // close at its third advert
        }
        {
            PresenceTracker tracker(AppProfileTable::defaults(), live());
            QSignalSpy verified(&tracker, &PresenceTracker::verified);
            play(tracker, Phone{App::BluezoneIosBackground, 0x4D04C36ED80E, {}}, 0, 5000, [](qint64) { return -50; });
            QCOMPARE(verified.size(), 0);
        }
        {
            PresenceTracker tracker(AppProfileTable::defaults(), config());
            QSignalSpy verified(&tracker, &PresenceTracker::verified);
            QSignalSpy wanted(&tracker, &PresenceTracker::readIdWanted);
            play(tracker, Phone{App::BluezoneIosForeground, 0x4D04C36ED80E, {}}, 0, 5000, [](qint64) { return -50; });
            QCOMPARE(verified.size(), 1);
            QCOMPARE(verified.first().first().value<AppVerification>().timeMs, 400);
            QCOMPARE(wanted.size(), 0);
        }
    }

    void bluezoneOldIdOutlivesTheSlotBoundaryByABurst()
    {
        // Bluezone reads its ID when a burst starts (ServiceTraceCovid.startBroadCastBle): a burst
        // begun 5 s before the slot ends carries the old ID until 10 s after it; after the 15 s
        // pause the new ID comes with a new address. One visitor waiting through it.
        PresenceTracker tracker(AppProfileTable::defaults(), config());
        QSignalSpy verified(&tracker, &PresenceTracker::verified);
        QSignalSpy left(&tracker, &PresenceTracker::left);
        const qint64 boundary = slotEnd();
        Phone before;
        Phone after{App::BluezoneAndroid, 0x7753C9BDFA0F, QByteArray::fromHex("257d633a032a4486795d5238")};
        play(
            tracker, before, boundary - 5000, boundary + 10000, [](qint64) { return -50; }, 3);
        play(
            tracker, after, boundary + 25000, boundary + 40000, [](qint64) { return -50; }, 3);
        QCOMPARE(verified.size(), 1);
        tracker.finish(boundary + 40000);
        QCOMPARE(left.size(), 1);
        QCOMPARE(left.first().first().value<AppVerification>().appId, after.id);
    }

    void bluezoneSlotsPerDayIsASetting_data()
    {
        QTest::addColumn<int>("minute");
        QTest::addColumn<int>("visits");
        // 48 slots a day (the server may set it: BluezoneIdGenerator.setMaxNumberSubKey): a slot
        // is 30 minutes, so :15 is no boundary and a new ID there is a second visitor.
        QTest::addRow(":15, no boundary in 48 slots") << 15 << 2;
        QTest::addRow(":30, a boundary") << 30 << 1;
    }

    void bluezoneSlotsPerDayIsASetting()
    {
        QFETCH(int, minute);
        QFETCH(int, visits);
        PresenceTracker tracker(tableFrom("[ble]\nbluezone_slots_per_day=48\n"), config());
        QSignalSpy verified(&tracker, &PresenceTracker::verified);
        const qint64 boundary = slotEnd(8, minute);
        Phone before;
        Phone after{App::BluezoneAndroid, 0x7753C9BDFA0F, QByteArray::fromHex("257d633a032a4486795d5238")};
        play(tracker, before, boundary - 15000, boundary - 100, [](qint64) { return -50; });
        play(tracker, after, boundary + 14900, boundary + 30000, [](qint64) { return -50; });
        QCOMPARE(verified.size(), visits);
    }

    void blueTraceAndroidWaitingThroughItsCycleIsOneVisitor()
    {
        // OpenTrace Android advertises 180 s, is silent 5 s and starts again under a new address
        // (BluetoothMonitoringService.kt, BLEAdvertiser.kt), about one advert a second
        // (ADVERTISE_MODE_LOW_POWER). A visitor waiting 400 s at the kiosk is one visitor.
        PresenceTracker tracker(AppProfileTable::defaults(), config());
        QSignalSpy verified(&tracker, &PresenceTracker::verified);
        QSignalSpy left(&tracker, &PresenceTracker::left);
        QRandomGenerator random(23);
        for (int run = 0; run < 3; ++run) {
            Phone phone{App::BlueTraceAndroid, quint64(0x530000000000) + quint64(run),
                        QByteArray::number(100 + random.bounded(900))};
            const qint64 start = run * 185000;
            play(
                tracker, phone, start, std::min<qint64>(start + 180000, 400000), [](qint64) { return -50; }, 3, false,
                1000, quint32(run + 1));
        }
        QCOMPARE(verified.size(), 1);
        QCOMPARE(left.size(), 0);
        tracker.finish(400000);
        QCOMPARE(left.size(), 1);
        QCOMPARE(left.first().first().value<AppVerification>().platform, QStringLiteral("android"));
    }

    void blueTraceNeverLinksTwoPhones_data()
    {
        QTest::addColumn<qint64>("firstHeardMs");
        QTest::addColumn<bool>("fadesAway");
        // Nothing names a BlueTrace phone, so only a whole burst ending on schedule, still at the
        // kiosk, followed by a new address after the pause, is taken for one phone.
        QTest::addRow("A heard 60 s only, then silent; B 5 s later") << qint64(120000) << false;
        QTest::addRow("A heard its whole burst but walking away; B 5 s later") << qint64(0) << true;
    }

    void blueTraceNeverLinksTwoPhones()
    {
        QFETCH(qint64, firstHeardMs);
        QFETCH(bool, fadesAway);
        PresenceTracker tracker(AppProfileTable::defaults(), config());
        QSignalSpy verified(&tracker, &PresenceTracker::verified);
        Phone a{App::BlueTraceAndroid, 0x530000000001, QByteArray("4a5")};
        Phone b{App::BlueTraceAndroid, 0x540000000002, QByteArray("4a5")}; // the same 3 characters
        play(
            tracker, a, firstHeardMs, 180000,
            [fadesAway](qint64 t) { return fadesAway && t > 170000 ? -50 - int((t - 170000) / 400) : -50; }, 0, false,
            1000);
        play(
            tracker, b, 185000, 240000, [](qint64) { return -50; }, 0, false, 1000);
        QCOMPARE(verified.size(), 2);
    }

    void blueTraceCharactersAreNoIdentifier()
    {
        // Two phones at once drawing the same 3 characters (0x03FF: BLEAdvertiser.kt) are two.
        PresenceTracker tracker(AppProfileTable::defaults(), config());
        QSignalSpy verified(&tracker, &PresenceTracker::verified);
        Phone a{App::BlueTraceAndroid, 0x530000000001, QByteArray("4a5")};
        Phone b{App::BlueTraceAndroid, 0x540000000002, QByteArray("4a5")};
        for (qint64 t = 0; t < 10000; t += 500)
            tracker.feed(advertOf(t % 1000 ? a : b, t, -50));
        QCOMPARE(verified.size(), 2);
        QVERIFY(verified.first().first().value<AppVerification>().appId.isEmpty());
    }

    void blueTraceIosWithItsOwnDefaultUuid()
    {
        // OpenTrace iOS in foreground advertises A6BA4286-... (BluetraceConfig.swift), not the
        // Android sample's UUID.
        PresenceTracker tracker(AppProfileTable::defaults(), config());
        QSignalSpy verified(&tracker, &PresenceTracker::verified);
        play(tracker, Phone{App::BlueTraceIos, 0x6A0000000001, {}}, 0, 3000, [](qint64) { return -50; });
        QCOMPARE(verified.size(), 1);
        QCOMPARE(verified.first().first().value<AppVerification>().profile, QStringLiteral("bluetrace"));
    }

    void exposureNotificationWaitingThroughRotationsIsOneVisitor()
    {
        // Android may take a new address while the RPI stays (exposure-notifications-internals
        // README, "BLE MAC and RPI Rotation"), and a new RPI comes with a new address about every
        // 10 minutes, on no UTC boundary (the DP-3T recordings). 25 minutes at the kiosk, 250 ms
        // adverts: one visitor, last named by the RPI it had.
        PresenceTracker tracker(AppProfileTable::defaults(), config());
        QSignalSpy verified(&tracker, &PresenceTracker::verified);
        QSignalSpy left(&tracker, &PresenceTracker::left);
        const qint64 start = slotEnd() + 73000;
        const QList<std::pair<qint64, Phone>> phases = {
            {0, Phone{App::ExposureNotification, 0x4A0000000001, QByteArray::fromHex("a1a1a1a1")}},
            {433000, Phone{App::ExposureNotification, 0x4A0000000002, QByteArray::fromHex("b2b2b2b2")}},
            {720000, Phone{App::ExposureNotification, 0x4A0000000003, QByteArray::fromHex("b2b2b2b2")}}, // MAC only
            {1060000, Phone{App::ExposureNotification, 0x4A0000000004, QByteArray::fromHex("c3c3c3c3")}},
        };
        for (qsizetype i = 0; i < phases.size(); ++i) {
            const qint64 from = start + phases[i].first;
            const qint64 to = start + (i + 1 < phases.size() ? phases[i + 1].first - 300 : 1500000);
            play(
                tracker, phases[i].second, from, to, [](qint64) { return -50; }, 3, false, 250, quint32(i + 1));
        }
        QCOMPARE(verified.size(), 1);
        tracker.finish(start + 1500000);
        QCOMPARE(left.size(), 1);
        QCOMPARE(left.first().first().value<AppVerification>().appId, rpiOf(phases.last().second));
    }

    void eventsNeverGoBackInTimeWhenTheClockDoes()
    {
        // A live scan stamps adverts with the wall clock, which NTP may step back. An event is
        // never stamped before an advert already taken in.
        PresenceTracker tracker(AppProfileTable::defaults(), config());
        QSignalSpy verified(&tracker, &PresenceTracker::verified);
        Phone a{App::ExposureNotification, 0x4A0000000001, QByteArray::fromHex("a1a1a1a1")};
        Phone b{App::ExposureNotification, 0x4B0000000002, QByteArray::fromHex("b2b2b2b2")};
        play(
            tracker, a, 10000, 14000, [](qint64) { return -50; }, 0, false, 250);
        // The clock steps back 3 s; B comes to the kiosk, where A still is.
        for (qint64 t = 11000; t < 16000; t += 250) {
            tracker.feed(advertOf(a, t, -50));
            tracker.feed(advertOf(b, t + 100, -52));
        }
        QCOMPARE(verified.size(), 2);
        QVERIFY(verified.at(1).first().value<AppVerification>().timeMs >= 13750);
    }

    void tracksExpireSoMemoryStaysFlat()
    {
        PresenceTracker tracker(AppProfileTable::defaults(), config());
        // Eight hours of a lobby: a new passer-by with an app every 10 s, each heard for 20 s.
        int most = 0;
        for (qint64 start = 0; start < 8 * 3600 * 1000; start += 10000) {
            Phone phone;
            phone.app = App::ExposureNotification;
            phone.address = quint64(start / 10000 + 1);
            play(
                tracker, phone, start, start + 20000, [](qint64) { return -75; }, 0, false, 1000);
            most = std::max(most, tracker.trackCount());
        }
        QVERIFY2(most <= 8, qPrintable(QString::number(most)));
    }
};

QTEST_GUILESS_MAIN(TestPresenceTracker)
#include "TestPresenceTracker.moc"
