// Benchmarks of issue 6 (results in README.md beside this file; never timed assertions):
//  1. exporting one million entries: `gatehouse-cli export` side by side with `sqlite3 -csv`
//     dumping the same rows from the same database, in one run, three times each, interleaved;
//  2. the contact-tracing query over one million entries, in process.
// Run: cmake --workflow --preset bench (or build/release/bin/BenchExport [FOLDER]).
#include "checkin/CheckInService.h"
#include "export/ContactTrace.h"
#include "storage/Database.h"
#include "storage/EntryLog.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

namespace {
double runProcess(const QString& program, const QStringList& arguments, const QString& outputFile = QString())
{
    QProcess process;
    process.setStandardOutputFile(outputFile.isEmpty() ? QProcess::nullDevice() : outputFile);
    process.setStandardErrorFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    process.waitForFinished(-1);
    return double(timer.nsecsElapsed()) / 1e9;
}
} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir temporary;
    const QString folder = argc > 1 ? QString::fromLocal8Bit(argv[1]) : temporary.path();
    const QString cli = QStringLiteral(GATEHOUSE_CLI);
    const QString db = folder + QStringLiteral("/export-million.db");
    QFile::remove(db);
    const QString now = QStringLiteral("2020-08-03T10:30:00+07:00");
    runProcess(cli,
               {QStringLiteral("--db"), db, QStringLiteral("--now"), now, QStringLiteral("simulate"),
                QStringLiteral("--days"), QStringLiteral("100"), QStringLiteral("--per-day"), QStringLiteral("10000")});
    const QString from = QStringLiteral("2020-04-01T00:00:00+07:00");
    const QString to = QStringLiteral("2020-08-04T00:00:00+07:00");
    const qint64 fromMs = QDateTime::fromString(from, Qt::ISODate).toMSecsSinceEpoch();
    const qint64 toMs = QDateTime::fromString(to, Qt::ISODate).toMSecsSinceEpoch();
    // The same rows and columns, raw: what a hand-made dump with the sqlite3 shell gives.
    const QString sql = QStringLiteral("SELECT id, site, entrance, person_type, full_name, id_number, phone, address, "
                                       "checked_in_at, checked_out_at, "
                                       "checkout_kind, method, app_status, app_profile, app_id, declaration FROM entry "
                                       "WHERE checked_in_at < %1 AND "
                                       "(checked_out_at IS NULL OR checked_out_at >= %2) ORDER BY checked_in_at, id")
                            .arg(toMs)
                            .arg(fromMs);
    const QString sqlite3 = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    QList<double> ours;
    QList<double> theirs;
    for (int run = 0; run < 3; ++run) {
        ours.append(runProcess(cli, {QStringLiteral("--db"), db, QStringLiteral("export"), QStringLiteral("--from"),
                                     from, QStringLiteral("--to"), to, QStringLiteral("--out"),
                                     folder + QStringLiteral("/export.csv")}));
        if (!sqlite3.isEmpty())
            theirs.append(
                runProcess(sqlite3, {QStringLiteral("-csv"), db, sql}, folder + QStringLiteral("/sqlite3.csv")));
    }
    std::sort(ours.begin(), ours.end());
    std::sort(theirs.begin(), theirs.end());
    QFile exported(folder + QStringLiteral("/export.csv"));
    std::printf("export of %lld bytes: gatehouse-cli export %.2f %.2f %.2f s", static_cast<long long>(exported.size()),
                ours[0], ours[1], ours[2]);
    if (!theirs.isEmpty())
        std::printf(", sqlite3 -csv %.2f %.2f %.2f s; median ratio %.2f", theirs[0], theirs[1], theirs[2],
                    ours[1] / theirs[1]);
    std::printf("\n");

    // Tracing: the case is a person with a stay in the middle of the log.
    auto database = Database::open(db, Database::Check::None).value();
    EntryLog log(*database);
    QSqlQuery pick(database->connection());
    pick.exec(QStringLiteral(
        "SELECT id_number FROM entry WHERE checked_out_at IS NOT NULL ORDER BY id LIMIT 1 OFFSET 500000"));
    pick.next();
    const QString caseId = pick.value(0).toString();
    pick.finish();
    QList<double> traceMs;
    qsizetype contacts = 0;
    for (int run = 0; run < 20; ++run) {
        QElapsedTimer timer;
        timer.start();
        auto found = ContactTrace::find(log, Site(), caseId, QDateTime::fromMSecsSinceEpoch(fromMs),
                                        QDateTime::fromMSecsSinceEpoch(toMs), QDateTime::fromMSecsSinceEpoch(toMs));
        traceMs.append(double(timer.nsecsElapsed()) / 1e6);
        contacts = found ? found->size() : -1;
    }
    std::sort(traceMs.begin(), traceMs.end());
    std::printf("trace over 1M entries (%lld contacts): median %.2f ms, max %.2f ms (20 runs, in process)\n",
                static_cast<long long>(contacts), traceMs[traceMs.size() / 2], traceMs.last());
    return 0;
}
