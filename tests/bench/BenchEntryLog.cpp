// Benchmarks of issue 5 (results in README.md beside this file; never timed assertions):
//  1. check-in commit latency on a file database with synchronous=FULL (WAL): CheckInService::
//     checkIn, each its own durable transaction, median and p99;
//  2. `gatehouse-cli simulate --days 100 --per-day 10000` (one million entries) as a process;
//  3. `present` on that database: the CLI as a process, and CheckInService::present in process.
// Run: cmake --workflow --preset bench (or build/release/bin/BenchEntryLog [FOLDER]). The
// database goes to FOLDER (default: a temporary folder), so a real disk can be measured.
#include "checkin/CheckInService.h"
#include "common/SystemClock.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/EntryLog.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

namespace {
double at(QList<double> values, double fraction)
{
    std::sort(values.begin(), values.end());
    return values[std::min<qsizetype>(values.size() - 1, qsizetype(double(values.size()) * fraction))];
}

double runCli(const QStringList& arguments)
{
    QProcess process;
    process.setStandardOutputFile(QProcess::nullDevice());
    process.setStandardErrorFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    process.start(QStringLiteral(GATEHOUSE_CLI), arguments);
    process.waitForFinished(-1);
    return double(timer.nsecsElapsed()) / 1e6;
}
} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir temporary;
    const QString folder = argc > 1 ? QString::fromLocal8Bit(argv[1]) : temporary.path();

    // 1. Commit latency.
    {
        const QString path = folder + QStringLiteral("/latency.db");
        QFile::remove(path);
        auto database = Database::open(path).value();
        EntryLog log(*database);
        AuditLog audit(*database);
        SystemClock clock;
        CheckInService service(Site(), log, audit, clock);
        QList<double> latencies;
        for (int i = 0; i < 2000; ++i) {
            CheckInService::Request request;
            request.entry.fullName = QStringLiteral("Nguyễn Văn An");
            request.entry.idNumber = QStringLiteral("046%1").arg(i, 9, 10, QLatin1Char('0'));
            request.entry.method = Entry::Method::QrCccd;
            QElapsedTimer timer;
            timer.start();
            const auto outcome = service.checkIn(request);
            latencies.append(double(timer.nsecsElapsed()) / 1e6);
            if (!outcome || !outcome->entry)
                qFatal("check-in failed");
        }
        std::printf(
            "check-in commit latency (2000, synchronous=FULL, WAL, %s): median %.3f ms, p99 %.3f ms, max %.3f ms\n",
            qPrintable(folder), at(latencies, 0.5), at(latencies, 0.99), at(latencies, 1.0));
    }

    // 2. One million entries through the service.
    const QString million = folder + QStringLiteral("/million.db");
    QFile::remove(million);
    const QString now = QStringLiteral("2020-08-03T10:30:00+07:00"); // mid-morning: people are inside
    const double simulateMs =
        runCli({QStringLiteral("--db"), million, QStringLiteral("--now"), now, QStringLiteral("simulate"),
                QStringLiteral("--days"), QStringLiteral("100"), QStringLiteral("--per-day"), QStringLiteral("10000")});
    std::printf("gatehouse-cli simulate --days 100 --per-day 10000: %.1f s\n", simulateMs / 1000);

    // 3. Who is inside, on that database.
    QList<double> processMs;
    for (int i = 0; i < 5; ++i)
        processMs.append(runCli({QStringLiteral("--db"), million, QStringLiteral("--now"), now,
                                 QStringLiteral("present"), QStringLiteral("--json")}));
    auto database = Database::open(million, Database::Check::None).value();
    EntryLog log(*database);
    AuditLog audit(*database);
    SystemClock clock;
    CheckInService service(Site(), log, audit, clock);
    QList<double> queryMs;
    qsizetype inside = 0;
    for (int i = 0; i < 20; ++i) {
        QElapsedTimer timer;
        timer.start();
        inside = service.present().value().size();
        queryMs.append(double(timer.nsecsElapsed()) / 1e6);
    }
    std::printf("present on 1M entries (%lld inside): gatehouse-cli present --json median %.1f ms (5 runs, whole "
                "process); CheckInService::present median %.2f ms, max %.2f ms (20 runs)\n",
                static_cast<long long>(inside), at(processMs, 0.5), at(queryMs, 0.5), at(queryMs, 1.0));
    return 0;
}
