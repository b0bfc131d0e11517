// The province's console at a province's size (issue 25): `stays` stays at 2,000 sites
// (CentralBench.h), gatehouse-central of this build serving them over TLS, and side by side in one
// run the bare SQL of the same questions in psql.
// 1. A case page (the case's stays and their contacts, as a province's official sees them):
//    p50/p95/max at the client over loopback, against psql running the page's two questions.
// 2. The compliance page for 30 days (every site's figures, the days, the silent kiosks), against
//    psql running its three questions.
// 3. `officials` officials signed in at once for `seconds` s, each opening cases and reading their
//    pages in a loop: p95 and errors.
// Usage: BenchConsole [stays=10000000] [officials=50] [seconds=30]
#include "../central/ConsoleClient.h"
#include "CentralBench.h"
#include "SiteAuthority.h"
#include "ThrowawayPostgres.h"
#include "central/CentralConnection.h"
#include "central/CentralSchema.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

namespace {
const QByteArray PASSWORD = "benchmark-password-2020";

struct Spread
{
    double p50 = 0;
    double p95 = 0;
    double max = 0;
};

Spread spread(QList<double> times)
{
    if (times.isEmpty())
        return {};
    std::sort(times.begin(), times.end());
    return {times[times.size() / 2], times[qMin(times.size() - 1, times.size() * 95 / 100)], times.last()};
}

// Someone of the generated people, and a fortnight of August 2020 in the form's fields.
QByteArray caseForm(QRandomGenerator& random, qint64 people)
{
    const int day = 1 + int(random.bounded(16));
    return "&id_number=" + QString::number(random.bounded(people)).rightJustified(12, u'0').toLatin1() +
           QStringLiteral("&from=2020-08-%1T00%3A00&to=2020-08-%2T00%3A00")
               .arg(day, 2, 10, QLatin1Char('0'))
               .arg(day + 14, 2, 10, QLatin1Char('0'))
               .toLatin1();
}

// psql with \timing: the milliseconds of each statement of script, as psql reports them.
QList<double> psqlTimes(const ThrowawayPostgres& server, const QString& script)
{
    QProcess psql;
    psql.start(ThrowawayPostgres::binaries() + QStringLiteral("/psql"),
               {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
                QStringLiteral("-d"), server.uri()});
    psql.write((QStringLiteral("\\timing on\n") + script).toUtf8());
    psql.closeWriteChannel();
    psql.waitForFinished(-1);
    QList<double> times;
    static const QRegularExpression time(QStringLiteral("Time: ([0-9.]+) ms"));
    for (auto found = time.globalMatch(QString::fromUtf8(psql.readAllStandardOutput())); found.hasNext();)
        times.append(found.next().captured(1).toDouble());
    return times;
}
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const qint64 stays = argc > 1 ? QByteArray(argv[1]).toLongLong() : 10000000;
    const int officials = argc > 2 ? QByteArray(argv[2]).toInt() : 50;
    const int duration = argc > 3 ? QByteArray(argv[3]).toInt() : 30;
    const qint64 people = stays / 5;
    ThrowawayPostgres server;
    const QString why = server.start({QStringLiteral("-c shared_buffers=1GB"), QStringLiteral("-c max_wal_size=8GB"),
                                      QStringLiteral("-c maintenance_work_mem=1GB")});
    if (!why.isEmpty() || !SiteAuthority::available()) {
        std::printf("BenchConsole: skipped, %s\n", qPrintable(why.isEmpty() ? QStringLiteral("no openssl") : why));
        return 0;
    }
    auto admin = CentralConnection::open(server.uri()).value();
    if (!CentralSchema::migrate(*admin))
        qFatal("migrate");

    // The province: 2,000 sites in 30 districts, a kiosk each (one in ten silent for two days),
    // the stays loaded as a restore would (secondary indexes after), the daily counts made from
    // them.
    QElapsedTimer timer;
    timer.start();
    must(admin->exec(
             QStringLiteral("INSERT INTO gatehouse.site (site, name, district) SELECT 'site-' || s, 'Site ' || s,"
                            " 'district-' || (s % 30) FROM generate_series(1, 2000) s;"
                            " INSERT INTO gatehouse.kiosk (kiosk, site, entrance, events, last_seq, last_received_at)"
                            " SELECT 'kiosk-' || s, 'site-' || s, 'main', 1, 1,"
                            " now() - CASE WHEN s % 10 = 0 THEN interval '2 days' ELSE interval '1 minute' END"
                            " FROM generate_series(1, 2000) s")),
         "sites");
    const QStringList indexes = dropStayIndexes(*admin);
    for (qint64 first = 1; first <= stays; first += 1000000)
        must(admin->exec(generatedStaysSql(first, qMin(stays, first + 999999), people)), "stays");
    const double loaded = seconds(timer);
    timer.start();
    buildIndexes(*admin, indexes);
    must(admin->exec(countedStaysSql()), "counts");
    must(admin->exec(QStringLiteral("ANALYZE")), "analyze");
    std::printf("BenchConsole: %lld stays at 2,000 sites loaded in %.1f s, indexed and counted in %.1f s\n", stays,
                loaded, seconds(timer));
    std::fflush(stdout);

