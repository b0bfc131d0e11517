// `gatehouse-cli scan` (formats/cli.md).
#include "ScanCommand.h"

#include "StopRequest.h"
#include "ble/AppProfileTable.h"
#include "ble/CaptureWriter.h"
#include "ble/PresenceThread.h"
#include "ble/PresenceTracker.h"
#include "ble/QtBluetoothSource.h"
#include "ble/ReplaySource.h"
#include "common/JsonLine.h"
#include "common/RunningClock.h"
#include "common/SystemClock.h"

#include <QBluetoothLocalDevice>

#include <atomic>
#include <memory>

namespace {
const QCommandLineOption REPLAY(QStringLiteral("replay"), QStringLiteral("Replay this capture file."),
                                QStringLiteral("FILE"));
const QCommandLineOption LIVE(QStringLiteral("live"), QStringLiteral("Scan with the Bluetooth adapter."));
const QCommandLineOption SPEED(QStringLiteral("speed"),
                               QStringLiteral("Replay speed: max, or a multiple of real time (default 1)."),
                               QStringLiteral("max|N"), QStringLiteral("1"));
const QCommandLineOption THRESHOLD(QStringLiteral("threshold"),
                                   QStringLiteral("Presence threshold in dBm (default: the configuration's, -60)."),
                                   QStringLiteral("DBM"));
const QCommandLineOption ADAPTER(QStringLiteral("adapter"), QStringLiteral("Address of the adapter to scan with."),
                                 QStringLiteral("ADDR"));
const QCommandLineOption RECORD(QStringLiteral("record"), QStringLiteral("Record what the scan sees to this file."),
                                QStringLiteral("FILE"));
const QCommandLineOption JSON(QStringLiteral("json"), QStringLiteral("Print one JSON object a line."));

QByteArray eventLine(const char* event, const AppVerification& v, bool json)
{
    if (json) {
        JsonLine line;
        line.add("event", QString::fromLatin1(event)).add("t", v.timeMs).add("profile", v.profile);
        line.addOrNull("platform", v.platform).addOrNull("id", QString::fromLatin1(v.appId.toHex()));
        Advertisement address;
        address.address = v.address;
        line.add("addr", address.addressText()).add("rssi", v.rssi);
        return line.toJson();
    }
    Advertisement address;
    address.address = v.address;
    return QStringLiteral("%1 ms  %2  %3 %4 %5 %6 at %7 dBm")
        .arg(v.timeMs, 10)
        .arg(QString::fromLatin1(event), -8)
        .arg(v.profile, v.platform.isEmpty() ? QStringLiteral("-") : v.platform,
             v.appId.isEmpty() ? QStringLiteral("-") : QString::fromLatin1(v.appId.toHex()), address.addressText())
        .arg(v.rssi)
        .toUtf8();
}
} // namespace

QString ScanCommand::summary() const
{
    return tr("Replay a capture or scan live; print phones running a tracing app at the kiosk.");
}

void ScanCommand::addOptions(QCommandLineParser& parser)
{
    parser.addOptions({REPLAY, LIVE, SPEED, THRESHOLD, ADAPTER, RECORD, JSON});
}

