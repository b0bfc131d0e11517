// Benchmark of issue 24 (results in README.md beside this file; never timed assertions): how long
// the reception console's GUI thread stalls while an official's workbook is written, side by side
// in one run:
//  - before: the request run on the GUI thread, as the console's officials page did;
//  - now: the same request asked of the Desk (desk/LocalDesk.h), which runs it on its worker;
//  - over the socket: asked of the desk the kiosk serves (desk/RemoteDesk.h, a DeskServer on a
//    thread of its own as the kiosk runs it), the file coming back in pieces;
//  - by TLS: the same desk asked as a desk computer of the site's network asks it (loopback here,
//    certificates made with the openssl tool; skipped without it).
// A 1 ms timer on the GUI thread measures the gaps between its ticks while the file is written.
// Then the receptionist's everyday request, who is inside now, asked 200 times in turn of the
// Desk in this process, over the socket and by TLS: is the console as quick as it was?
// Run: cmake --workflow --preset bench (or build/release/bin/BenchDesk [DAYS] [PER_DAY]).
#include "BenchSupport.h"
#include "SiteAuthority.h"
#include "common/FixedClock.h"
#include "common/Settings.h"
#include "crypto/DeskTls.h"
#include "desk/DeskServer.h"
#include "desk/LocalDesk.h"
#include "desk/RemoteDesk.h"
#include "export/ExportRequest.h"
#include "records/SiteRecords.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <unistd.h>

