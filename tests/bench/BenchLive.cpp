// Benchmark of issue 23 (results in README.md beside this file; never timed assertions): the live
// path at a busy door. 200 phones in range at once, as the apps advertise (formats/ble-capture.md:
// Bluezone Android 15 s on and 15 s off every 100 ms with a new address at each start, Exposure
// Notification every 250 ms, OpenTrace Android every second 180 s on and 5 s off, iPhones in
// foreground and background, phones without an app), one of them coming to the kiosk every 8 s.
// Played by the fake BlueZ (tests/fakes/FakeBluez.h) to `gatehouse-cli scan --live`, the process
// that scans as the kiosk does (PresenceThread), side by side with `scan --replay --speed 1` of the
// same capture:
//  - the scanning process's CPU time over the run, as a share of one core (target <= 25 %);
//  - the detection latency after a phone's first advert at arm's length (p95 <= 1.5 s).
// Run: cmake --workflow --preset bench (or build/release/bin/BenchLive [SECONDS]).
#include "FakeBluez.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <queue>

#include <csignal>
#include <unistd.h>

namespace {
const QString CLI = QStringLiteral(GATEHOUSE_CLI);
constexpr int THRESHOLD_DBM = -60;

enum class Kind { BluezoneAndroid, BluezoneIosForeground, BluezoneIosBackground, Exposure, BlueTrace, NoApp };

struct Phone
{
    Kind kind = Kind::NoApp;
    quint64 base = 0; // its address; apps with bursts take base + burst number
    QByteArray id;    // Bluezone's 12 bytes, or the EN RPI's 16
    int farDbm = -85; // where it stands in the lobby
    qint64 periodMs = 100;
    qint64 phaseMs = 0;
    qint64 arriveMs = -1; // it comes to the kiosk then (walks 4 s, stays 10 s, walks off 4 s)
};

struct Approach
{
    int phone = 0;
    qint64 firstCloseMs = -1; // its first advert at arm's length
};

bool silent(const Phone& phone, qint64 t)
{
    if (phone.kind == Kind::BluezoneAndroid)
        return ((t + phone.phaseMs) / 15000) % 2 == 1;
    if (phone.kind == Kind::BlueTrace)
        return (t + phone.phaseMs) % 185000 >= 180000;
    return false;
}

quint64 addressAt(const Phone& phone, qint64 t)
{
    if (phone.kind == Kind::BluezoneAndroid)
        return phone.base + quint64((t + phone.phaseMs) / 30000);
    if (phone.kind == Kind::BlueTrace)
        return phone.base + quint64((t + phone.phaseMs) / 185000);
    return phone.base;
}

int levelAt(const Phone& phone, qint64 t)
{
    if (phone.arriveMs < 0 || t < phone.arriveMs - 4000 || t > phone.arriveMs + 14000)
        return phone.farDbm;
    if (t < phone.arriveMs)
        return -50 + int((phone.farDbm + 50) * (phone.arriveMs - t) / 4000);
    if (t <= phone.arriveMs + 10000)
        return -50;
    return -50 + int((phone.farDbm + 50) * (t - phone.arriveMs - 10000) / 4000);
}

QByteArray payload(const Phone& phone)
{
    switch (phone.kind) {
    case Kind::BluezoneAndroid:
        return "\"uuids\":[\"4e56\"],\"mfr\":{\"22b5\":\"" + phone.id.toHex() + "\"}";
    case Kind::BluezoneIosForeground:
        return "\"uuids\":[\"00004e56-73f5-4bc4-a12f-17d1ad07a667\"],\"name\":\"Bluezone\"";
    case Kind::BluezoneIosBackground:
        return "\"mfr\":{\"004c\":\"0108000000000000000000000000000000\"}";
    case Kind::Exposure:
        return "\"uuids\":[\"fd6f\"],\"svc\":{\"fd6f\":\"" + phone.id.toHex() + "a1b2c3d4\"}";
    case Kind::BlueTrace:
        return "\"uuids\":[\"b82ab3fc-1595-4f6a-80f0-fe094cc218f9\"],\"mfr\":{\"03ff\":\"344135\"}";
    case Kind::NoApp:
        return "\"mfr\":{\"004c\":\"1005031c7a3b9e\"}"; // Apple's Nearby Info, as iPhones send it
    }
    return {};
}

// Writes the busy door to path; returns the approaches with their first advert at arm's length.
QList<Approach> writeBusyDoor(const QString& path, qint64 durationMs, qint64* adverts)
{
    QRandomGenerator random(2023);
    QList<Phone> phones;
    const auto add = [&](Kind kind, int count, qint64 periodMs) {
        for (int i = 0; i < count; ++i) {
            Phone phone;
            phone.kind = kind;
            // The top two bytes name the phone (0x4000 + its number); a burst adds to the rest.
            phone.base = (quint64(0x4000 + phones.size()) << 32) | (random.generate64() & 0xFFFF0000ULL);
            phone.id = QByteArray(kind == Kind::Exposure ? 16 : 12, Qt::Uninitialized);
            for (char& byte : phone.id)
                byte = char(random.bounded(256));
            phone.farDbm = random.bounded(-95, -70);
            phone.periodMs = periodMs;
            phone.phaseMs = random.bounded(185000);
            phones.append(phone);
        }
    };
    add(Kind::BluezoneAndroid, 60, 100); // ADVERTISE_MODE_LOW_LATENCY (ServiceTraceCovid.java)
    add(Kind::Exposure, 40, 250);        // ContactTracingFeature.advertiseInterval: 400 x 0.625 ms
    add(Kind::BlueTrace, 20, 1000);      // ADVERTISE_MODE_LOW_POWER (BLEAdvertiser.kt)
    add(Kind::BluezoneIosForeground, 20, 150);
    add(Kind::BluezoneIosBackground, 20, 1000);
    add(Kind::NoApp, 40, 300);
    // One phone with an app that proves itself by its advert comes to the kiosk every 8 s.
    QList<Approach> approaches;
    QList<int> comers;
    for (int i = 0; i < phones.size(); ++i) {
        if (phones[i].kind != Kind::BluezoneIosBackground && phones[i].kind != Kind::NoApp)
            comers.append(i);
    }
    std::shuffle(comers.begin(), comers.end(), random);
    for (qint64 t = 10000, n = 0; t + 20000 < durationMs && n < comers.size(); t += 8000, ++n) {
        phones[comers[n]].arriveMs = t;
        approaches.append({comers[n], -1});
    }

    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    using Next = std::pair<qint64, int>;
    std::priority_queue<Next, std::vector<Next>, std::greater<>> heap;
    for (int i = 0; i < phones.size(); ++i)
        heap.push({random.bounded(phones[i].periodMs), i});
    QByteArray buffer;
    *adverts = 0;
    while (!heap.empty()) {
        const auto [t, i] = heap.top();
        heap.pop();
        if (t >= durationMs)
            continue;
        const Phone& phone = phones[i];
        heap.push({t + phone.periodMs + random.bounded(10), i});
        if (silent(phone, t))
            continue;
        const int rssi = levelAt(phone, t) + random.bounded(-3, 4);
        // At arm's length: where the phone's level (without the noise) reaches the threshold,
        // as it walks up (the samples' truth, first_close_ms, says the same of theirs).
        for (Approach& approach : approaches) {
            if (approach.phone == i && approach.firstCloseMs < 0 && t >= phone.arriveMs - 4000 &&
                t <= phone.arriveMs + 10000 && levelAt(phone, t) >= THRESHOLD_DBM)
                approach.firstCloseMs = t;
        }
        const quint64 address = addressAt(phone, t);
        QByteArray text = QByteArray::number(address, 16).rightJustified(12, '0').toUpper();
        for (int k = 10; k > 0; k -= 2)
            text.insert(k, ':');
        buffer += "{\"t\":" + QByteArray::number(t) + ",\"addr\":\"" + text +
                  "\",\"rssi\":" + QByteArray::number(rssi) + ',' + payload(phone) + "}\n";
        ++*adverts;
    }
    file.write(buffer);
    approaches.removeIf([](const Approach& a) { return a.firstCloseMs < 0; });
    return approaches;
}

struct Verified
{
    qint64 timeMs = 0; // capture time
    QByteArray id;
    quint64 address = 0;
};

QList<Verified> verifiedIn(const QByteArray& out, const std::function<qint64(qint64)>& toCapture)
{
    QList<Verified> found;
    for (const QByteArray& line : out.split('\n')) {
        const QJsonObject e = QJsonDocument::fromJson(line).object();
        if (e.value(QStringLiteral("event")).toString() != QLatin1String("verified"))
            continue;
        found.append(
            {toCapture(e.value(QStringLiteral("t")).toInteger()),
             QByteArray::fromHex(e.value(QStringLiteral("id")).toString().toLatin1()),
             QString(e.value(QStringLiteral("addr")).toString()).remove(QLatin1Char(':')).toULongLong(nullptr, 16)});
    }
    return found;
}

// The latency of each approach: its verification minus its first advert at arm's length, found
// by the phone's identifier or, for an app without one, its address near that time.
QList<qint64> latencies(const QList<Approach>& approaches, const QList<Verified>& verified, int* missed)
{
    QList<qint64> values;
    *missed = 0;
    for (const Approach& approach : approaches) {
        const auto match = std::find_if(verified.cbegin(), verified.cend(), [&approach](const Verified& v) {
            return v.timeMs >= approach.firstCloseMs - 4000 && v.timeMs <= approach.firstCloseMs + 10000 &&
                   (v.address >> 32) == quint64(0x4000 + approach.phone);
        });
        if (match == verified.cend()) {
            ++*missed;
            continue;
        }
        values.append(match->timeMs - approach.firstCloseMs);
    }
    return values;
}

qint64 percentile(QList<qint64> values, double fraction)
{
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    return values.at(
        std::clamp<qsizetype>(qsizetype(std::ceil(fraction * double(values.size()))) - 1, 0, values.size() - 1));
}

// The process's CPU time so far (user and system), in seconds (/proc/PID/stat fields 14 and 15).
double cpuSeconds(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    return double(fields.value(11).toLongLong() + fields.value(12).toLongLong()) / double(sysconf(_SC_CLK_TCK));
}

// The process's resident memory (/proc/PID/status, VmRSS), in KiB.
qint64 residentKiB(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

void report(const char* what, double cpu, double wall, const QList<qint64>& lags, int missed, int approaches)
{
    std::printf("%s: CPU %.2f s over %.1f s = %.1f %% of one core; %d of %d approaches verified, latency median "
                "%lld ms, p95 %lld ms, max %lld ms\n",
                what, cpu, wall, 100.0 * cpu / wall, approaches - missed, approaches,
                static_cast<long long>(percentile(lags, 0.5)), static_cast<long long>(percentile(lags, 0.95)),
                static_cast<long long>(percentile(lags, 1.0)));
    std::fflush(stdout);
}
} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const qint64 durationMs = (argc > 1 ? QByteArray(argv[1]).toLongLong() : 180) * 1000;
    QTemporaryDir dir;
    const QString capture = dir.filePath(QStringLiteral("busy-door.jsonl"));
    qint64 adverts = 0;
    const QList<Approach> approaches = writeBusyDoor(capture, durationMs, &adverts);
    std::printf("busy door: 200 phones for %lld s, %lld adverts (%.0f a second), %lld approaches to the kiosk\n",
                static_cast<long long>(durationMs / 1000), static_cast<long long>(adverts),
                double(adverts) * 1000 / double(durationMs), static_cast<long long>(approaches.size()));

