// Benchmarks of issue 3 (results in README.md beside this file; never timed assertions):
//  1. replay throughput, end to end from a capture file with JSON parsing, on one core: the
//     in-process pipeline (CaptureReader -> PresenceTracker) and `gatehouse-cli scan --replay
//     --speed max --json` as a process, on a generated capture of a few million adverts;
//  2. memory over an 8-hour capture: resident set size as the replay goes.
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