    // The console as README starts it: its own login, accounts made by the command line.
    QTemporaryDir dir;
    SiteAuthority authority(dir.path(), QStringLiteral("bench-ca"));
    const auto files = authority.kiosk(QStringLiteral("console"), {QStringLiteral("IP:127.0.0.1")});
    if (!authority.ok() || !files)
        qFatal("certificates");
    must(admin->exec(QStringLiteral("CREATE ROLE console LOGIN IN ROLE gatehouse_console")), "console role");
    const auto addOfficial = [&](const QString& name) {
        QProcess cli;
        cli.start(QStringLiteral(GATEHOUSE_CLI),
                  {QStringLiteral("central"), QStringLiteral("add-official"), QStringLiteral("--central"), server.uri(),
                   QStringLiteral("--name"), name, QStringLiteral("--role"), QStringLiteral("official"),
                   QStringLiteral("--scope"), QStringLiteral("province")});
        cli.write(PASSWORD + '\n');
        cli.closeWriteChannel();
        if (!cli.waitForFinished(60000) || cli.exitCode() != 0)
            qFatal("add-official: %s", cli.readAllStandardError().constData());
    };
    for (int i = 0; i <= officials; ++i)
        addOfficial(QStringLiteral("Official %1").arg(i));
    QFile config(dir.filePath(QStringLiteral("central.ini")));
    if (!config.open(QIODevice::WriteOnly))
        qFatal("config");
    config.write("[console]\nthreads=64\nconnections=16\n");
    config.close();
    const quint16 port = quint16(30000 + QRandomGenerator::global()->bounded(20000));
    QProcess console;
    console.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    console.start(QStringLiteral(GATEHOUSE_CENTRAL),
                  {QStringLiteral("--central"), server.uri(QStringLiteral("console")), QStringLiteral("--listen"),
                   QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--tls-cert"), files->certificate,
                   QStringLiteral("--tls-key"), files->key, QStringLiteral("--config"), config.fileName()});
    QByteArray said;
    while (!said.contains("listening on") && console.waitForReadyRead(30000))
        said += console.readAllStandardOutput();
    if (!said.contains("listening on"))
        qFatal("gatehouse-central did not start");
    const ConsoleClient client(port, authority.certificate());

    // 1. Case pages: 20 cases of random people over a fortnight, each page read 10 times.
    const auto [cookie, csrf] = client.signIn(QStringLiteral("Official 0"), PASSWORD);
    if (cookie.isEmpty())
        qFatal("sign-in");
    QRandomGenerator random(2020);
    QList<QByteArray> cases;
    QStringList questions;
    while (cases.size() < 20) {
        const QByteArray form = caseForm(random, people);
        const ConsoleAnswer opened = client.ask("POST", "/cases", cookie, "csrf=" + csrf + form);
        if (opened.status != 303)
            continue; // nobody of that number in that fortnight
        cases.append(opened.header("Location"));
        const QUrlQuery fields(QString::fromLatin1(form.mid(1)));
        const QString id = fields.queryItemValue(QStringLiteral("id_number"), QUrl::FullyDecoded);
        const QString from = fields.queryItemValue(QStringLiteral("from"), QUrl::FullyDecoded);
        const QString to = fields.queryItemValue(QStringLiteral("to"), QUrl::FullyDecoded);
        // The page's two questions, bare: the case's stays in the window, and their contacts.
        questions.append(QStringLiteral("SELECT visit_key, site_name, entrance, checked_in_at, checked_out_at FROM "
                                        "gatehouse.visits WHERE id_number = '%1' AND checked_in_at < '%3+07' AND "
                                        "coalesce(checked_out_at, 'infinity') > '%2+07';\n"
                                        "SELECT * FROM gatehouse.contacts('%1', '%2+07', '%3+07');\n")
                             .arg(id, from, to));
    }
    QList<double> pages;
    for (int round = 0; round < 11; ++round) {
        for (const QByteArray& path : cases) {
            QElapsedTimer one;
            one.start();
            const ConsoleAnswer page = client.ask("GET", path, cookie);
            if (page.status != 200)
                qFatal("case page %s: %d", path.constData(), page.status);
            if (round > 0) // the first round warms
                pages.append(double(one.nsecsElapsed()) / 1e6);
        }
    }
    QList<double> bare;
    const QList<double> statements =
        psqlTimes(server, QString(questions.join(QString()) + questions.join(QString())).repeated(5));
    for (qsizetype i = 2 * questions.size(); i + 1 < statements.size(); i += 2)
        bare.append(statements[i] + statements[i + 1]);
    const Spread page = spread(pages);
    const Spread sql = spread(bare);
    std::printf("  case page (stays and contacts of a fortnight), %lld reads of 20 cases: p50 %.1f ms, p95 %.1f ms, "
                "max %.1f ms; psql, the same two questions: p50 %.1f ms, p95 %.1f ms, max %.1f ms\n",
                qint64(pages.size()), page.p50, page.p95, page.max, sql.p50, sql.p95, sql.max);
    std::fflush(stdout);

