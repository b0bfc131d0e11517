// The code a site runs, run against BlueZ's API (issue 23): Qt Bluetooth's real BlueZ backend and
// Gatehouse's live path above it (QtBluetoothSource, BluetoothAdapterWatch, GattIdReader, the
// PresenceThread that the kiosk and `scan --live` share) against a fake BlueZ on a private bus
// (tests/fakes/FakeBluez.h), as an unprivileged user without CAP_NET_ADMIN, as the kiosk's unit
// runs it (tests/live/unprivileged.sh):
// - each report BlueZ gives is one advert, through fresh discovery agents too;
// - a Bluezone iPhone in background is verified through a GATT read, with its ID; a read that
//   hangs or fails holds up no other phone;
// - the adapter switched off, unplugged and plugged back, and bluetoothd restarted: said in words
//   (and by `doctor`), and scanning goes on by itself;
// - discovery goes on past Qt's LE discovery timeout and when BlueZ ends it;
// - `gatehouse-cli scan --live` itself reads an iPhone's ID as this user.
// TestLiveAgreement compares whole recordings with their replay.
#include "FakeBluez.h"
#include "LiveCaptures.h"
#include "PlaybackClock.h"
#include "ble/AppProfileTable.h"
#include "ble/GattRead.h"
#include "ble/PresenceThread.h"
#include "ble/QtBluetoothSource.h"
#include "common/SystemClock.h"

#include <QBluetoothLocalDevice>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

#include <atomic>

#include <csignal>
#include <unistd.h>

namespace {
const QString CLI = QStringLiteral(GATEHOUSE_CLI);

// The effective capabilities of this process (/proc/self/status, CapEff).
quint64 effectiveCapabilities()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return ~0ULL;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("CapEff:"))
            return line.mid(7).trimmed().toULongLong(nullptr, 16);
    }
    return ~0ULL;
}

constexpr int CAP_NET_ADMIN = 12; // linux/capability.h

// A live scan as the kiosk runs it, with what it reported.
struct Scanner
{
    explicit Scanner(const Clock& clock, PresenceTracker::Config config = PresenceTracker::Config())
        : presence(AppProfileTable::defaults(), config, clock)
    {
        QObject::connect(&presence, &PresenceThread::verified, &context,
                         [this](const AppVerification& v) { verified.append(v); });
        QObject::connect(&presence, &PresenceThread::left, &context,
                         [this](const AppVerification& v) { left.append(v); });
        QObject::connect(&presence, &PresenceThread::problem, &context,
                         [this](const QString& sentence) { problems.append(sentence); });
        QObject::connect(&presence, &PresenceThread::working, &context, [this](bool works) {
            working = works;
            workingChanges.append(works);
        });
        presence.start([&clock] { return new QtBluetoothSource(QBluetoothAddress(), clock); }, false,
                       [this](const Advertisement&) { ++adverts; });
    }

    const AppVerification* verifiedAt(quint64 address) const
    {
        for (const AppVerification& v : verified) {
            if (v.address == address)
                return &v;
        }
        return nullptr;
    }

    QObject context;
    PresenceThread presence;
    QList<AppVerification> verified;
    QList<AppVerification> left;
    QStringList problems;
    bool working = false;
    QList<bool> workingChanges;
    std::atomic<qint64> adverts = 0; // counted on the scanning thread
};

QJsonObject stats(FakeBluez& fake)
{
    return fake.command(QJsonObject{{QStringLiteral("cmd"), QStringLiteral("stats")}});
}

bool discovering(FakeBluez& fake)
{
    return stats(fake).value(QStringLiteral("discovering")).toBool();
}

// How the phone at address answers a GATT connection (tests/fakes/bluez/fake_bluez.py "gatt").
void answerGatt(FakeBluez& fake, const QString& address, const QString& mode, const QByteArray& id = {})
{
    QJsonObject command{{QStringLiteral("cmd"), QStringLiteral("gatt")},
                        {QStringLiteral("addr"), address},
                        {QStringLiteral("mode"), mode}};
    if (!id.isEmpty())
        command.insert(QStringLiteral("id"), QString::fromLatin1(id.toHex()));
    fake.command(command);
}

