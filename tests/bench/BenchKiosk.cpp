// Benchmarks of issue 7, the kiosk's responsiveness (results in README.md beside this file;
// never timed assertions):
//  1. the GUI thread's longest stall while the whole kiosk runs (KioskWindow, KioskFlow, the
//     writer thread, KioskDevices with its scanning thread) on a lobby replayed at about 1,000 adverts/s and a 1280x720
//     QR clip at 30 frames/s, visitors checking in as their codes pass: a 1 ms timer on the GUI
//     thread measures the gaps between its ticks;
//  2. cold start to the idle screen: `gatehouse --screenshot` as a process, five times;
//  3. memory over 8 simulated hours of a kiosk at work (a clock stepped by the lobby's own
//     times): resident set size every simulated hour.
// Run: cmake --workflow --preset bench (or build/release/bin/BenchKiosk [SECONDS]).
#include "BenchSupport.h"
#include "FakeClock.h"
#include "KioskDevices.h"
#include "KioskWindow.h"
#include "ThrowawayPostgres.h"
#include "Viewfinder.h"
#include "ble/AppProfileTable.h"
#include "ble/ReplaySource.h"
#include "central/CentralAdmin.h"
#include "central/CentralConnection.h"
#include "central/CentralSchema.h"
#include "central/CentralSync.h"
#include "checkin/HealthQuestions.h"
#include "checkin/KioskFlow.h"
#include "common/SystemClock.h"
#include "common/Translation.h"
#include "qr/ClipSource.h"
#include "qr/MjpegClipWriter.h"
#include "qr/PayloadRecognizer.h"
#include "qr/QrEncoder.h"
#include "records/ThreadedCheckIn.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QPainter>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cstdio>

