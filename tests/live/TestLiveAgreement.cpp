// A live scan finds the same visitors as a replay of the same recording (issue 23): the shared
// lobbies and the DP-3T project's real recordings (tests/data/dp3t/NOTICE) played by the fake
// BlueZ (tests/fakes/FakeBluez.h) to the live path as the kiosk and `scan --live` run it
// (PresenceThread, QtBluetoothSource, GattIdReader, Qt's BlueZ backend), as an unprivileged user,
// against `gatehouse-cli scan --replay` of the same file.
//
// Time: the player runs the capture faster than recorded and skips its long silences (the DP-3T
// phones scanned in windows minutes apart), and the live scan stamps adverts with a clock that
// follows the player (PlaybackClock), so both speak the capture's own time. A live advert is
// stamped later than its capture time by the way through D-Bus and Qt, times the speed-up, and by
// an amount that varies from advert to advert: the three adverts whose mean decides may then span
// the 3 s window one advert sooner or later than in the replay. How much later the live scan is
// depends on the machine's load (an iPhone's GATT read waits its turn on a busy machine: 1.3 s of
// capture time in a CI run), so it is said, not asserted: a live verification answers a replayed
// one when it is the same app, platform and identifier within VISIT_MS of capture time, the same
// visit; how many came later than TIMELY_MS of real time per unit of speed-up is printed.
// On a loaded machine an advert late by a fraction of a second of real time may still tip one
// verification (stop 41's CI missed one phone in each of two DP-3T recordings, beside the failover
// test): a verification only one side found is the speed-up's doing when the tracker, given the
// adverts exactly as the live scan heard and stamped them, decides as the live scan did. A few of
// those (2 %) are allowed and said; any other difference fails, and every report BlueZ gave must
// reach the tracker. (Played 400 times as fast, exp34-17 differed in 244 verifications, all of
// them so explained, none by the live path itself.)
//
// What only the live scan can do is allowed it: Bluezone iPhones in background verified through a
// GATT read (the truth's optional windows), and iPhones in foreground named by the ID read.
#include "FakeBluez.h"
#include "PlaybackClock.h"
#include "ble/AppProfileTable.h"
#include "ble/PresenceThread.h"
#include "ble/QtBluetoothSource.h"

#include <QJsonArray>
#include <QMutex>
#include <QProcess>
#include <QTest>

#include <algorithm>