// Plays the capture; the fake's "playing" answer, for the clock to follow (empty if none came).
QJsonObject play(FakeBluez& fake, const QString& capture)
{
    fake.send({{QStringLiteral("cmd"), QStringLiteral("play")}, {QStringLiteral("file"), capture}});
    return fake.waitFor(QStringLiteral("playing"), 10000);
}

QJsonObject doctorsBluetooth(const QString& folder)
{
    QProcess doctor;
    doctor.start(CLI, {QStringLiteral("--db"), folder + QStringLiteral("/doctor.db"), QStringLiteral("doctor"),
                       QStringLiteral("--json")});
    doctor.waitForFinished(60000);
    for (const QByteArray& line : doctor.readAllStandardOutput().split('\n')) {
        const QJsonObject check = QJsonDocument::fromJson(line).object();
        if (check.value(QStringLiteral("check")).toString() == QLatin1String("bluetooth"))
            return check;
    }
    return {};
}
} // namespace

class TestLiveScan : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QString why = m_fake.start();
        if (!why.isEmpty())
            QSKIP(qPrintable(why));
        QVERIFY(m_folder.isValid());
    }

    void runsAsTheKioskUnitDoes()
    {
        // No capability at all (the unit's CapabilityBoundingSet= is empty): Qt then cannot open
        // the Bluetooth management socket (bluetoothmanagement.cpp), which only its kernel ATT
        // backend needs for random addresses; Gatehouse takes BlueZ's D-Bus GATT API instead.
        QVERIFY2(::geteuid() != 0, "run through tests/live/unprivileged.sh");
        QCOMPARE(effectiveCapabilities() & (1ULL << CAP_NET_ADMIN), 0ULL);
        QCOMPARE(qEnvironmentVariable("BLUETOOTH_FORCE_DBUS_LE_VERSION"), QString());
        QVERIFY(!QBluetoothLocalDevice::allDevices().isEmpty()); // Qt sees the fake adapter
    }

    void eachReportIsOneAdvert_data()
    {
        QTest::addColumn<int>("freshAgentAfter");
        QTest::addRow("one agent") << 5000;
        QTest::addRow("a fresh agent every 15 devices") << 15;
    }

    void eachReportIsOneAdvert()
    {
        // 400 adverts of 40 phones over 8 s, as BlueZ reports them: each report reaches the
        // tracker once (Qt 6.4 emits deviceDiscovered and deviceUpdated for each, and taking both
        // counted every advert twice), and nothing of BlueZ's cache is taken for an advert when an
        // agent starts. A fresh agent misses what BlueZ says while its start() subscribes (Qt
        // subscribes to PropertiesChanged inside start(), after two calls to BlueZ): at most a few
        // reports each time, which is why a kiosk takes one only every 5000 devices.
        QFETCH(int, freshAgentAfter);
        const QString capture = LiveCaptures::crowd(m_folder.path(), 40, 10, 800);
        SystemClock clock;
        QtBluetoothSource::Config config;
        config.freshAgentAfterDevices = freshAgentAfter;
        QtBluetoothSource source(QBluetoothAddress(), clock, config);
        QSignalSpy adverts(&source, &AdvertisementSource::advertisementReceived);
        QSignalSpy listening(&source, &AdvertisementSource::listening);
        source.start();
        QTRY_VERIFY(listening.size() >= 1);
        m_fake.send({{QStringLiteral("cmd"), QStringLiteral("play")}, {QStringLiteral("file"), capture}});
        QVERIFY(!m_fake.waitFor(QStringLiteral("playing"), 10000).isEmpty());
        // The source lives on this thread: it hears while this thread's events are processed.
        QJsonObject played;
        QElapsedTimer waited;
        waited.start();
        while (played.isEmpty() && waited.elapsed() < 30000) {
            QTest::qWait(50);
            played = m_fake.waitFor(QStringLiteral("played"), 0);
        }
        QVERIFY2(!played.isEmpty(), qPrintable(m_fake.errors()));
        QTest::qWait(1000);
        QCOMPARE(played.value(QStringLiteral("dropped")).toInt(), 0);
        QCOMPARE(played.value(QStringLiteral("adverts")).toInt(), 400);
        // BlueZ tells of an advert as the device found or its properties changed, adverts of one
        // device in one turn of its main loop as one (gdbus process_changes): each such report.
        const int reports = played.value(QStringLiteral("reports")).toInt();
        QVERIFY2(reports >= 360, qPrintable(QString::number(reports)));
        const int fresh = source.agentsStarted() - 1;
        qInfo("%d reports, %d adverts, %d fresh agents", reports, int(adverts.size()), fresh);
        if (fresh == 0) {
            QCOMPARE(int(adverts.size()), reports);
        } else {
            QVERIFY(fresh >= 3);
            QVERIFY(adverts.size() <= reports); // never one report twice
            // How many a restart misses depends on how busy the machine is while start() subscribes
            // (a few each on a quiet one, 8 or 9 each under a parallel build: CI of stop 33), so it is
            // said, not asserted; what is asserted is that every fresh agent goes on hearing: a
            // restart that stopped the source would lose the phones that came after it.
            qInfo("%.1f reports missed per fresh agent", double(reports - adverts.size()) / fresh);
            QVERIFY2(adverts.size() >= reports / 2, qPrintable(QString::number(reports - adverts.size())));
            QSet<quint64> phones;
            for (const QList<QVariant>& heard : std::as_const(adverts))
                phones.insert(heard.first().value<Advertisement>().address);
            QVERIFY2(phones.size() >= 36, qPrintable(QString::number(phones.size()))); // of the lobby's 40
        }
        // Their names were none: BlueZ's alias of a nameless device is its address, not a name.
        QVERIFY(adverts.first().first().value<Advertisement>().localName.isEmpty());
        source.stop();
    }

    void backgroundIphoneIsVerifiedThroughAGattRead()
    {
        // Only a read of Bluezone's characteristic proves the app behind the overflow bit
        // (formats/ble-capture.md); the fake's iPhone answers it with its ID.
        const QString capture = LiveCaptures::gattPhones(m_folder.path());
        const QByteArray id = QByteArray::fromHex("0c0c0c0c0c0c0c0c0c0c0c0c");
        answerGatt(m_fake, LiveCaptures::ServedIphone, QStringLiteral("serve"), id);
        answerGatt(m_fake, LiveCaptures::HangingIphone, QStringLiteral("hang"));
        answerGatt(m_fake, LiveCaptures::FailingIphone, QStringLiteral("fail"));
        PlaybackClock clock;
        Scanner scanner(clock);
        QTRY_VERIFY_WITH_TIMEOUT(discovering(m_fake), 10000);
        const QJsonObject playing = play(m_fake, capture);
        QVERIFY(!playing.isEmpty());
        clock.follow(playing);
        QVERIFY(!m_fake.waitFor(QStringLiteral("played"), 60000).isEmpty());
        QTest::qWait(300);

        // Three iPhones in background came close at once; one's read hangs, one's fails, the
        // third is read at the same time and verified within a second and a half of coming
        // close, as is the Android phone beside them: nobody waits on the hanging read's 5 s.
        const AppVerification* iphone = scanner.verifiedAt(LiveCaptures::address(LiveCaptures::ServedIphone));
        QVERIFY2(iphone, "the iPhone whose ID is served was not verified");
        QCOMPARE(iphone->profile, QStringLiteral("bluezone"));
        QCOMPARE(iphone->platform, QStringLiteral("ios"));
        QCOMPARE(iphone->appId, id);
        QVERIFY2(iphone->timeMs - LiveCaptures::CloseAtMs <= 1500, qPrintable(QString::number(iphone->timeMs)));
        const AppVerification* android = scanner.verifiedAt(LiveCaptures::address(LiveCaptures::AndroidPhone));
        QVERIFY(android);
        QVERIFY2(android->timeMs - LiveCaptures::CloseAtMs <= 1000, qPrintable(QString::number(android->timeMs)));
        QVERIFY(!scanner.verifiedAt(LiveCaptures::address(LiveCaptures::HangingIphone)));
        QVERIFY(!scanner.verifiedAt(LiveCaptures::address(LiveCaptures::FailingIphone)));
        QVERIFY(stats(m_fake)[QStringLiteral("calls")][QStringLiteral("ReadValueServed")].toInt() >= 1);
        // Each phone was let go: no connection is left open. The failing iPhone may still be
        // tried again while its adverts last, so both counts come from one reading of the fake,
        // taken until it settles (a Connect read before a Disconnect read raced: CI, stop 32).
        const auto openConnections = [this] {
            const QJsonObject now = stats(m_fake);
            const QJsonObject calls = now[QStringLiteral("calls")].toObject();
            return now[QStringLiteral("connected")].toInt() +
                   qAbs(calls[QStringLiteral("Connect")].toInt() - calls[QStringLiteral("Disconnect")].toInt());
        };
        QTRY_COMPARE_WITH_TIMEOUT(openConnections(), 0, 10000);
    }

    void stoppedMidReadLetsThePhonesGo()
    {
        // The kiosk stops (a restart, a shutdown) while one iPhone is connected with its read
        // pending and others' connections are still being made: every phone is let go, none left
        // connected or connecting. (It found the fake BlueZ connecting a phone after Disconnect,
        // which in BlueZ cancels a Connect not yet answered.)
        const QString capture = LiveCaptures::gattPhones(m_folder.path());
        answerGatt(m_fake, LiveCaptures::HangingIphone, QStringLiteral("hang"));
        answerGatt(m_fake, LiveCaptures::FailingIphone, QStringLiteral("stall"));
        const auto calls = [this](const char* name) {
            return stats(m_fake)[QStringLiteral("calls")][QLatin1String(name)].toInt();
        };
        const int connectsBefore = calls("Connect");
        const int hungBefore = calls("ReadValueHung");
        {
            PlaybackClock clock;
            Scanner scanner(clock);
            QTRY_VERIFY_WITH_TIMEOUT(discovering(m_fake), 10000);
            const QJsonObject playing = play(m_fake, capture);
            QVERIFY(!playing.isEmpty());
            clock.follow(playing);
            // Within a read's 5 s: the hanging iPhone connected, the stalled one still connecting.
            QTRY_VERIFY_WITH_TIMEOUT(calls("ReadValueHung") > hungBefore && calls("Connect") >= connectsBefore + 3,
                                     4000);
        }
        m_fake.stopPlaying();
        // No phone connected or still connecting (the iPhones were let go as the reader stopped).
        QTRY_COMPARE_WITH_TIMEOUT(stats(m_fake)[QStringLiteral("connected_phones")].toArray(), QJsonArray(), 10000);
    }

    void aPhoneLetGoIsItsOwnersUntilBlueZSaysSo()
    {
        // A read that ends while its phone is still connected hands the connection's controller
        // to whoever owns the read (GattIdReader's worker), which waits there for BlueZ to say the
        // phone is gone. Left parentless (stop 41), a controller still waiting when the reader
        // stopped outlived it, undeleted (LeakSanitizer, CI of stop 41).
        const QString phone = QStringLiteral("4E:00:00:00:00:0E"); // no tracing app's advert
        answerGatt(m_fake, phone, QStringLiteral("hang"));
        PlaybackClock clock;
        Scanner scanner(clock); // so that BlueZ discovers, and knows the phone
        QTRY_VERIFY_WITH_TIMEOUT(discovering(m_fake), 10000);
        m_fake.command({{QStringLiteral("cmd"), QStringLiteral("advert")},
                        {QStringLiteral("addr"), phone},
                        {QStringLiteral("rssi"), -50},
                        {QStringLiteral("name"), QStringLiteral("watch")}});
        const AppProfileTable profiles = AppProfileTable::defaults();
        const auto bluezone = std::find_if(profiles.profiles().cbegin(), profiles.profiles().cend(),
                                           [](const AppProfile& profile) { return !profile.gattIds.isEmpty(); });
        QVERIFY(bluezone != profiles.profiles().cend());
        const auto hung = [this] {
            return stats(m_fake)[QStringLiteral("calls")][QStringLiteral("ReadValueHung")].toInt();
        };
        const int hungBefore = hung();

        auto owner = std::make_unique<QObject>();
        auto* read =
            new GattRead(LiveCaptures::address(phone), bluezone->gattIds, QBluetoothAddress(), 30000, owner.get());
        read->start();
        QTRY_VERIFY_WITH_TIMEOUT(hung() > hungBefore, 10000);
        QCOMPARE(stats(m_fake)[QStringLiteral("connected_phones")].toArray(), QJsonArray{phone});
        delete read; // mid-read: the kiosk stopping, or the reader's timeout
        QCOMPARE(owner->findChildren<QLowEnergyController*>().size(), 1);
        // BlueZ says the phone is disconnected: the controller goes.
        QTRY_COMPARE_WITH_TIMEOUT(owner->findChildren<QLowEnergyController*>().size(), 0, 5000);
        QCOMPARE(stats(m_fake)[QStringLiteral("connected")].toInt(), 0);
    }

    void adapterOffUnpluggedAndBack()
    {
        // A phone at the kiosk all along; the adapter switched off, on, pulled out, plugged back.
        const QString capture = LiveCaptures::steadyPhone(m_folder.path(), 60000);
        PlaybackClock clock;
        Scanner scanner(clock);
        QTRY_VERIFY_WITH_TIMEOUT(scanner.working, 10000);
        m_fake.send({{QStringLiteral("cmd"), QStringLiteral("play")}, {QStringLiteral("file"), capture}});
        clock.follow(m_fake.waitFor(QStringLiteral("playing"), 10000));
        QTRY_COMPARE_WITH_TIMEOUT(scanner.verified.size(), 1, 10000);
        QCOMPARE(doctorsBluetooth(m_folder.path()).value(QStringLiteral("ok")).toBool(), true);

        m_fake.command({{QStringLiteral("cmd"), QStringLiteral("power")}, {QStringLiteral("on"), false}});
        QTRY_VERIFY_WITH_TIMEOUT(!scanner.working, 5000);
        QVERIFY2(scanner.problems.last().contains(QStringLiteral("switched off")), qPrintable(scanner.problems.last()));
        QTest::qWait(500);
        const qint64 whileOff = scanner.adverts;
        QTest::qWait(1000);
        QCOMPARE(scanner.adverts.load(), whileOff);
        const QJsonObject doctor = doctorsBluetooth(m_folder.path());
        QCOMPARE(doctor.value(QStringLiteral("ok")).toBool(), false);
        QVERIFY2(doctor.value(QStringLiteral("sentence")).toString().contains(QStringLiteral("switched off")),
                 qPrintable(doctor.value(QStringLiteral("sentence")).toString()));

        m_fake.command({{QStringLiteral("cmd"), QStringLiteral("power")}, {QStringLiteral("on"), true}});
        QTRY_VERIFY_WITH_TIMEOUT(scanner.working, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(scanner.adverts > whileOff + 5, 5000);

        m_fake.command({{QStringLiteral("cmd"), QStringLiteral("remove-adapter")}});
        QTRY_VERIFY_WITH_TIMEOUT(!scanner.working, 5000);
        QVERIFY2(scanner.problems.last().contains(QStringLiteral("No Bluetooth adapter")),
                 qPrintable(scanner.problems.last()));
        QVERIFY(doctorsBluetooth(m_folder.path())
                    .value(QStringLiteral("sentence"))
                    .toString()
                    .contains(QStringLiteral("No Bluetooth adapter")));
        const qint64 whileOut = scanner.adverts;
        m_fake.command({{QStringLiteral("cmd"), QStringLiteral("add-adapter")}});
        QTRY_VERIFY_WITH_TIMEOUT(scanner.working, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(scanner.adverts > whileOut + 5, 5000);
        // One visitor all along: the phone came back within a visit's 20 s.
        QCOMPARE(scanner.verified.size(), 1);
        m_fake.stopPlaying();
    }

    void bluetoothdRestartIsWaitedOut()
    {
        const QString capture = LiveCaptures::steadyPhone(m_folder.path(), 20000);
        PlaybackClock clock;
        Scanner scanner(clock);
        QTRY_VERIFY_WITH_TIMEOUT(scanner.working, 10000);
        scanner.workingChanges.clear();
        QCOMPARE(m_fake.restart(), QString()); // bluetoothd gone and back, as after an upgrade
        QTRY_VERIFY_WITH_TIMEOUT(scanner.workingChanges.contains(false), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(scanner.working, 10000);
        m_fake.send({{QStringLiteral("cmd"), QStringLiteral("play")}, {QStringLiteral("file"), capture}});
        clock.follow(m_fake.waitFor(QStringLiteral("playing"), 10000));
        QTRY_COMPARE_WITH_TIMEOUT(scanner.verified.size(), 1, 10000);
        m_fake.stopPlaying();
    }

    void discoveryGoesOnForAsLongAsTheKioskRuns()
    {
        // Past Qt's own LE discovery timeout (40 s by default; Gatehouse sets none), through
        // BlueZ ending discovery on its side (Qt asks again at once: QtBluezDiscoveryManager), and
        // through a controller that refuses to scan for a while (Gatehouse's watchdog starts anew).
        const QString capture = LiveCaptures::steadyPhone(m_folder.path(), 50000);
        PlaybackClock clock;
        Scanner scanner(clock);
        QTRY_VERIFY_WITH_TIMEOUT(scanner.working, 10000);
        m_fake.send({{QStringLiteral("cmd"), QStringLiteral("play")}, {QStringLiteral("file"), capture}});
        clock.follow(m_fake.waitFor(QStringLiteral("playing"), 10000));
        QElapsedTimer scanning;
        scanning.start();
        QTest::qWait(5000);
        m_fake.command({{QStringLiteral("cmd"), QStringLiteral("end-discovery")}});
        QTRY_VERIFY_WITH_TIMEOUT(discovering(m_fake), 5000);
        m_fake.command({{QStringLiteral("cmd"), QStringLiteral("refuse-discovery")}, {QStringLiteral("times"), 2}});
        m_fake.command({{QStringLiteral("cmd"), QStringLiteral("end-discovery")}});
        QTRY_VERIFY_WITH_TIMEOUT(discovering(m_fake), 20000);
        QTest::qWait(int(std::max<qint64>(0, 45000 - scanning.elapsed())));
        const qint64 before = scanner.adverts;
        QTest::qWait(2000); // more than 45 s after the scan began
        QVERIFY2(scanner.adverts > before + 5, qPrintable(QString::number(scanner.adverts - before)));
        QCOMPARE(scanner.verified.size(), 1);
        m_fake.stopPlaying();
    }

    void cliScansAsThisUser()
    {
        // `gatehouse-cli scan --live` itself, a child of this unprivileged process with a PATH
        // without /usr/libexec/bluetooth: Qt cannot guess bluetoothd's version, and the iPhone is
        // still read over GATT because Gatehouse chose BlueZ's D-Bus API.
        const QString capture = LiveCaptures::gattPhones(m_folder.path());
        answerGatt(m_fake, LiveCaptures::ServedIphone, QStringLiteral("serve"),
                   QByteArray::fromHex("0d0d0d0d0d0d0d0d0d0d0d0d"));
        QProcess scan;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
        environment.remove(QStringLiteral("BLUETOOTH_FORCE_DBUS_LE_VERSION"));
        scan.setProcessEnvironment(environment);
        const QString recorded = m_folder.filePath(QStringLiteral("recorded.jsonl"));
        scan.start(CLI, {QStringLiteral("scan"), QStringLiteral("--live"), QStringLiteral("--json"),
                         QStringLiteral("--record"), recorded});
        QVERIFY(scan.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(stats(m_fake).value(QStringLiteral("clients")).toInt() >= 1, 30000);
        m_fake.send({{QStringLiteral("cmd"), QStringLiteral("play")}, {QStringLiteral("file"), capture}});
        QVERIFY(!m_fake.waitFor(QStringLiteral("played"), 60000).isEmpty());
        QTest::qWait(1000);
        ::kill(pid_t(scan.processId()), SIGTERM); // Ctrl+C: the visits end, the lines are out
        QVERIFY(scan.waitForFinished(30000));
        QCOMPARE(scan.exitCode(), 0);
        const QByteArray out = scan.readAllStandardOutput();
        QVERIFY2(out.contains("\"event\":\"verified\",") && out.contains("\"id\":\"0d0d0d0d0d0d0d0d0d0d0d0d\""),
                 out.constData());
        QVERIFY2(out.contains("\"event\":\"left\""), out.constData());
        // What it heard is recorded as a capture (formats/ble-capture.md), private to this user.
        QFile record(recorded);
        QVERIFY(record.open(QIODevice::ReadOnly));
        const QByteArray lines = record.readAll();
        QVERIFY2(lines.count('\n') >= 100, qPrintable(QString::number(lines.count('\n'))));
        QVERIFY(lines.contains(LiveCaptures::ServedIphone.toLatin1()));
        QCOMPARE(record.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    }

private:
    FakeBluez m_fake;
    QTemporaryDir m_folder;
};

QTEST_GUILESS_MAIN(TestLiveScan)
#include "TestLiveScan.moc"
