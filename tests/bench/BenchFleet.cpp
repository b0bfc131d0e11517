// A province's fleet against one central store (issue 26): N kiosks (2,000) each running the
// kiosk's own sync round (OutboxSender, as CentralSync runs it: contact, events, the site's open
// entries, shared settings and their report, the isolation list, health with `doctor` checks)
// every interval (30 s), each as its own PostgreSQL role over TLS on the loopback with its own
// certificate (pg_hba `hostssl … cert`, as README's production notes and central add-kiosk set a
// kiosk up), against a PostgreSQL 15 of the benchmark's own that commits durably (fsync,
// synchronous_commit on).
//
// Two ways a kiosk may hold its link, side by side in one run on the same server and fleet:
//   persistent — the connection stays open between rounds (what CentralSync does): one server
//                process per kiosk, all the time;
//   reconnect  — the kiosk disconnects after each round: a connection (and a server process) per
//                round.
// For each: the server's CPU over `measured` intervals (the postmaster and every backend, from
// /proc, exited backends included through the postmaster's cutime/cstime), its memory (PSS), the
// bench's own CPU (the simulated kiosks share the 2 cores), and p50/p95/max of a round at the
// kiosk. Then a province-wide settings change: how long until 95 % and 100 % of the kiosks
// report the new set (gatehouse.kiosks.settings_current, polled every 2 s), target 2 intervals.
//
// Usage: BenchFleet [kiosks=2000] [interval_s=30] [measured_intervals=4] [listed=1000] [workers=100]
//                   [modes=persistent,reconnect] [schema_version=latest] [profile=1]
// A store left at an older schema version shows what the kiosks' round cost before (version 11:
// seven statements a round; 12: two calls). profile=0 leaves pg_stat_statements out: it keeps an
// entry per statement and role, and every kiosk is its own role, so past pg_stat_statements.max
// (here 30,000) it would evict under an exclusive lock and weigh on what it measures.
// Results, with the command and date: tests/bench/README.md.
#include "CentralBench.h"
#include "CentralTls.h"
#include "ThrowawayPostgres.h"
#include "central/CentralAdmin.h"
#include "central/CentralSchema.h"
#include "central/OutboxSender.h"
#include "checkin/KioskCheckup.h"
#include "common/SystemClock.h"
#include "crypto/ClientCertificate.h"
#include "storage/Database.h"
#include "storage/EntryLog.h"
#include "storage/Outbox.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <mutex>

#include <sys/resource.h>
#include <unistd.h>

namespace {

// A round as the kiosk saw it: when it began (ms since the run's start), how long it took.
struct Sample
{
    qint64 startMs = 0;
    double ms = 0;
    bool ok = false;
};

// One simulated kiosk, living on one worker thread (its SQLite connection belongs to it).
struct Kiosk
{
    QString id;
    QString site;
    std::unique_ptr<Database> database;
    std::unique_ptr<EntryLog> log;
    std::unique_ptr<Outbox> outbox;
    std::unique_ptr<OutboxSender> sender;
    qint64 dueMs = 0;
    int rounds = 0;
    bool joined = false;
};

// What the worker threads share with the main thread.
struct Fleet
{
    std::atomic<bool> running{true};
    std::atomic<bool> reconnect{false};
    std::atomic<int> ready{0};
    std::atomic<bool> started{false};
    std::atomic<int> joined{0}; // kiosks whose first round succeeded
    QElapsedTimer since;
    std::mutex mutex;
    QList<Sample> samples;
    QStringList errors;
};

// The kiosk's `doctor` checks as it reports them every 15 minutes (formats/cli.md's objects).
QByteArray doctorChecks()
{
    QList<KioskCheckup::Check> checks;
    for (const char* name :
         {"configuration", "privacy", "database", "disk", "bluetooth", "camera", "clock", "central", "keys", "desk"})
        checks.append({QString::fromLatin1(name), true, true, QStringLiteral("Works.")});
    return KioskCheckup::jsonArray(checks);
}

// The postmaster and its children: each one's pid and the fields of /proc/PID/stat after the
// command's closing parenthesis: state(3) ppid(4) … utime(14) stime(15) cutime(16) cstime(17)
// (proc(5)), so that field n is at n - 3.
QList<std::pair<qint64, QList<QByteArray>>> serverProcesses(qint64 postmaster)
{
    QList<std::pair<qint64, QList<QByteArray>>> processes;
    const QDir proc(QStringLiteral("/proc"));
    for (const QString& entry : proc.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool number = false;
        const qint64 pid = entry.toLongLong(&number);
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!number || !stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() >= 15 && (pid == postmaster || fields[1].toLongLong() == postmaster))
            processes.append({pid, fields});
    }
    return processes;
}