namespace {
const QString CLI = QStringLiteral(GATEHOUSE_CLI);
// The same visit: far shorter than any stay in the lobbies (minutes) and than an address's life
// (Bluezone rotates its identifier every 15 minutes), far longer than a live scan's lateness.
constexpr qint64 VISIT_MS = 30000;
// Timely on a quiet machine, in real milliseconds (D-Bus, Qt, the scanning thread, the GATT read an
// iPhone in foreground may wait for); times the speed-up in capture time. Counted, not asserted.
constexpr qint64 TIMELY_MS = 150;

struct Event
{
    qint64 timeMs = 0;
    QString profile;
    QString platform;
    QByteArray id;
    quint64 address = 0;
};

QString describe(const Event& e)
{
    return QStringLiteral("%1 %2/%3 %4 %5")
        .arg(e.timeMs)
        .arg(e.profile, e.platform.isEmpty() ? QStringLiteral("-") : e.platform,
             e.id.isEmpty() ? QStringLiteral("-") : QString::fromLatin1(e.id.toHex()))
        .arg(e.address, 12, 16, QLatin1Char('0'));
}

QList<Event> replayed(const QString& file, int threshold)
{
    QProcess scan;
    scan.start(CLI, {QStringLiteral("scan"), QStringLiteral("--replay"), file, QStringLiteral("--speed"),
                     QStringLiteral("max"), QStringLiteral("--threshold"), QString::number(threshold),
                     QStringLiteral("--json")});
    if (!scan.waitForFinished(600000) || scan.exitCode() != 0)
        qFatal("scan --replay %s failed", qPrintable(file));
    QList<Event> events;
    for (const QByteArray& line : scan.readAllStandardOutput().split('\n')) {
        const QJsonObject e = QJsonDocument::fromJson(line).object();
        if (e.value(QStringLiteral("event")).toString() != QLatin1String("verified"))
            continue;
        events.append(
            {e.value(QStringLiteral("t")).toInteger(), e.value(QStringLiteral("profile")).toString(),
             e.value(QStringLiteral("platform")).toString(),
             QByteArray::fromHex(e.value(QStringLiteral("id")).toString().toLatin1()),
             Advertisement::parseAddress(e.value(QStringLiteral("addr")).toString().toStdString()).value_or(0)});
    }
    return events;
}

// The truth's optional windows (iPhones in background), empty for a recording without truth.
QList<std::pair<qint64, qint64>> optionalWindows(const QString& file)
{
    QFile truth(QString(file).replace(QStringLiteral(".jsonl"), QStringLiteral(".truth.json")));
    QList<std::pair<qint64, qint64>> windows;
    if (!truth.open(QIODevice::ReadOnly))
        return windows;
    for (const QJsonValue& o : QJsonDocument::fromJson(truth.readAll())[QStringLiteral("optional")].toArray())
        windows.append({o[QStringLiteral("arrive_ms")].toInteger(), o[QStringLiteral("leave_ms")].toInteger()});
    return windows;
}

// What the tracker verifies from the adverts the live scan heard, as it stamped them, fed as a
// replay feeds them (no GATT reads, no clock ticks between adverts).
QList<Event> trackedFrom(const QList<Advertisement>& heard, PresenceTracker::Config config)
{
    config.gattReads = false;
    PresenceTracker tracker(AppProfileTable::defaults(), config);
    QList<Event> events;
    QObject::connect(&tracker, &PresenceTracker::verified, [&events](const AppVerification& v) {
        events.append({v.timeMs, v.profile, v.platform, v.appId, v.address});
    });
    for (const Advertisement& advert : heard)
        tracker.feed(advert);
    if (!heard.isEmpty())
        tracker.finish(heard.last().timeMs);
    return events;
}

// Whether e answers r: the same app and platform, the same identifier where r has one, in the
// same visit.
bool sameVisit(const Event& r, const Event& e)
{
    return e.profile == r.profile && e.platform == r.platform && (r.id.isEmpty() || e.id == r.id) &&
           std::abs(e.timeMs - r.timeMs) <= VISIT_MS;
}

// Whether `among` has r's verification.
bool answered(const Event& r, const QList<Event>& among)
{
    return std::any_of(among.cbegin(), among.cend(), [&r](const Event& e) { return sameVisit(r, e); });
}

// The adverts heard of one address around a moment: capture ms and dBm, to see why.
QString heardAround(const QList<Advertisement>& heard, quint64 address, qint64 timeMs)
{
    QStringList said;
    for (const Advertisement& a : heard) {
        if (a.address == address && std::abs(a.timeMs - timeMs) <= 5000)
            said.append(QStringLiteral("%1:%2").arg(a.timeMs).arg(a.rssi));
    }
    return said.join(u' ');
}

qint64 percentile(QList<qint64> values, double fraction)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(
        std::clamp<qsizetype>(qsizetype(std::ceil(fraction * double(values.size()))) - 1, 0, values.size() - 1));
}
} // namespace