namespace {
QString card(int visitor)
{
    return QStringLiteral("0460900%1||Khách %2|12031990|Nữ|12 Lê Lợi, TP Huế|01062021")
        .arg(visitor, 5, 10, QLatin1Char('0'))
        .arg(visitor);
}

// Three visitors' cards in turn, each held up 2 s then 2 s of an empty lobby, at 30 frames/s.
void writeClip(const QString& path)
{
    MjpegClipWriter clip;
    const QSize size(1280, 720);
    if (!clip.open(path, size, 30))
        qFatal("cannot write the clip");
    for (int frame = 0; frame < 12 * 30; ++frame) {
        QImage image(size, QImage::Format_RGB32);
        image.fill(QColor(0x6b, 0x6b, 0x60));
        const int slot = frame / 60; // 2 s slots: card, empty, card, empty...
        if (slot % 2 == 0) {
            const QImage code = QrEncoder::encode(card(slot / 2 + 1), 6);
            QPainter painter(&image);
            painter.fillRect(QRect(QPoint(500, 200), code.size()).adjusted(-20, -20, 20, 20), Qt::white);
            painter.drawImage(QPoint(500, 200), code);
        }
        if (!clip.add(image, 80))
            qFatal("cannot write the clip");
    }
    if (!clip.close())
        qFatal("cannot finish the clip");
}

struct Kiosk
{
    Kiosk(const QString& folder, const Clock& clock)
        : writer(Site(), clock), recognizer(TrustStore()), flow(writer, recognizer, clock, KioskFlow::Timing(), false),
          window(Settings(), translation, flow, HealthQuestions::load().value(), KioskFlow::Timing().appWaitMs, true)
    {
        if (!writer.open(folder + QStringLiteral("/log.db"), false))
            qFatal("cannot open the log");
        window.resize(1280, 800);
        window.show();
    }
    Translation translation;
    ThreadedCheckIn writer;
    PayloadRecognizer recognizer;
    KioskFlow flow;
    KioskWindow window;
};

// centralUri: when not empty, the kiosk also sends to a central store on CentralSync's thread
// (every 5 s and after each visitor), as a kiosk with [central] does.
void stalls(const QString& folder, int seconds, const QString& centralUri = QString(), const char* label = "",
            bool viewfinderOn = false)
{
    const QString capture = folder + QStringLiteral("/lobby.jsonl");
    const QString clip = folder + QStringLiteral("/cards.avi");
    // A dense lobby: 20 beacons and 2,000 passers-by an hour.
    const qint64 adverts = writeCapture(capture, 1, 2000, 200, 20);
    const double naturalRate = double(adverts) / 3600.0;
    const double speed = 1000.0 / naturalRate;
    writeClip(clip);

    SystemClock clock;
    Kiosk kiosk(folder, clock);
    KioskDevices devices(kiosk.flow, clock, AppProfileTable::defaults(), PresenceTracker::Config());
    std::atomic<qint64> advertsSeen = 0; // counted on the scanning thread
    const auto replay = [&] {
        auto* source = new ReplaySource(capture, speed, clock);
        QObject::connect(source, &AdvertisementSource::advertisementReceived, [&advertsSeen] { ++advertsSeen; });
        return source;
    };
    auto* frames = new ClipSource(clip, clock, 1.0, true);
    qint64 framesSeen = 0;
    QObject::connect(frames, &FrameSource::frameArrived, [&framesSeen] { ++framesSeen; });
    int results = 0;
    QObject::connect(&kiosk.flow, &KioskFlow::stateChanged,
                     [&results](KioskFlow::State state) { results += state == KioskFlow::State::Result; });
    devices.start(replay, frames);
    // The identify screen's viewfinder painting every picture it is given, all the time (not only
    // while a visitor is on the identify screen, as in the kiosk): the worst case for the GUI thread.
    std::unique_ptr<Viewfinder> viewfinder;
    if (viewfinderOn) {
        viewfinder = std::make_unique<Viewfinder>(true);
        viewfinder->resize(1184, 420); // its size on a 1280x800 identify screen
        viewfinder->show();
        devices.setViewfinderWanted(true);
        QObject::connect(&kiosk.flow, &KioskFlow::stateChanged, &devices,
                         [&devices](KioskFlow::State) { devices.setViewfinderWanted(true); });
        QObject::connect(&devices, &KioskDevices::viewfinderFrame, viewfinder.get(), &Viewfinder::showFrame);
        QObject::connect(&devices, &KioskDevices::codeSeen, viewfinder.get(), &Viewfinder::highlight);
    }
    std::unique_ptr<CentralSync> central;
    if (!centralUri.isEmpty()) {
        OutboxSender::Config config{centralUri, QStringLiteral("bench-kiosk"), Site().id};
        config.connectTimeoutSeconds = 10;
        central = std::make_unique<CentralSync>(config, folder + QStringLiteral("/log.db"), clock, 5);
        QObject::connect(&kiosk.flow, &KioskFlow::stateChanged, central.get(),
                         [sync = central.get()](KioskFlow::State state) {
                             if (state == KioskFlow::State::Result)
                                 sync->sendSoon();
                         });
        central->start();
    }
    CentralSync::State lastSync;
    if (central)
        QObject::connect(central.get(), &CentralSync::stateChanged,
                         [&lastSync](const CentralSync::State& state) { lastSync = state; });

    TickGaps gaps;
    QElapsedTimer run;
    run.start();
    gaps.start();
    while (run.elapsed() < seconds * 1000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    gaps.stop();
    const double elapsed = double(run.elapsed()) / 1000.0;
    std::printf("GUI thread stalls over %.0f s (replay x%.1f, clip 1280x720 at 30 fps looped)%s:\n", elapsed, speed,
                label);
    if (central)
        std::printf("  central store: last round sent %lld, %lld waiting, %s\n",
                    static_cast<long long>(lastSync.lastRoundSent), static_cast<long long>(lastSync.waiting),
                    lastSync.lastError.isEmpty() ? "reached" : qPrintable(lastSync.lastError.left(80)));
    std::printf("  adverts %.0f /s, frames %.1f /s, results shown %d\n", double(advertsSeen.load()) / elapsed,
                double(framesSeen) / elapsed, results);
    if (viewfinder)
        std::printf("  viewfinder pictures painted %.1f /s\n", double(viewfinder->framesShown()) / elapsed);
    std::printf("  tick gap median %.2f ms, p99 %.2f ms, p99.9 %.2f ms, longest %.2f ms (%lld ticks)\n",
                gaps.quantileMs(0.5), gaps.quantileMs(0.99), gaps.quantileMs(0.999), gaps.longestMs(),
                static_cast<long long>(gaps.ticks()));
}

void coldStart(const QString& folder)
{
    QList<double> seconds;
    for (int run = 0; run < 5; ++run) {
        QProcess kiosk;
        QElapsedTimer timer;
        timer.start();
        kiosk.start(QStringLiteral(GATEHOUSE_KIOSK),
                    {QStringLiteral("--screenshot"), folder + QStringLiteral("/idle.png"), QStringLiteral("--db"),
                     folder + QStringLiteral("/cold-%1.db").arg(run)});
        kiosk.waitForFinished(60000);
        seconds.append(double(timer.elapsed()) / 1000.0);
        if (kiosk.exitCode() != 0)
            qFatal("gatehouse --screenshot failed: %s", kiosk.readAllStandardError().constData());
    }
    std::sort(seconds.begin(), seconds.end());
    std::printf("Cold start to the idle screen rendered (gatehouse --screenshot, new database each time):\n");
    std::printf("  median %.3f s, fastest %.3f s, slowest %.3f s\n", seconds[2], seconds[0], seconds[4]);
}

void eightHours(const QString& folder)
{
    FakeClock clock(QDateTime(QDate(2020, 8, 3), QTime(0, 0), Qt::UTC));
    Kiosk kiosk(folder + QStringLiteral("/eight"), clock);
    PresenceTracker tracker(AppProfileTable::defaults(), PresenceTracker::Config());
    QObject::connect(&tracker, &PresenceTracker::verified, &kiosk.flow, &KioskFlow::appVerified);
    LobbySimulator::Config lobby;
    lobby.durationMs = 8 * 3600 * 1000;
    lobby.seed = 7;
    int visitor = 0;
    qint64 nextScanMs = 0;
    qint64 nextTickMs = 0;
    qint64 nextHourMs = 0;
    std::printf("Memory over 8 simulated hours (a visitor every 25 s, the lobby's adverts, screens ticking):\n");
    LobbySimulator(lobby).run([&](const Advertisement& advert) {
        clock.advance(std::max<qint64>(0, advert.timeMs - clock.monotonicMs()));
        tracker.feed(advert);
        if (advert.timeMs >= nextScanMs) {
            kiosk.flow.codeScanned(card(++visitor));
            nextScanMs += 25000;
        }
        if (advert.timeMs >= nextTickMs) {
            kiosk.window.tick();
            while (kiosk.flow.isRecording())
                QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            QCoreApplication::processEvents();
            nextTickMs += 250;
        }
        if (advert.timeMs >= nextHourMs) {
            std::printf("  %2lld h: resident %lld KiB, %d visitors so far\n",
                        static_cast<long long>(advert.timeMs / 3600000), static_cast<long long>(residentKiB()),
                        visitor);
            nextHourMs += 3600 * 1000;
        }
    });
    std::printf("  end:  resident %lld KiB, %d visitors\n", static_cast<long long>(residentKiB()), visitor);
}
} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("QT_MEDIA_BACKEND", "ffmpeg");
    qputenv("QT_LOGGING_RULES", "*.debug=false\nqt.*=false");
    QApplication app(argc, argv);
    const int seconds = argc > 1 ? std::atoi(argv[1]) : 30;
    QTemporaryDir folder;
    QDir().mkpath(folder.filePath(QStringLiteral("eight")));
    stalls(folder.path(), seconds);
    {
        QTemporaryDir withViewfinder;
        stalls(withViewfinder.path(), seconds, QString(), ", viewfinder painting", true);
    }
    // The same with a sender: against an address nobody answers (each connection attempt waits
    // for its 10 s timeout on the sender's thread), and against a real PostgreSQL of its own.
    {
        QTemporaryDir unreachable;
        stalls(unreachable.path(), seconds,
               QStringLiteral("host=10.255.255.1 dbname=gatehouse sslmode=verify-full "
                              "sslrootcert=ca.pem sslcert=kiosk.pem sslkey=kiosk.key"),
               ", sender against an unreachable store");
    }
    ThrowawayPostgres server;
    const QString why = server.start();
    if (why.isEmpty()) {
        auto admin = CentralConnection::open(server.uri());
        if (admin && CentralSchema::migrate(*admin.value()) &&
            CentralAdmin(*admin.value()).addSite(Site().id, QStringLiteral("Bench"), QString()) &&
            CentralAdmin(*admin.value()).addKiosk(QStringLiteral("bench-kiosk"), Site().id, QString())) {
            QTemporaryDir reachable;
            stalls(reachable.path(), seconds, server.uriWithoutUser(), ", sender against a local PostgreSQL");
        }
    } else {
        std::printf("(no PostgreSQL for the sender's run: %s)\n", qPrintable(why));
    }
    coldStart(folder.path());
    eightHours(folder.path());
    return 0;
}