// The server's CPU seconds so far: the postmaster, its children alive and those already waited
// for (the postmaster's cutime/cstime).
double serverCpuSeconds(qint64 postmaster)
{
    double ticks = 0;
    for (const auto& [pid, fields] : serverProcesses(postmaster)) {
        ticks += fields[11].toDouble() + fields[12].toDouble();
        if (pid == postmaster)
            ticks += fields[13].toDouble() + fields[14].toDouble();
    }
    return ticks / double(sysconf(_SC_CLK_TCK));
}

// The server's memory: the proportional set size of the postmaster and its children, in MiB, and
// how many processes it has.
std::pair<double, int> serverMemory(qint64 postmaster)
{
    double kib = 0;
    int processes = 0;
    for (const auto& process : serverProcesses(postmaster)) {
        QFile rollup(QStringLiteral("/proc/%1/smaps_rollup").arg(process.first));
        if (!rollup.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray& row : rollup.readAll().split('\n')) {
            if (row.startsWith("Pss:"))
                kib += row.mid(4).trimmed().split(' ').first().toDouble();
        }
        ++processes;
    }
    return {kib / 1024, processes};
}

double selfCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

struct Percentiles
{
    double p50 = 0, p95 = 0, max = 0;
    int count = 0, failed = 0;
};

Percentiles percentiles(const QList<Sample>& samples, qint64 fromMs, qint64 toMs)
{
    QList<double> times;
    Percentiles result;
    for (const Sample& sample : samples) {
        if (sample.startMs < fromMs || sample.startMs >= toMs)
            continue;
        if (!sample.ok) {
            ++result.failed;
            continue;
        }
        times.append(sample.ms);
    }
    std::sort(times.begin(), times.end());
    result.count = int(times.size());
    if (times.isEmpty())
        return result;
    result.p50 = times[times.size() / 2];
    result.p95 = times[std::min(qsizetype(times.size() * 95 / 100), times.size() - 1)];
    result.max = times.last();
    return result;
}

