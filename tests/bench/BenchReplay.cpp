// Benchmarks of issue 3 (results in README.md beside this file; never timed assertions):
//  1. replay throughput, end to end from a capture file with JSON parsing, on one core: the
//     in-process pipeline (CaptureReader -> PresenceTracker) and `gatehouse-cli scan --replay
//     --speed max --json` as a process, on a generated capture of a few million adverts;
//  2. memory over an 8-hour capture: resident set size as the replay goes;
//  3. (issue 13) the same throughput from a btsnoop recording: a real one (tests/data/dp3t)
//     repeated to a few million reports, side by side with the JSONL capture of the same adverts
//     and with Wireshark's tshark decoding it.
// Run: cmake --workflow --preset bench (or build/release/bin/BenchReplay [ADVERTS]).
#include "BenchSupport.h"
#include "ble/AppProfileTable.h"
#include "ble/CaptureReader.h"
#include "ble/CaptureWriter.h"
#include "ble/LobbySimulator.h"
#include "ble/PresenceTracker.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <unistd.h>

namespace {
struct Pass
{
    qint64 adverts = 0;
    qint64 verified = 0;
    double seconds = 0;
};

// A btsnoop recording of `copies` times the records of `source`, each copy later than the one
// before by the source's span and a second, so that the times go on increasing.
qint64 repeatRecording(const QString& source, const QString& path, int copies)
{
    QFile in(source);
    if (!in.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(source));
    const QByteArray bytes = in.readAll();
    const auto be64 = [](const char* p) {
        quint64 value = 0;
        for (int i = 0; i < 8; ++i)
            value = value << 8 | quint8(p[i]);
        return qint64(value);
    };
    qint64 first = -1;
    qint64 last = 0;
    for (qsizetype at = 16; at + 24 <= bytes.size();) {
        const qint64 time = be64(bytes.constData() + at + 16);
        first = first < 0 ? time : first;
        last = time;
        at += 24 + qsizetype(quint32(quint8(bytes[at + 4])) << 24 | quint8(bytes[at + 5]) << 16 |
                             quint8(bytes[at + 6]) << 8 | quint8(bytes[at + 7]));
    }
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    out.write(bytes.left(16));
    for (int copy = 0; copy < copies; ++copy) {
        QByteArray shifted = bytes.mid(16);
        const qint64 shift = qint64(copy) * (last - first + 1000000);
        for (qsizetype at = 0; at + 24 <= shifted.size();) {
            const qint64 time = be64(shifted.constData() + at + 16) + shift;
            for (int i = 0; i < 8; ++i)
                shifted[at + 16 + i] = char(quint64(time) >> (56 - 8 * i));
            at += 24 + qsizetype(quint32(quint8(shifted[at + 4])) << 24 | quint8(shifted[at + 5]) << 16 |
                                 quint8(shifted[at + 6]) << 8 | quint8(shifted[at + 7]));
        }
        out.write(shifted);
    }
    return out.size();
}

// The same pipeline as `scan --replay --speed max`, without the process and the output.
Pass replay(const QString& path, const std::function<void(const Advertisement&, const PresenceTracker&)>& onAdvert = {})
{
    PresenceTracker tracker(AppProfileTable::defaults(), PresenceTracker::Config());
    Pass pass;
    QObject::connect(&tracker, &PresenceTracker::verified, &tracker,
                     [&pass](const AppVerification&) { ++pass.verified; });
    CaptureReader reader;
    if (!reader.open(path).ok())
        qFatal("cannot read %s", qPrintable(path));
    Advertisement advert;
    QString reason;
    AdProblem problem;
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        const auto item = reader.next(advert, reason, problem);
        if (item == CaptureReader::Item::End || item == CaptureReader::Item::Failed)
            break;
        if (item != CaptureReader::Item::Advert)
            continue;
        ++pass.adverts;
        tracker.feed(advert);
        if (onAdvert)
            onAdvert(advert, tracker);
    }
    pass.seconds = double(timer.nsecsElapsed()) / 1e9;
    return pass;
}
} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    const QString cli = QStringLiteral(GATEHOUSE_CLI);

    // 1. Throughput on a dense lobby: 15 hours, ~3 million adverts.
    const QString dense = dir.filePath(QStringLiteral("dense.jsonl"));
    const qint64 count = writeCapture(dense, 15, 2000, 200, 20);
    std::printf("capture: %lld adverts, %.1f MiB\n", static_cast<long long>(count),
                double(QFileInfo(dense).size()) / (1 << 20));
    QList<double> rates;
    for (int run = 0; run < 3; ++run) {
        const Pass pass = replay(dense);
        rates.append(double(pass.adverts) / pass.seconds);
        std::printf("in-process replay run %d: %lld adverts in %.3f s = %.0f adverts/s (%lld verified)\n", run + 1,
                    static_cast<long long>(pass.adverts), pass.seconds, rates.last(),
                    static_cast<long long>(pass.verified));
    }
    std::sort(rates.begin(), rates.end());
    std::printf("in-process replay median: %.0f adverts/s\n", rates[1]);

    for (int run = 0; run < 3; ++run) {
        QProcess process;
        process.setStandardOutputFile(QProcess::nullDevice());
        process.setStandardErrorFile(QProcess::nullDevice());
        QElapsedTimer timer;
        timer.start();
        process.start(cli, {QStringLiteral("scan"), QStringLiteral("--replay"), dense, QStringLiteral("--speed"),
                            QStringLiteral("max"), QStringLiteral("--json")});
        process.waitForFinished(-1);
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        std::printf("gatehouse-cli scan --replay --speed max --json run %d: %.3f s = %.0f adverts/s (exit %d)\n",
                    run + 1, seconds, double(count) / seconds, process.exitCode());
    }

    // 3. A real recording (btsnoop), repeated, beside its JSONL conversion and tshark.
    const QString recording = dir.filePath(QStringLiteral("recorded.btsnoop"));
    const qint64 recordingBytes =
        repeatRecording(QStringLiteral(GATEHOUSE_TEST_DATA "/dp3t/exp34-17.btsnoop"), recording, 160);
    const QString converted = dir.filePath(QStringLiteral("recorded.jsonl"));
    {
        CaptureReader reader;
        CaptureWriter writer;
        if (!reader.open(recording).ok() || !writer.open(converted).ok())
            qFatal("cannot convert the recording");
        Advertisement advert;
        QString reason;
        AdProblem problem;
        while (reader.next(advert, reason, problem) == CaptureReader::Item::Advert) {
            if (!writer.write(advert).ok())
                qFatal("cannot write the conversion");
        }
        if (!writer.close().ok())
            qFatal("cannot write the conversion");
    }
    std::printf("recording: %.1f MiB btsnoop, its JSONL conversion %.1f MiB\n", double(recordingBytes) / (1 << 20),
                double(QFileInfo(converted).size()) / (1 << 20));
    for (int run = 0; run < 3; ++run) {
        for (const QString& path : {recording, converted}) {
            const Pass pass = replay(path);
            std::printf("in-process replay run %d, %s: %lld adverts in %.3f s = %.0f adverts/s (%lld verified)\n",
                        run + 1, path.endsWith(QLatin1String(".jsonl")) ? "jsonl  " : "btsnoop",
                        static_cast<long long>(pass.adverts), pass.seconds, double(pass.adverts) / pass.seconds,
                        static_cast<long long>(pass.verified));
        }
    }
    for (int run = 0; run < 3; ++run) {
        QProcess process;
        process.setStandardOutputFile(QProcess::nullDevice());
        process.setStandardErrorFile(QProcess::nullDevice());
        QElapsedTimer timer;
        timer.start();
        process.start(cli, {QStringLiteral("scan"), QStringLiteral("--replay"), recording, QStringLiteral("--speed"),
                            QStringLiteral("max"), QStringLiteral("--json")});
        process.waitForFinished(-1);
        std::printf("gatehouse-cli scan --replay RECORDING.btsnoop --speed max --json run %d: %.3f s (exit %d)\n",
                    run + 1, double(timer.nsecsElapsed()) / 1e9, process.exitCode());
    }
    {
        // Wireshark's own reading of the recording once (18,394 reports; tshark dissects every
        // record in full, and took 21 minutes over the 160 copies), beside ours of the same file.
        const QString once = QStringLiteral(GATEHOUSE_TEST_DATA "/dp3t/exp34-17.btsnoop");
        const Pass ours = replay(once);
        std::printf("in-process replay of the recording once: %lld adverts in %.4f s\n",
                    static_cast<long long>(ours.adverts), ours.seconds);
        QProcess process;
        process.setStandardOutputFile(QProcess::nullDevice());
        process.setStandardErrorFile(QProcess::nullDevice());
        QElapsedTimer timer;
        timer.start();
        process.start(QStringLiteral("tshark"),
                      {QStringLiteral("-r"), once, QStringLiteral("-Y"),
                       QStringLiteral("bthci_evt.le_meta_subevent == 0x02"), QStringLiteral("-T"),
                       QStringLiteral("fields"), QStringLiteral("-e"), QStringLiteral("bthci_evt.rssi")});
        if (process.waitForFinished(-1) && process.exitStatus() == QProcess::NormalExit)
            std::printf("tshark -r exp34-17.btsnoop -Y 'bthci_evt.le_meta_subevent == 0x02' -T fields -e "
                        "bthci_evt.rssi: %.3f s (exit %d)\n",
                        double(timer.nsecsElapsed()) / 1e9, process.exitCode());
        else
            std::printf("tshark: not run (%s)\n", qPrintable(process.errorString()));
    }

    // 2. Memory over eight hours of an ordinary lobby.
    const QString day = dir.filePath(QStringLiteral("eight-hours.jsonl"));
    const qint64 dayCount = writeCapture(day, 8, 400, 90, 6);
    std::printf("8-hour capture: %lld adverts\n", static_cast<long long>(dayCount));
    qint64 nextReportMs = 0;
    qint64 firstMs = -1;
    replay(day, [&](const Advertisement& advert, const PresenceTracker& tracker) {
        if (firstMs < 0)
            firstMs = advert.timeMs;
        if (advert.timeMs - firstMs >= nextReportMs) {
            std::printf("  at %5.1f h: resident %lld KiB, %d tracks\n", double(nextReportMs) / 3.6e6,
                        static_cast<long long>(residentKiB()), tracker.trackCount());
            nextReportMs += 3600 * 1000;
        }
    });
    std::printf("  end:      resident %lld KiB\n", static_cast<long long>(residentKiB()));
    return 0;
}