    FakeBluez fake;
    if (const QString why = fake.start(); !why.isEmpty()) {
        std::printf("skipped: %s\n", qPrintable(why));
        return 0;
    }
    for (int run = 1; run <= 2; ++run) {
        // Live: the CLI scans through the fake BlueZ, stamping with its own clock.
        QProcess live;
        live.setStandardErrorFile(QProcess::nullDevice());
        live.start(CLI, {QStringLiteral("scan"), QStringLiteral("--live"), QStringLiteral("--json"),
                         QStringLiteral("--threshold"), QString::number(THRESHOLD_DBM)});
        live.waitForStarted();
        QElapsedTimer waiting;
        waiting.start();
        while (
            fake.command({{QStringLiteral("cmd"), QStringLiteral("stats")}}).value(QStringLiteral("clients")).toInt() <
                1 &&
            waiting.elapsed() < 30000)
            QThread::msleep(100);
        fake.send({{QStringLiteral("cmd"), QStringLiteral("play")}, {QStringLiteral("file"), capture}});
        const QJsonObject playing = fake.waitFor(QStringLiteral("playing"), 60000);
        const double cpuBefore = cpuSeconds(live.processId());
        const qint64 residentBefore = residentKiB(live.processId());
        QElapsedTimer wall;
        wall.start();
        const QJsonObject played = fake.waitFor(QStringLiteral("played"), int(durationMs) + 600000);
        const double cpu = cpuSeconds(live.processId()) - cpuBefore;
        const qint64 residentAfter = residentKiB(live.processId());
        const double seconds = double(wall.elapsed()) / 1000;
        QThread::msleep(1000);
        ::kill(pid_t(live.processId()), SIGTERM);
        live.waitForFinished(30000);
        const QJsonArray first = playing.value(QStringLiteral("segments")).toArray().first().toArray();
        const qint64 wall0 = first.at(0).toInteger();
        const qint64 capture0 = first.at(1).toInteger();
        int missed = 0;
        const QList<qint64> liveLags = latencies(
            approaches, verifiedIn(live.readAllStandardOutput(), [&](qint64 t) { return capture0 + t - wall0; }),
            &missed);
        std::printf(
            "run %d, the player: %d adverts as %d reports, late by p95 %d ms, at most %d ms; the scanning "
            "process's memory %lld KiB at the start, %lld KiB at the end\n",
            run, played.value(QStringLiteral("adverts")).toInt(), played.value(QStringLiteral("reports")).toInt(),
            played.value(QStringLiteral("late_ms_p95")).toInt(), played.value(QStringLiteral("late_ms_max")).toInt(),
            static_cast<long long>(residentBefore), static_cast<long long>(residentAfter));
        report(qPrintable(QStringLiteral("run %1, scan --live (fake BlueZ)").arg(run)), cpu, seconds, liveLags, missed,
               int(approaches.size()));

        // The same lobby replayed at its own pace, by the same program.
        QProcess replay;
        replay.setStandardErrorFile(QProcess::nullDevice());
        QElapsedTimer replayWall;
        replayWall.start();
        replay.start(CLI, {QStringLiteral("scan"), QStringLiteral("--replay"), capture, QStringLiteral("--speed"),
                           QStringLiteral("1"), QStringLiteral("--json"), QStringLiteral("--threshold"),
                           QString::number(THRESHOLD_DBM)});
        replay.waitForStarted();
        const qint64 pid = replay.processId();
        double replayCpu = 0;
        while (!replay.waitForFinished(200))
            replayCpu = std::max(replayCpu, cpuSeconds(pid));
        const QList<qint64> replayLags =
            latencies(approaches, verifiedIn(replay.readAllStandardOutput(), [](qint64 t) { return t; }), &missed);
        report(qPrintable(QStringLiteral("run %1, scan --replay --speed 1").arg(run)), replayCpu,
               double(replayWall.elapsed()) / 1000, replayLags, missed, int(approaches.size()));
    }
    return 0;
}
