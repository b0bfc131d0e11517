// Adverts from the kiosk's Bluetooth adapter, through Qt Bluetooth.
//
// Wiring after Qt's heartrate-game example (qtconnectivity examples/bluetooth/heartrate-game/
// devicefinder.cpp): a discovery agent with LowEnergyMethod and no timeout. What Qt 6.4's BlueZ
// backend does with it (qbluetoothdevicediscoveryagent_bluez.cpp), and what follows here:
// - start() reports every device BlueZ still holds, synchronously, with its last RSSI: those are
//   no adverts (the phone may have left 30 s ago) and are dropped;
// - with a timeout of 0, each PropertiesChanged of RSSI or ManufacturerData that BlueZ sends
//   for an advert gives deviceDiscovered *and* deviceUpdated: only deviceDiscovered is taken, one
//   advert for each report (taking both counted every advert twice);
// - the agent never forgets a device (see Config::freshAgentAfterDevices);
// - it does not notice the adapter switched off, and ends with an error when it is unplugged:
//   BluetoothAdapterWatch follows the adapter instead.
#include "ble/QtBluetoothSource.h"

#include "ble/AdParser.h"
#include "common/Logging.h"

#include <QBluetoothDeviceInfo>

namespace {
constexpr int FIRST_RESTART_DELAY_MS = 1000;
constexpr int MAX_RESTART_DELAY_MS = 60000;
} // namespace

QtBluetoothSource::QtBluetoothSource(const QBluetoothAddress& adapter, const Clock& clock, QObject* parent)
    : QtBluetoothSource(adapter, clock, Config(), parent)
{}

QtBluetoothSource::QtBluetoothSource(const QBluetoothAddress& adapter, const Clock& clock, Config config,
                                     QObject* parent)
    : AdvertisementSource(parent), m_adapter(adapter), m_clock(clock), m_config(config), m_watch(adapter)
{
    m_restartTimer.setSingleShot(true);
    connect(&m_restartTimer, &QTimer::timeout, this, [this] {
        if (!m_wanted)
            return;
        m_watch.refresh();
        if (m_watch.status().state == BluetoothAdapterWatch::State::On) {
            stopAgent();
            startAgent();
        } else {
            onAdapterChanged();
        }
    });
    m_watchdog.setSingleShot(true);
    m_watchdog.setInterval(m_config.discoveryWatchdogMs);
    connect(&m_watchdog, &QTimer::timeout, this, [this] {
        if (!m_wanted || m_watch.status().state != BluetoothAdapterWatch::State::On || m_watch.status().discovering)
            return;
        qCInfo(lcBle) << "BlueZ ended discovery and did not start it again: starting anew";
        stopAgent();
        startAgent();
    });
    connect(&m_watch, &BluetoothAdapterWatch::changed, this, &QtBluetoothSource::onAdapterChanged);
}

QtBluetoothSource::~QtBluetoothSource()
{
    m_wanted = false;
    if (m_agent)
        m_agent->stop();
}

void QtBluetoothSource::start()
{
    m_wanted = true;
    m_restartDelayMs = FIRST_RESTART_DELAY_MS;
    m_reported = BluetoothAdapterWatch::State::On;
    m_watch.refresh();
    if (m_watch.status().state == BluetoothAdapterWatch::State::On)
        startAgent();
    else
        onAdapterChanged();
}

void QtBluetoothSource::stop()
{
    m_wanted = false;
    m_restartTimer.stop();
    stopAgent();
}

bool QtBluetoothSource::isScanning() const
{
    return m_agent && m_agent->isActive();
}

void QtBluetoothSource::startAgent()
{
    if (m_agent) {
        // Taking over from a running agent: what BlueZ said before the new one listens is only
        // queued for the old one, so it is heard first, then the new one starts listening.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::MetaCall);
    }
    auto agent = m_adapter.isNull() ? std::make_unique<QBluetoothDeviceDiscoveryAgent>()
                                    : std::make_unique<QBluetoothDeviceDiscoveryAgent>(m_adapter);
    // 0 = scan until stopped (QBluetoothDeviceDiscoveryAgent::setLowEnergyDiscoveryTimeout).
    agent->setLowEnergyDiscoveryTimeout(0);
    connect(agent.get(), &QBluetoothDeviceDiscoveryAgent::deviceDiscovered, this, &QtBluetoothSource::onDevice);
    connect(agent.get(), &QBluetoothDeviceDiscoveryAgent::errorOccurred, this, &QtBluetoothSource::onError);
    connect(agent.get(), &QBluetoothDeviceDiscoveryAgent::finished, this, [this] {
        // A scan without timeout only finishes when the stack stops it: start again.
        if (m_wanted)
            scheduleRestart();
    });
    // The agent that scanned so far, if any, hands over only once the new one runs, so that
    // BlueZ's discovery goes on throughout (Qt counts the interest: QtBluezDiscoveryManager).
    std::unique_ptr<QBluetoothDeviceDiscoveryAgent> previous = std::move(m_agent);
    m_agent = std::move(agent);
    m_agentDevices.clear();
    ++m_agentsStarted;
    m_starting = true;
    m_agent->start(QBluetoothDeviceDiscoveryAgent::LowEnergyMethod);
    m_starting = false;
    if (previous) {
        previous->disconnect(this);
        previous->stop();
        previous.release()->deleteLater();
    }
    onAdapterChanged(); // listening, or the watchdog if BlueZ is not discovering yet
}