// A worker: opens its kiosks' logs and senders, then runs each kiosk's round when it is due.
void work(Fleet& fleet, const QList<int>& numbers, const QString& folder, const QString& server, qint64 intervalMs)
{
    // Declared before the kiosks, whose senders hold it.
    const SystemClock clock;
    std::vector<Kiosk> kiosks;
    kiosks.reserve(numbers.size());
    const QByteArray checks = doctorChecks();
    for (const int n : numbers) {
        Kiosk kiosk;
        kiosk.id = QStringLiteral("kiosk-%1").arg(n);
        kiosk.site = QStringLiteral("site-%1").arg(n);
        const QString ini = folder + QStringLiteral("/") + kiosk.id + QStringLiteral(".ini");
        QFile file(ini);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(ini));
        file.write(QStringLiteral("[site]\nid=%1\npolicy=recommended\n[central]\nkiosk_id=%2\n")
                       .arg(kiosk.site, kiosk.id)
                       .toUtf8());
        file.close();
        // The kiosk's own key and certificate, as central add-kiosk issues them.
        const QString key = folder + QStringLiteral("/") + kiosk.id + QStringLiteral(".key");
        const QString certificate = folder + QStringLiteral("/") + kiosk.id + QStringLiteral(".pem");
        if (const auto issued = ClientCertificate::issue(kiosk.id, folder + QStringLiteral("/ca.key"),
                                                         folder + QStringLiteral("/ca.pem"), key, certificate);
            !issued)
            qFatal("%s", qPrintable(issued.error().message()));
        const QString uri = QStringLiteral("%1 sslmode=verify-full sslrootcert=%2/ca.pem sslcert=%3 sslkey=%4")
                                .arg(server, folder, certificate, key);
        auto database = Database::open(folder + QStringLiteral("/") + kiosk.id + QStringLiteral(".db"));
        if (!database)
            qFatal("%s", qPrintable(database.error().message()));
        kiosk.database = std::move(database).value();
        kiosk.log = std::make_unique<EntryLog>(*kiosk.database);
        kiosk.outbox = std::make_unique<Outbox>(*kiosk.database);
        OutboxSender::Config config{uri, kiosk.id, kiosk.site};
        config.shareSettings = true;
        config.settingsPath = ini;
        config.checks = [checks] { return checks; };
        kiosk.sender = std::make_unique<OutboxSender>(config, *kiosk.outbox, clock);
        // Kiosks started at any time of the interval.
        kiosk.dueMs = QRandomGenerator::global()->bounded(intervalMs);
        kiosks.push_back(std::move(kiosk));
    }
    ++fleet.ready;
    // Every worker counts from the same moment.
    while (!fleet.started)
        QThread::msleep(50);
    while (fleet.running) {
        auto next = std::min_element(kiosks.begin(), kiosks.end(),
                                     [](const Kiosk& a, const Kiosk& b) { return a.dueMs < b.dueMs; });
        const qint64 wait = next->dueMs - fleet.since.elapsed();
        if (wait > 0) {
            QThread::msleep(std::min<qint64>(wait, 200));
            continue;
        }
        Kiosk& kiosk = *next;
        // A visitor every other round: about 2,000 entries a minute across 2,000 doors.
        if (kiosk.rounds % 2 == 0) {
            Entry entry;
            entry.site = kiosk.site;
            entry.entrance = QStringLiteral("main");
            entry.fullName = QStringLiteral("Trần Thị Bích");
            entry.idNumber =
                QStringLiteral("0461900%1").arg(QRandomGenerator::global()->bounded(100000), 5, 10, QLatin1Char('0'));
            entry.checkedInAt = clock.now();
            entry.method = Entry::Method::QrCccd;
            entry.appStatus = Entry::AppStatus::Verified;
            (void)kiosk.log->record(entry);
        }
        Sample sample;
        sample.startMs = fleet.since.elapsed();
        QElapsedTimer timer;
        timer.start();
        const auto round = kiosk.sender->round();
        if (fleet.reconnect)
            kiosk.sender->disconnect();
        sample.ms = double(timer.nsecsElapsed()) / 1e6;
        sample.ok = round.ok();
        ++kiosk.rounds;
        if (round && !kiosk.joined) {
            kiosk.joined = true;
            ++fleet.joined;
        }
        kiosk.dueMs += intervalMs;
        std::lock_guard<std::mutex> lock(fleet.mutex);
        fleet.samples.append(sample);
        if (!round && fleet.errors.size() < 20)
            fleet.errors.append(kiosk.id + QStringLiteral(": ") + round.error().message());
    }
    for (Kiosk& kiosk : kiosks)
        kiosk.sender->disconnect();
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int kiosks = argc > 1 ? QByteArray(argv[1]).toInt() : 2000;
    const qint64 intervalMs = (argc > 2 ? QByteArray(argv[2]).toInt() : 30) * 1000LL;
    const int measured = argc > 3 ? QByteArray(argv[3]).toInt() : 4;
    const int listed = argc > 4 ? QByteArray(argv[4]).toInt() : 1000;
    const int workerCount = argc > 5 ? QByteArray(argv[5]).toInt() : 100;

    // A connection and a SQLite log (with its WAL) a kiosk, in one process.
    rlimit files{};
    getrlimit(RLIMIT_NOFILE, &files);
    files.rlim_cur = files.rlim_max;
    setrlimit(RLIMIT_NOFILE, &files);
    if (files.rlim_cur < rlim_t(kiosks) * 5 + 100)
        qFatal("%d kiosks need %d open files; the limit is %lld", kiosks, kiosks * 5 + 100,
               static_cast<long long>(files.rlim_cur));

    QTemporaryDir folder;
    if (!CentralTls::makeAuthority(folder.path()))
        qFatal("openssl could not make the CA and the server's certificate");
    const bool profile = argc > 8 ? QByteArray(argv[8]) != "0" : true;
    ThrowawayPostgres server;
    // Kiosks over TLS with a certificate whose CN is their role, nothing else over TCP.
    QStringList options = {QStringLiteral("-c max_connections=%1").arg(kiosks + 50), QStringLiteral("-c fsync=on"),
                           QStringLiteral("-c synchronous_commit=on"), QStringLiteral("-c full_page_writes=on"),
                           QStringLiteral("-c shared_buffers=512MB")};
    if (profile) {
        // Where the server's time goes, statement by statement, those inside the kiosk's
        // functions included (contrib's pg_stat_statements).
        options << QStringLiteral("-c shared_preload_libraries=pg_stat_statements")
                << QStringLiteral("-c pg_stat_statements.max=30000")
                << QStringLiteral("-c pg_stat_statements.track=all")
                << QStringLiteral("-c pg_stat_statements.track_planning=on");
    }
    const QString why = CentralTls::start(server, folder.path(), options);
    if (!why.isEmpty())
        qFatal("%s", qPrintable(why));
    auto opened = CentralConnection::open(server.uri());
    if (!opened)
        qFatal("%s", qPrintable(opened.error().message()));
    auto admin = std::move(opened).value();
    const int version = argc > 7 ? QByteArray(argv[7]).toInt() : CentralSchema::latestVersion();
    if (const auto migrated = CentralSchema::migrate(*admin, version); !migrated)
        qFatal("%s", qPrintable(migrated.error().message()));
    if (profile)
        must(admin->exec(QStringLiteral("CREATE EXTENSION pg_stat_statements")), "pg_stat_statements");

    QElapsedTimer timer;
    timer.start();
    CentralAdmin sites(*admin);
    for (int n = 0; n < kiosks; ++n) {
        const QString site = QStringLiteral("site-%1").arg(n);
        const QString district = QStringLiteral("District %1").arg(n % 30);
        if (const auto added = sites.addSite(site, QStringLiteral("Site %1").arg(n), district); !added)
            qFatal("%s", qPrintable(added.error().message()));
        if (const auto added = sites.addKiosk(QStringLiteral("kiosk-%1").arg(n), site, QString()); !added)
            qFatal("%s", qPrintable(added.error().message()));
    }
    // What a province shares: its install link and language for all, required in a third of the
    // districts, a longer retention at one site in ten; and its isolation list.
    must(admin->exec(QStringLiteral(
             "SELECT gatehouse.change_setting('province', 'install_url', 'https://bluezone.gov.vn', 'bench'),"
             " gatehouse.change_setting('province', 'language', 'vi', 'bench')")),
         "province settings");
    must(admin->exec(QStringLiteral("SELECT gatehouse.change_setting('district:District ' || d, 'policy', 'required',"
                                    " 'bench') FROM generate_series(0, 29, 3) d")),
         "district settings");
    must(admin->exec(QStringLiteral("SELECT gatehouse.change_setting('site:site-' || s, 'retention_days', '60',"
                                    " 'bench') FROM generate_series(0, %1, 10) s")
                         .arg(kiosks - 1)),
         "site settings");
    must(admin->exec(QStringLiteral("INSERT INTO gatehouse.isolation (id_number, kind, until, added_by)"
                                    " SELECT lpad((46190000000 + g * 7)::text, 12, '0'),"
                                    " CASE WHEN g % 5 = 0 THEN 'F0' ELSE 'F1' END, now() + interval '14 days', 'bench'"
                                    " FROM generate_series(1, %1) g")
                         .arg(listed)),
         "isolation list");
    std::printf("BenchFleet: %d kiosks every %lld s, %d intervals measured, %d listed, %d worker threads, schema"
                " version %d\n",
                kiosks, intervalMs / 1000, measured, listed, workerCount, version);
    std::printf("  %d sites and kiosk roles registered in %.1f s\n", kiosks, seconds(timer));

    QFile pidFile(server.dataFolder() + QStringLiteral("/postmaster.pid"));
    if (!pidFile.open(QIODevice::ReadOnly))
        qFatal("no postmaster.pid");
    const qint64 postmaster = pidFile.readLine().trimmed().toLongLong();

    const QString uri = QStringLiteral("host=127.0.0.1 port=%1 dbname=postgres").arg(server.port());
    Fleet fleet;
    QList<QThread*> workers;
    timer.restart();
    for (int w = 0; w < workerCount; ++w) {
        QList<int> numbers;
        for (int n = w; n < kiosks; n += workerCount)
            numbers.append(n);
        QThread* thread = QThread::create(
            [&fleet, numbers, path = folder.path(), uri, intervalMs] { work(fleet, numbers, path, uri, intervalMs); });
        thread->start();
        workers.append(thread);
    }
    while (fleet.ready.load() < workerCount)
        QThread::msleep(100);
    std::printf("  %d kiosk logs opened in %.1f s\n", kiosks, seconds(timer));
    fleet.since.start();
    fleet.started = true;

    int changes = 0;
    const auto phase = [&](const char* name, bool reconnect) {
        fleet.reconnect = reconnect;
        // Every kiosk in (its first round connects: a fork, TLS and a cold backend each, which
        // would otherwise be counted as the steady state), then a whole interval to settle.
        while (fleet.joined.load() < kiosks)
            QThread::msleep(200);
        std::printf("  %s: every kiosk has synced once, %.0f s after the fleet started\n", name,
                    double(fleet.since.elapsed()) / 1000);
        std::fflush(stdout);
        const qint64 settle = fleet.since.elapsed() + intervalMs;
        while (fleet.since.elapsed() < settle)
            QThread::msleep(200);
        const qint64 from = fleet.since.elapsed();
        const double serverFrom = serverCpuSeconds(postmaster);
        const double selfFrom = selfCpuSeconds();
        if (profile)
            must(admin->exec(QStringLiteral("SELECT pg_stat_statements_reset()")), "pg_stat_statements_reset");
        // Automatic VACUUM and ANALYZE in the window: each invalidates the plans and cached
        // descriptions of its table in every connection, which each kiosk then rebuilds.
        const QString maintenance = QStringLiteral(
            "SELECT relname, autovacuum_count, autoanalyze_count FROM pg_stat_user_tables ORDER BY relname");
        QHash<QString, QPair<qint64, qint64>> maintainedBefore;
        for (const QStringList& row : must(admin->exec(maintenance), "pg_stat_user_tables").values)
            maintainedBefore.insert(row[0], {row[1].toLongLong(), row[2].toLongLong()});
        QThread::msleep(quint64(intervalMs * measured));
        const qint64 to = fleet.since.elapsed();
        const double serverCpu = serverCpuSeconds(postmaster) - serverFrom;
        const double selfCpu = selfCpuSeconds() - selfFrom;
        const auto [memory, processes] = serverMemory(postmaster);
        Percentiles rounds;
        {
            std::lock_guard<std::mutex> lock(fleet.mutex);
            rounds = percentiles(fleet.samples, from, to);
        }
        const double wall = double(to - from) / 1000;
        std::printf("  %s: %d rounds in %.0f s (%.1f/s), %d failed; a round p50 %.1f ms, p95 %.1f ms, max %.1f ms;"
                    " server CPU %.1f s = %.0f %% of one core; bench (the kiosks) %.0f %% of one core;"
                    " server %d processes, PSS %.0f MiB\n",
                    name, rounds.count, wall, rounds.count / wall, rounds.failed, rounds.p50, rounds.p95, rounds.max,
                    serverCpu, 100 * serverCpu / wall, 100 * selfCpu / wall, processes, memory);
        if (profile) {
            // The statements that took the server's time in the window, per round, summed over the
            // kiosks' roles: "top" what a kiosk sent, "nested" what ran inside the functions it called
            // (a function's own line includes them). Planning apart: a function in LANGUAGE sql plans
            // its statements again at each call, PL/pgSQL once per connection.
            const auto statements =
                must(admin->exec(QStringLiteral("SELECT CASE WHEN toplevel THEN 'top' ELSE 'nested' END, sum(calls),"
                                                " round((sum(total_exec_time + total_plan_time) / $1)::numeric, 3),"
                                                " round((sum(total_plan_time) / sum(calls))::numeric, 3),"
                                                " round((sum(total_exec_time) / sum(calls))::numeric, 3),"
                                                " regexp_replace(left(query, 100), '\\s+', ' ', 'g')"
                                                " FROM pg_stat_statements WHERE calls > 0 GROUP BY toplevel, query"
                                                " ORDER BY sum(total_exec_time + total_plan_time) DESC LIMIT 25"),
                                 {QString::number(std::max(rounds.count, 1))}),
                     "pg_stat_statements");
            std::printf("  %s: where the server's time went (ms a round; a call's planning and execution in ms; calls;"
                        " statement):\n",
                        name);
            for (const QStringList& row : statements.values)
                std::printf("    %-6s %7s %7s %7s %7s  %s\n", qPrintable(row[0]), qPrintable(row[2]),
                            qPrintable(row[3]), qPrintable(row[4]), qPrintable(row[1]), qPrintable(row[5]));
        }
        std::printf("  %s: automatic VACUUM / ANALYZE in the window:", name);
        for (const QStringList& row : must(admin->exec(maintenance), "pg_stat_user_tables").values) {
            const auto before = maintainedBefore.value(row[0]);
            const qint64 vacuums = row[1].toLongLong() - before.first;
            const qint64 analyses = row[2].toLongLong() - before.second;
            if (vacuums + analyses > 0)
                std::printf(" %s %lld/%lld", qPrintable(row[0]), vacuums, analyses);
        }
        std::printf("\n");
        std::fflush(stdout);

        // A province-wide change: how long until the kiosks report the new set.
        ++changes;
        const qint64 changedAt = fleet.since.elapsed();
        must(admin->exec(
                 QStringLiteral("SELECT gatehouse.change_setting('province', 'idle_reset_seconds', $1, 'bench')"),
                 {QString::number(60 + changes)}),
             "the change");
        double at95 = -1, atAll = -1;
        while (fleet.since.elapsed() - changedAt < 3 * intervalMs) {
            const auto current =
                must(admin->exec(QStringLiteral(
                         "SELECT count(*) FILTER (WHERE settings_current), count(*) FROM gatehouse.kiosks")),
                     "settings_current");
            const double share = current.values[0][0].toDouble() / current.values[0][1].toDouble();
            const double after = double(fleet.since.elapsed() - changedAt) / 1000;
            if (at95 < 0 && share >= 0.95)
                at95 = after;
            if (share >= 1) {
                atAll = after;
                break;
            }
            QThread::msleep(2000);
        }
        std::printf(
            "  %s: a province-wide change reached 95 %% of the kiosks in %.0f s and all in %.0f s (target: 95 %%"
            " within 2 intervals, %lld s)\n",
            name, at95, atAll, 2 * intervalMs / 1000);
        std::fflush(stdout);
    };
    // Which to run: "persistent", "reconnect" or both (the default).
    const QString modes = argc > 6 ? QString::fromLatin1(argv[6]) : QStringLiteral("persistent,reconnect");
    if (modes.contains(QLatin1String("persistent")))
        phase("persistent", false);
    if (modes.contains(QLatin1String("reconnect")))
        phase("reconnect", true);

    fleet.running = false;
    for (QThread* thread : workers) {
        thread->wait();
        delete thread;
    }
    {
        std::lock_guard<std::mutex> lock(fleet.mutex);
        for (const QString& error : std::as_const(fleet.errors))
            std::printf("  failed round: %s\n", qPrintable(error));
    }
    const auto events = must(admin->exec(QStringLiteral("SELECT count(*) FROM gatehouse.event")), "events");
    std::printf("  events received: %s\n", qPrintable(events.values[0][0]));
    return 0;
}