class TestLiveAgreement : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QString why = m_fake.start();
        if (!why.isEmpty())
            QSKIP(qPrintable(why));
    }

    void liveFindsWhatReplayFinds_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<double>("rate");
        QTest::addColumn<int>("gapMs");
        QTest::addColumn<int>("threshold");
        const QString samples = QStringLiteral(GATEHOUSE_SHARED_SAMPLES "/ble/");
        const QString dp3t = QStringLiteral(GATEHOUSE_TEST_DATA "/dp3t/");
        // Silences longer than 2 s of the DP-3T scan windows are skipped (the tracker meets the
        // jump as a replay does, all at once); the lobbies have none.
        const QByteArray only = qgetenv("GATEHOUSE_LIVE_ONLY"); // one row, when a person asks
        const auto row = [&only](const char* name) { return only.isEmpty() || only == name; };
        if (row("lobby-small"))
            QTest::addRow("lobby-small") << samples + QStringLiteral("lobby-small.jsonl") << 8.0 << 1000000 << -60;
        if (row("lobby-hour"))
            QTest::addRow("lobby-hour") << samples + QStringLiteral("lobby-hour.jsonl") << 8.0 << 1000000 << -60;
        for (const char* name : {"exp34-06", "exp34-17", "exp34-20"}) {
            if (row(name))
                QTest::addRow("%s", name)
                    << dp3t + QString::fromLatin1(name) + QStringLiteral(".btsnoop") << 8.0 << 2000 << -60;
        }
    }

    void liveFindsWhatReplayFinds()
    {
        QFETCH(QString, file);
        QFETCH(double, rate);
        QFETCH(int, gapMs);
        QFETCH(int, threshold);
        if (!QFile::exists(file))
            QSKIP(qPrintable(file + QStringLiteral(" is not on this machine (../shared/samples is CI's)")));
        const QList<Event> replay = replayed(file, threshold);
        QVERIFY(!replay.isEmpty());

        PlaybackClock clock;
        PresenceTracker::Config config;
        config.thresholdDbm = threshold;
        QList<Event> live;
        QMutex heardLock;
        QList<Advertisement> heard; // as the live scan stamped them, on its thread
        {
            PresenceThread presence(AppProfileTable::defaults(), config, clock);
            QObject context;
            QObject::connect(&presence, &PresenceThread::verified, &context, [&live](const AppVerification& v) {
                live.append({v.timeMs, v.profile, v.platform, v.appId, v.address});
            });
            presence.start([&clock] { return new QtBluetoothSource(QBluetoothAddress(), clock); }, false,
                           [&heardLock, &heard](const Advertisement& advert) {
                               const QMutexLocker locked(&heardLock);
                               heard.append(advert);
                           });
            QTRY_VERIFY_WITH_TIMEOUT(m_fake.command({{QStringLiteral("cmd"), QStringLiteral("stats")}})
                                         .value(QStringLiteral("discovering"))
                                         .toBool(),
                                     10000);
            m_fake.send({{QStringLiteral("cmd"), QStringLiteral("play")},
                         {QStringLiteral("file"), file},
                         {QStringLiteral("rate"), rate},
                         {QStringLiteral("gap_ms"), gapMs}});
            const QJsonObject playing = m_fake.waitFor(QStringLiteral("playing"), 60000);
            QVERIFY2(!playing.isEmpty(), qPrintable(m_fake.errors()));
            clock.follow(playing);
            // This thread waits; the scanning thread hears, and its verifications queue here.
            const QJsonObject played = m_fake.waitFor(QStringLiteral("played"), 3600000);
            QVERIFY2(!played.isEmpty(), qPrintable(m_fake.errors()));
            QCOMPARE(played.value(QStringLiteral("dropped")).toInt(), 0);
            QTest::qWait(int(3000 / rate) + 2000); // the last settling of rotations, by the clock
            presence.finish();
            QCoreApplication::sendPostedEvents();
            // Every report BlueZ gave reached the tracker.
            const QMutexLocker locked(&heardLock);
            QCOMPARE(heard.size(), played.value(QStringLiteral("reports")).toInt());
            // How far the player fell behind its schedule, in real ms: on a loaded machine the
            // reason a live scan saw an advert later than the replay.
            qInfo("%d adverts played as %d reports, the player late by %d ms at p95, %d ms at most",
                  played.value(QStringLiteral("adverts")).toInt(), played.value(QStringLiteral("reports")).toInt(),
                  played.value(QStringLiteral("late_ms_p95")).toInt(),
                  played.value(QStringLiteral("late_ms_max")).toInt());
        }

        // Each replayed verification has its live one: the same app and platform, the same
        // identifier where the replay has one, in the same visit.
        const qint64 timely = qint64(double(TIMELY_MS) * rate);
        QList<bool> used(live.size(), false);
        QList<qint64> lags;
        QStringList missed;
        // A miss that the tracker makes too from the adverts as the live scan heard and stamped
        // them is the speed-up's doing, not the live path's: an advert late by 150 ms of real
        // time is late by 1.2 s of capture time at 8 times. A few are allowed and said.
        const QList<Event> fromHeard = trackedFrom(heard, config);
        QStringList explained;
        for (const Event& r : replay) {
            qsizetype best = -1;
            for (qsizetype i = 0; i < live.size(); ++i) {
                const Event& l = live[i];
                if (used[i] || !sameVisit(r, l))
                    continue;
                // The same address first (an iPhone the replay cannot name is known by it), then the
                // nearest in time.
                const auto rank = [&r](const Event& e) {
                    return std::pair(e.address != r.address, std::abs(e.timeMs - r.timeMs));
                };
                if (best < 0 || rank(l) < rank(live[best]))
                    best = i;
            }
            if (best < 0) {
                if (!answered(r, fromHeard)) {
                    // Not in what the live scan heard either: its adverts arrived too late or too
                    // close together to make the three samples within 3 s that the replay had.
                    explained.append(describe(r) + QStringLiteral(" (heard: ") +
                                     heardAround(heard, r.address, r.timeMs) + QLatin1Char(')'));
                    continue;
                }
                // Said with what the live scan verified around it, to see why.
                QStringList near;
                for (const Event& l : live) {
                    if (std::abs(l.timeMs - r.timeMs) <= 2 * VISIT_MS)
                        near.append(describe(l));
                }
                missed.append(describe(r) + QStringLiteral(" (live around it: ") + near.join(QStringLiteral(", ")) +
                              QLatin1Char(')'));
                continue;
            }
            used[best] = true;
            lags.append(live[best].timeMs - r.timeMs);
        }
        // What the live scan found besides: only iPhones, verified through their read.
        const QList<std::pair<qint64, qint64>> optional = optionalWindows(file);
        QStringList extra;
        int iphones = 0;
        for (qsizetype i = 0; i < live.size(); ++i) {
            if (used[i])
                continue;
            const Event& l = live[i];
            const bool readIphone = l.profile == QLatin1String("bluezone") && l.platform == QLatin1String("ios") &&
                                    l.id.size() == 12 &&
                                    std::any_of(optional.cbegin(), optional.cend(), [&l](const auto& window) {
                                        return l.timeMs >= window.first - 3000 && l.timeMs <= window.second;
                                    });
            if (readIphone)
                ++iphones;
            else if (answered(l, fromHeard) && !answered(l, replay))
                explained.append(describe(l) + QStringLiteral(" found live only (heard: ") +
                                 heardAround(heard, l.address, l.timeMs) + QLatin1Char(')'));
            else
                extra.append(describe(l));
        }
        const auto untimely =
            std::count_if(lags.cbegin(), lags.cend(), [timely](qint64 lag) { return std::abs(lag) > timely; });
        qInfo("%lld verified by the replay, %lld live; %d more iPhones read over GATT; live minus replay: "
              "earliest %lld ms, median %lld ms, p95 %lld ms, latest %lld ms of capture time; %lld beyond %lld ms",
              static_cast<long long>(replay.size()), static_cast<long long>(live.size()), iphones,
              static_cast<long long>(percentile(lags, 0.0)), static_cast<long long>(percentile(lags, 0.5)),
              static_cast<long long>(percentile(lags, 0.95)), static_cast<long long>(percentile(lags, 1.0)),
              static_cast<long long>(untimely), static_cast<long long>(timely));
        if (!explained.isEmpty())
            qInfo("%lld told apart by the adverts' timing as heard: %s", static_cast<long long>(explained.size()),
                  qPrintable(explained.join(QStringLiteral("; "))));
        // Both said at once: a miss and an extra in one visit tell a different story than either.
        QVERIFY2(missed.isEmpty() && extra.isEmpty(),
                 qPrintable(QStringLiteral("not found live: ") + missed.join(QStringLiteral("; ")) +
                            QStringLiteral("\nfound live only: ") + extra.join(QStringLiteral("; "))));
        QVERIFY2(explained.size() <= std::max<qsizetype>(2, replay.size() / 50),
                 qPrintable(explained.join(QStringLiteral("; "))));
        m_fake.stopPlaying();
    }

private:
    FakeBluez m_fake;
};

QTEST_GUILESS_MAIN(TestLiveAgreement)
#include "TestLiveAgreement.moc"