void QtBluetoothSource::stopAgent()
{
    m_watchdog.stop();
    if (!m_agent)
        return;
    // Deleting an agent inside its own signal would crash; let the event loop do it.
    m_agent->disconnect(this);
    m_agent->stop();
    m_agent.release()->deleteLater();
}

void QtBluetoothSource::onAdapterChanged()
{
    if (!m_wanted)
        return;
    const BluetoothAdapterWatch::Status& status = m_watch.status();
    if (status.state != BluetoothAdapterWatch::State::On) {
        // Nothing to scan with: say why, once, and start again when BlueZ says it is back.
        stopAgent();
        if (std::exchange(m_reported, status.state) != status.state)
            emit errorOccurred(Error(Error::Kind::Device, BluetoothAdapterWatch::describe(status)));
        // BlueZ itself away: nothing will say when it is back, so look again now and then.
        if (status.state == BluetoothAdapterWatch::State::Unreachable)
            scheduleRestart();
        return;
    }
    m_reported = BluetoothAdapterWatch::State::On;
    if (!m_agent) {
        m_restartTimer.stop();
        startAgent();
        return;
    }
    if (status.discovering) {
        m_watchdog.stop();
        emit listening();
    } else if (!m_watchdog.isActive()) {
        m_watchdog.start();
    }
}

void QtBluetoothSource::onDevice(const QBluetoothDeviceInfo& info)
{
    if (m_starting)
        return; // BlueZ's cache as the agent starts: old news, not an advert
    if (!(info.coreConfigurations() & QBluetoothDeviceInfo::LowEnergyCoreConfiguration))
        return;
    m_restartDelayMs = FIRST_RESTART_DELAY_MS; // the adapter works again
    const quint64 address = info.address().toUInt64();
    if (!m_agentDevices.contains(address)) {
        m_agentDevices.insert(address);
        if (m_agentDevices.size() == m_config.freshAgentAfterDevices) {
            // Not from inside the agent's own signal.
            QTimer::singleShot(0, this, [this] {
                if (m_wanted && m_agent)
                    startAgent();
            });
        }
    }
    // Epoch milliseconds, so recorded captures carry real times and the tracker can tell
    // Bluezone's UTC ID slots.
    emit advertisementReceived(AdParser::fromDeviceInfo(info, m_clock.now().toMSecsSinceEpoch()));
}

void QtBluetoothSource::onError(QBluetoothDeviceDiscoveryAgent::Error error)
{
    const QString detail = m_agent ? m_agent->errorString() : QString();
    qCWarning(lcBle) << "discovery error" << error << detail;
    // Most errors are the adapter gone or switched off: then its state says so, and its return
    // starts the scan again.
    m_watch.refresh();
    if (m_watch.status().state != BluetoothAdapterWatch::State::On) {
        onAdapterChanged();
        return;
    }
    const Error::Kind kind = error == QBluetoothDeviceDiscoveryAgent::PoweredOffError ||
                                     error == QBluetoothDeviceDiscoveryAgent::InvalidBluetoothAdapterError ||
                                     error == QBluetoothDeviceDiscoveryAgent::MissingPermissionsError
                                 ? Error::Kind::Device
                                 : Error::Kind::Failed;
    emit errorOccurred(Error(kind, describe(error, detail)));
    if (m_wanted)
        scheduleRestart();
}

void QtBluetoothSource::scheduleRestart()
{
    if (m_restartTimer.isActive())
        return;
    m_restartTimer.start(m_restartDelayMs);
    m_restartDelayMs = std::min(m_restartDelayMs * 2, MAX_RESTART_DELAY_MS);
}

QString QtBluetoothSource::describe(QBluetoothDeviceDiscoveryAgent::Error error, const QString& detail)
{
    switch (error) {
    case QBluetoothDeviceDiscoveryAgent::PoweredOffError:
        return tr("The Bluetooth adapter is switched off. Switch it on; Gatehouse keeps trying.");
    case QBluetoothDeviceDiscoveryAgent::InvalidBluetoothAdapterError:
        return tr("No Bluetooth adapter was found. Plug one in; Gatehouse keeps trying.");
    case QBluetoothDeviceDiscoveryAgent::MissingPermissionsError:
        return tr("Gatehouse is not allowed to use Bluetooth. Ask the administrator to grant it.");
    case QBluetoothDeviceDiscoveryAgent::UnsupportedDiscoveryMethod:
    case QBluetoothDeviceDiscoveryAgent::UnsupportedPlatformError:
        return tr("This Bluetooth adapter cannot scan for Bluetooth LE phones.");
    case QBluetoothDeviceDiscoveryAgent::LocationServiceTurnedOffError:
    case QBluetoothDeviceDiscoveryAgent::InputOutputError:
    case QBluetoothDeviceDiscoveryAgent::UnknownError:
    case QBluetoothDeviceDiscoveryAgent::NoError:
        break;
    }
    return tr("The Bluetooth scan stopped (%1); Gatehouse keeps trying.").arg(detail);
}