    // 2. The compliance page for the 30 days of August 2020 (2,000 sites).
    QList<double> compliance;
    for (int i = 0; i < 21; ++i) {
        QElapsedTimer one;
        one.start();
        const ConsoleAnswer answer = client.ask("GET", "/compliance?from=2020-08-01&to=2020-08-30", cookie);
        if (answer.status != 200)
            qFatal("compliance page: %d", answer.status);
        if (i > 0)
            compliance.append(double(one.nsecsElapsed()) / 1e6);
    }
    const QString complianceSql = QStringLiteral(
        "SELECT s.site, s.name, s.district, sum(d.entries), sum(d.app_verified), sum(d.overridden),"
        " sum(d.sent_to_receptionist) FROM gatehouse.site s LEFT JOIN gatehouse.site_day d ON d.site = s.site"
        " AND d.day BETWEEN '2020-08-01' AND '2020-08-30' GROUP BY s.site ORDER BY s.district, s.name;\n"
        "SELECT g.day::date, sum(d.entries), sum(d.app_verified) FROM generate_series('2020-08-01'::date,"
        " '2020-08-30', '1 day') g(day) LEFT JOIN gatehouse.site_day d ON d.day = g.day::date GROUP BY g.day;\n"
        "SELECT kiosk, site, last_received_at FROM gatehouse.kiosk WHERE last_received_at < now() - interval '1 "
        "day';\n");
    const QList<double> complianceStatements = psqlTimes(server, complianceSql.repeated(21));
    QList<double> complianceBare;
    for (qsizetype i = 3; i + 2 < complianceStatements.size(); i += 3)
        complianceBare.append(complianceStatements[i] + complianceStatements[i + 1] + complianceStatements[i + 2]);
    const Spread compliancePage = spread(compliance);
    const Spread complianceQuestions = spread(complianceBare);
    std::printf("  compliance page, 30 days at 2,000 sites, 20 reads: p50 %.1f ms, p95 %.1f ms, max %.1f ms; psql, "
                "the same three questions: p50 %.1f ms, p95 %.1f ms, max %.1f ms\n",
                compliancePage.p50, compliancePage.p95, compliancePage.max, complianceQuestions.p50,
                complianceQuestions.p95, complianceQuestions.max);
    std::fflush(stdout);

    // 3. Officials at once, each in a loop: open a case, read its page.
    std::mutex lock;
    QList<double> loadTimes;
    std::atomic<int> errors{0};
    std::atomic<int> requests{0};
    std::atomic<bool> going{true};
    std::vector<std::thread> threads;
    for (int i = 1; i <= officials; ++i) {
        threads.emplace_back([&, i] {
            const ConsoleClient mine(port, authority.certificate());
            const auto [myCookie, myCsrf] = mine.signIn(QStringLiteral("Official %1").arg(i), PASSWORD);
            if (myCookie.isEmpty()) {
                ++errors;
                return;
            }
            QRandomGenerator myRandom{quint32(i)};
            QList<double> mineTimes;
            while (going) {
                QElapsedTimer one;
                one.start();
                const ConsoleAnswer opened =
                    mine.ask("POST", "/cases", myCookie, "csrf=" + myCsrf + caseForm(myRandom, people));
                mineTimes.append(double(one.nsecsElapsed()) / 1e6);
                ++requests;
                // 303: opened; 400: nobody of that number in that fortnight (a sentence). Else an error.
                if (opened.status != 303 && opened.status != 400) {
                    ++errors;
                    continue;
                }
                if (opened.status != 303)
                    continue;
                one.start();
                const ConsoleAnswer shown = mine.ask("GET", opened.header("Location"), myCookie);
                mineTimes.append(double(one.nsecsElapsed()) / 1e6);
                ++requests;
                if (shown.status != 200)
                    ++errors;
            }
            const std::lock_guard<std::mutex> guard(lock);
            loadTimes += mineTimes;
        });
    }
    std::this_thread::sleep_for(std::chrono::seconds(duration));
    going = false;
    for (std::thread& thread : threads)
        thread.join();
    const Spread load = spread(loadTimes);
    std::printf("  %d officials at once for %d s: %d requests (%.1f/s), p50 %.1f ms, p95 %.1f ms, max %.1f ms, "
                "%d errors\n",
                officials, duration, int(requests), double(requests) / duration, load.p50, load.p95, load.max,
                int(errors));
    console.terminate();
    console.waitForFinished(15000);
    return 0;
}
