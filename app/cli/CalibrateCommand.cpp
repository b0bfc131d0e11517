// `gatehouse-cli calibrate`: propose the site's presence threshold.
#include "CalibrateCommand.h"

#include "StopRequest.h"
#include "ble/CalibrationSession.h"
#include "ble/QtBluetoothSource.h"
#include "ble/ReplaySource.h"
#include "common/JsonLine.h"
#include "common/SystemClock.h"

#include <QBluetoothLocalDevice>
#include <QEventLoop>

namespace {
const QCommandLineOption REPLAY(QStringLiteral("replay"), QStringLiteral("Calibrate from this capture file."),
                                QStringLiteral("FILE"));
const QCommandLineOption LIVE(QStringLiteral("live"), QStringLiteral("Calibrate with the Bluetooth adapter."));
const QCommandLineOption SECONDS(QStringLiteral("seconds"),
                                 QStringLiteral("How long the phone is held at the kiosk (default 20)."),
                                 QStringLiteral("N"), QStringLiteral("20"));
const QCommandLineOption JSON(QStringLiteral("json"), QStringLiteral("Print the proposal as JSON."));
} // namespace

QString CalibrateCommand::summary() const
{
    return tr("Propose the presence threshold from a phone held at the kiosk.");
}

void CalibrateCommand::addOptions(QCommandLineParser& parser)
{
    parser.addOptions({REPLAY, LIVE, SECONDS, JSON});
}

int CalibrateCommand::run(const QCommandLineParser& parser, CliContext& context)
{
    if (parser.isSet(REPLAY) == parser.isSet(LIVE)) {
        context.err << tr("calibrate needs exactly one of --replay FILE and --live.") << Qt::endl;
        return 2;
    }
    bool ok = false;
    const int seconds = parser.value(SECONDS).toInt(&ok);
    if (!ok || seconds < 1 || seconds > 3600) {
        context.err << tr("--seconds needs a whole number from 1 to 3600.") << Qt::endl;
        return 2;
    }
    // The site's own profiles ([profile.*]) say which phones count, as at the door.
    auto profiles = AppProfileTable::load(context.settings.path());
    if (!profiles)
        return context.fail(profiles.error());
    SystemClock clock;
    std::unique_ptr<AdvertisementSource> source;
    CalibrationSession::Timing timing = CalibrationSession::Timing::Live;
    if (parser.isSet(REPLAY)) {
        // The first `seconds` of the capture, counted from its first advert, read as fast as it goes.
        source = std::make_unique<ReplaySource>(parser.value(REPLAY), 0, clock);
        timing = CalibrationSession::Timing::Recorded;
    } else {
        if (QBluetoothLocalDevice::allDevices().isEmpty()) {
            context.err << tr("No Bluetooth adapter was found on this machine, so there is nothing to scan with.")
                        << Qt::endl;
            return 2;
        }
        source = std::make_unique<QtBluetoothSource>(QBluetoothAddress(), clock);
        context.err << tr("Hold the phone at the kiosk for %1 seconds...").arg(seconds) << Qt::endl;
    }
    CalibrationSession session(std::move(source), profiles.value(), seconds, timing);
    bool finished = false;
    QEventLoop loop;
    StopRequest stop;
    QObject::connect(&session, &CalibrationSession::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QObject::connect(&stop, &StopRequest::requested, &session, &CalibrationSession::stop);
    session.start();
    if (!finished)
        loop.exec();
    if (!session.outcome())
        return context.fail(session.outcome().error());
    const RssiCalibration::Proposal& proposal = session.outcome().value();
    Advertisement address;
    address.address = proposal.address;
    if (parser.isSet(JSON)) {
        context.out << JsonLine()
                           .add("addr", address.addressText())
                           .add("profile", proposal.profile)
                           .add("samples", proposal.samples)
                           .add("median_dbm", proposal.medianDbm)
                           .add("low_dbm", proposal.lowDbm)
                           .add("threshold_dbm", proposal.thresholdDbm)
                           .toJson()
                    << '\n';
    } else {
        context.out << tr("Proposed threshold: %1 dBm (phone %2, %3, %4 adverts, median %5 dBm, 10th percentile %6 "
                          "dBm).\nSet it with [ble] threshold_dbm=%1 in the configuration file.")
                           .arg(proposal.thresholdDbm)
                           .arg(address.addressText(), proposal.profile)
                           .arg(proposal.samples)
                           .arg(proposal.medianDbm)
                           .arg(proposal.lowDbm)
                    << '\n';
    }
    return 0;
}