int ScanCommand::run(const QCommandLineParser& parser, CliContext& context)
{
    if (parser.isSet(REPLAY) == parser.isSet(LIVE)) {
        context.err << tr("scan needs exactly one of --replay FILE and --live.") << Qt::endl;
        return 2;
    }
    PresenceTracker::Config config;
    config.thresholdDbm = context.settings.presenceThresholdDbm();
    if (parser.isSet(THRESHOLD)) {
        bool ok = false;
        config.thresholdDbm = parser.value(THRESHOLD).toInt(&ok);
        if (!ok || config.thresholdDbm < -127 || config.thresholdDbm > 20) {
            context.err << tr("--threshold needs a whole number of dBm from -127 to 20.") << Qt::endl;
            return 2;
        }
    }
    double speed = 1;
    if (parser.value(SPEED) == QLatin1String("max")) {
        speed = 0;
    } else {
        bool ok = false;
        speed = parser.value(SPEED).toDouble(&ok);
        if (!ok || speed <= 0) {
            context.err << tr("--speed needs \"max\" or a positive number.") << Qt::endl;
            return 2;
        }
    }
    auto profiles = AppProfileTable::load(context.settings.path());
    if (!profiles)
        return context.fail(profiles.error());

    const bool json = parser.isSet(JSON);
    if (parser.isSet(REPLAY)) {
        // On this thread, advert after advert: the same file gives the same bytes every run.
        PresenceTracker tracker(profiles.value(), config);
        qint64 verifiedCount = 0;
        qint64 leftCount = 0;
        QObject::connect(&tracker, &PresenceTracker::verified, &tracker, [&](const AppVerification& v) {
            ++verifiedCount;
            context.out << eventLine("verified", v, json) << '\n';
            context.out.flush();
        });
        QObject::connect(&tracker, &PresenceTracker::left, &tracker, [&](const AppVerification& v) {
            ++leftCount;
            context.out << eventLine("left", v, json) << '\n';
            context.out.flush();
        });
        SystemClock clock;
        ReplaySource source(parser.value(REPLAY), speed, clock);
        int exitCode = 0;
        QObject::connect(&source, &AdvertisementSource::advertisementReceived, &tracker, &PresenceTracker::feed);
        QObject::connect(&source, &ReplaySource::lineRejected, &source, [&](qint64 line, const QString& reason) {
            context.err << tr("%1 rejected: %2").arg(source.place(line), reason) << Qt::endl;
        });
        QObject::connect(&source, &ReplaySource::adDataDamaged, &source, [&](qint64 line, const QString& reason) {
            context.err << tr("%1: %2; the structures before it were kept").arg(source.place(line), reason) << Qt::endl;
        });
        QObject::connect(&source, &AdvertisementSource::errorOccurred, &source, [&](const Error& error) {
            context.err << error.message() << Qt::endl;
            exitCode = error.exitCode();
        });
        if (speed == 0) {
            source.runToEnd();
        } else {
            QEventLoop loop;
            StopRequest stop;
            QObject::connect(&source, &AdvertisementSource::finished, &loop, &QEventLoop::quit);
            QObject::connect(&stop, &StopRequest::requested, &loop, &QEventLoop::quit);
            source.start();
            loop.exec();
            source.stop();
        }
        if (exitCode != 0 && source.adverts() == 0)
            return exitCode;
        tracker.finish(source.lastTimeMs());
        context.err
            << tr("%1 adverts replayed: %2 verified, %3 left; %4 lines or records rejected, %5 adverts with damaged AD "
                  "data.")
                   .arg(source.adverts())
                   .arg(verifiedCount)
                   .arg(leftCount)
                   .arg(source.rejectedLines())
                   .arg(source.damagedAdverts())
            << Qt::endl;
        return exitCode;
    }

    // Live: fail at once, with a sentence, when there is nothing to scan with.
    const QList<QBluetoothHostInfo> adapters = QBluetoothLocalDevice::allDevices();
    if (adapters.isEmpty()) {
        context.err << tr("No Bluetooth adapter was found on this machine, so there is nothing to scan with.")
                    << Qt::endl;
        return 2;
    }
    QBluetoothAddress adapter;
    if (parser.isSet(ADAPTER)) {
        adapter = QBluetoothAddress(parser.value(ADAPTER));
        const bool known = std::any_of(adapters.cbegin(), adapters.cend(), [&adapter](const QBluetoothHostInfo& host) {
            return host.address() == adapter;
        });
        if (adapter.isNull() || !known) {
            context.err << tr("There is no Bluetooth adapter with the address %1.").arg(parser.value(ADAPTER))
                        << Qt::endl;
            return 2;
        }
    }
    CaptureWriter recorder;
    const bool recording = parser.isSet(RECORD);
    if (recording) {
        const Result<void> opened = recorder.open(parser.value(RECORD));
        if (!opened)
            return context.fail(opened.error());
    }
    // As the kiosk scans (PresenceThread): its thread, the GATT reads of iPhones, time passing.
    // --now starts the clock at that instant and lets it run.
    std::unique_ptr<Clock> liveClock;
    if (context.now.isValid())
        liveClock = std::make_unique<RunningClock>(context.now);
    else
        liveClock = std::make_unique<SystemClock>();
    int exitCode = 0;
    QEventLoop loop;
    StopRequest stop;
    PresenceThread presence(profiles.value(), config, *liveClock);
    QObject::connect(&presence, &PresenceThread::verified, &loop, [&](const AppVerification& v) {
        context.out << eventLine("verified", v, json) << '\n';
        context.out.flush();
    });
    QObject::connect(&presence, &PresenceThread::left, &loop, [&](const AppVerification& v) {
        context.out << eventLine("left", v, json) << '\n';
        context.out.flush();
    });
    QObject::connect(&presence, &PresenceThread::problem, &loop,
                     [&](const QString& sentence) { context.err << sentence << Qt::endl; });
    QObject::connect(&stop, &StopRequest::requested, &loop, &QEventLoop::quit);
    std::atomic<bool> recordFailed = false;
    PresenceThread::AdvertTap tap;
    if (recording) {
        // On the scanning thread, the only one that touches the recorder until the end.
        tap = [&](const Advertisement& advert) {
            if (recordFailed)
                return;
            const Result<void> written = recorder.write(advert);
            if (!written) {
                recordFailed = true;
                QMetaObject::invokeMethod(&loop, [&, message = written.error().message()] {
                    context.err << message << Qt::endl;
                    exitCode = 1;
                    loop.quit();
                });
            }
        };
    }
    const QBluetoothAddress adapterAddress = adapter;
    const Clock& clock = *liveClock;
    presence.start([adapterAddress, &clock] { return new QtBluetoothSource(adapterAddress, clock); }, false, tap);
    loop.exec();
    presence.finish();
    // The lefts that finish() sent, queued to this thread.
    QCoreApplication::sendPostedEvents();
    if (recording) {
        const Result<void> closed = recorder.close();
        if (!closed) {
            context.err << closed.error().message() << Qt::endl;
            return 1;
        }
    }
    return exitCode;
}