namespace {
const QString ADMIN = QStringLiteral("Trần Quản Trị");
const QString PIN = QStringLiteral("135790");

// The GUI thread's longest stall, the 99.9th percentile and how many ticks.
QString stalls(TickGaps& gaps)
{
    gaps.stop();
    return QStringLiteral("longest %1 ms, p99.9 %2 ms, %3 ticks")
        .arg(gaps.longestMs(), 0, 'f', 1)
        .arg(gaps.quantileMs(0.999), 0, 'f', 2)
        .arg(gaps.ticks());
}
} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QString days = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("20");
    const QString perDay = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QStringLiteral("10000");
    QTemporaryDir folder;
    const QString db = folder.filePath(QStringLiteral("desk.db"));
    QProcess simulate;
    simulate.start(QStringLiteral(GATEHOUSE_CLI),
                   {QStringLiteral("--db"), db, QStringLiteral("--now"), QStringLiteral("2020-08-03T10:30:00+07:00"),
                    QStringLiteral("simulate"), QStringLiteral("--days"), days, QStringLiteral("--per-day"), perDay});
    simulate.waitForFinished(-1);
    const QDateTime now = QDateTime::fromString(QStringLiteral("2020-08-03T10:30:00+07:00"), Qt::ISODate);
    FixedClock clock(now);
    Settings settings;
    LocalDesk desk(Desk::Config::from(settings, db, DeskSession::Place::Desk), clock);
    if (const Result<void> opened = desk.open(); !opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message()));
        return 1;
    }
    auto records = SiteRecords::open(db, Database::Check::None, desk.config().site, clock).value();
    (void)records->accounts().add(ADMIN, Accounts::Role::Admin, PIN, QStringLiteral("bench"));
    if (!desk.session().unlock(ADMIN, PIN)) {
        std::fprintf(stderr, "could not sign in\n");
        return 1;
    }
    // The kiosk's side of the socket, on a thread of its own as RunningKiosk serves it.
    WorkerThread kioskSide(QStringLiteral("bench-desk-socket"));
    DeskServer::Config served;
    served.socketPath = folder.filePath(QStringLiteral("desk.sock"));
    served.owner = geteuid();
    served.desk = desk.config();
    // And by TLS on the loopback, as a desk computer reaches it.
    std::optional<SiteAuthority::Issued> deskFiles;
    std::optional<SiteAuthority> authority;
    if (SiteAuthority::available()) {
        authority.emplace(folder.path(), QStringLiteral("site-authority"));
        const auto kioskFiles = authority->kiosk(QStringLiteral("kiosk-1"), {QStringLiteral("IP:127.0.0.1")});
        deskFiles = authority->desk(QStringLiteral("desk-1"));
        if (kioskFiles && deskFiles) {
            const auto tls = DeskTls::configuration(
                {kioskFiles->certificate, kioskFiles->key, authority->certificate()}, QDateTime::currentDateTimeUtc());
            if (tls)
                served.network = DeskServer::Config::Network{QHostAddress::LocalHost, 0, tls.value()};
        }
    }
    quint16 tlsPort = 0;
    kioskSide.run([&] {
        auto* server = new DeskServer(served, clock, kioskSide.context());
        (void)server->listen();
        tlsPort = server->networkPort();
    });
    RemoteDesk remote(desk.config(), clock);
    QString unreachable;
    QObject::connect(&remote, &Desk::reachable, &remote, [&](bool yes, const QString& why) {
        if (!yes)
            unreachable = why;
    });
    remote.reach(served.socketPath); // this computer's socket: answered before it returns
    if (!remote.isConnected()) {
        std::fprintf(stderr, "%s\n", qPrintable(unreachable));
        return 1;
    }
    // A desk computer's console, when the TLS door is open.
    std::unique_ptr<RemoteDesk> byTls;
    if (tlsPort != 0) {
        const auto tls = DeskTls::configuration({deskFiles->certificate, deskFiles->key, authority->certificate()},
                                                QDateTime::currentDateTimeUtc());
        byTls = std::make_unique<RemoteDesk>(desk.config(), clock);
        QObject::connect(byTls.get(), &Desk::reachable, &app, [&](bool yes, const QString& why) {
            if (!yes)
                std::fprintf(stderr, "%s\n", qPrintable(why));
            app.quit();
        });
        byTls->reach(DeskLink::Where{{}, QStringLiteral("127.0.0.1"), tlsPort, tls.value()});
        app.exec();
        byTls->disconnect(&app);
        if (!byTls->isConnected())
            return 1;
    } else {
        std::printf("(no openssl tool: the TLS rows are left out)\n");
    }
    for (RemoteDesk* asked : {&remote, byTls.get()}) {
        if (!asked)
            continue;
        bool signedIn = false;
        asked->unlock(ADMIN, PIN, [&](const Result<Accounts::Account>& account) {
            signedIn = account.ok();
            app.quit();
        });
        app.exec();
        if (!signedIn) {
            std::fprintf(stderr, "could not sign in over the socket or by TLS\n");
            return 1;
        }
    }
    const QDateTime from = now.addDays(-days.toInt() - 1);
    const QDateTime to = now.addDays(1);
    std::printf("BenchDesk: %s days x %s a day, XLSX of the whole log, three runs each, interleaved\n",
                qPrintable(days), qPrintable(perDay));
    TickGaps ticker;
    for (int run = 0; run < 3; ++run) {
        // Before: on the GUI thread.
        ExportRequest request;
        request.ask = {folder.filePath(QStringLiteral("before-%1.xlsx").arg(run)), from, to, ADMIN, {}, {}, {}};
        request.language = QStringLiteral("vi");
        QElapsedTimer total;
        ticker.start();
        total.start();
        QTimer::singleShot(0, [&] {
            const auto handed = request.run(*records);
            std::printf("  on the GUI thread:  %lld rows in %.2f s, GUI thread: %s\n", handed ? handed->rows : -1LL,
                        double(total.elapsed()) / 1000, qPrintable(stalls(ticker)));
            app.quit();
        });
        app.exec();

        // Now: asked of the Desk.
        ticker.start();
        total.restart();
        desk.exportEntries(
            {folder.filePath(QStringLiteral("desk-%1.xlsx").arg(run)), from, to, QStringLiteral("vi"), {}},
            [&](const Result<OfficialFile::Handed>& handed) {
                std::printf("  through the Desk:   %lld rows in %.2f s, GUI thread: %s\n", handed ? handed->rows : -1LL,
                            double(total.elapsed()) / 1000, qPrintable(stalls(ticker)));
                app.quit();
            });
        app.exec();

        // Over the socket: the kiosk's side writes it, the console keeps it.
        ticker.start();
        total.restart();
        remote.exportEntries(
            {folder.filePath(QStringLiteral("remote-%1.xlsx").arg(run)), from, to, QStringLiteral("vi"), {}},
            [&](const Result<OfficialFile::Handed>& handed) {
                std::printf("  over the socket:    %lld rows in %.2f s, GUI thread: %s%s\n",
                            handed ? handed->rows : -1LL, double(total.elapsed()) / 1000, qPrintable(stalls(ticker)),
                            handed ? "" : qPrintable(QStringLiteral(" (") + handed.error().message() + u')'));
                app.quit();
            });
        app.exec();

        // By TLS, as a desk computer asks.
        if (byTls) {
            ticker.start();
            total.restart();
            byTls->exportEntries(
                {folder.filePath(QStringLiteral("tls-%1.xlsx").arg(run)), from, to, QStringLiteral("vi"), {}},
                [&](const Result<OfficialFile::Handed>& handed) {
                    std::printf("  by TLS:             %lld rows in %.2f s, GUI thread: %s%s\n",
                                handed ? handed->rows : -1LL, double(total.elapsed()) / 1000,
                                qPrintable(stalls(ticker)),
                                handed ? "" : qPrintable(QStringLiteral(" (") + handed.error().message() + u')'));
                    app.quit();
                });
            app.exec();
        }
        std::fflush(stdout);
    }

    // Who is inside now, in turn: each answer awaited before the next request, as a person waits.
    const auto roundTrips = [&](Desk& asked) {
        QList<double> ms;
        qsizetype inside = 0;
        for (int i = 0; i < 200; ++i) {
            QElapsedTimer one;
            one.start();
            asked.presentAtSite([&](const Result<CheckInService::SitePresence>& presence) {
                ms.append(double(one.nsecsElapsed()) / 1e6);
                inside = presence ? presence->entries.size() : -1;
                app.quit();
            });
            app.exec();
        }
        std::sort(ms.begin(), ms.end());
        return QStringLiteral("%1 inside: median %2 ms, p95 %3 ms, slowest %4 ms")
            .arg(inside)
            .arg(ms.at(ms.size() / 2), 0, 'f', 2)
            .arg(ms.at(ms.size() * 95 / 100), 0, 'f', 2)
            .arg(ms.last(), 0, 'f', 2);
    };
    std::printf("Who is inside now, 200 requests in turn, twice each, interleaved\n");
    for (int run = 0; run < 2; ++run) {
        std::printf("  the Desk in this process: %s\n", qPrintable(roundTrips(desk)));
        std::printf("  over the socket:          %s\n", qPrintable(roundTrips(remote)));
        if (byTls)
            std::printf("  by TLS:                   %s\n", qPrintable(roundTrips(*byTls)));
        std::fflush(stdout);
    }
    return 0;
}
