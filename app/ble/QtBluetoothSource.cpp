// Adverts from the kiosk's Bluetooth adapter, through Qt Bluetooth.
//
// Wiring after Qt's heartrate-game example (qtconnectivity examples/bluetooth/heartrate-game/
// devicefinder.cpp): a parent-owned discovery agent, LowEnergyMethod, deviceUpdated for RSSI.
#include "ble/QtBluetoothSource.h"

#include "ble/AdParser.h"
#include "common/Logging.h"

#include <QBluetoothDeviceInfo>
#include <QBluetoothLocalDevice>

namespace {
constexpr int FIRST_RESTART_DELAY_MS = 1000;
constexpr int MAX_RESTART_DELAY_MS = 60000;
// How many devices' latest reports we keep for GATT reads; a lobby has far fewer at once.
constexpr qsizetype MAX_REMEMBERED_DEVICES = 2048;
} // namespace

QtBluetoothSource::QtBluetoothSource(const QBluetoothAddress& adapter, const Clock& clock, QObject* parent)
    : AdvertisementSource(parent), m_adapter(adapter), m_clock(clock)
{
    m_restartTimer.setSingleShot(true);
    connect(&m_restartTimer, &QTimer::timeout, this, [this] {
        if (!m_wanted)
            return;
        createAgent();
        m_agent->start(QBluetoothDeviceDiscoveryAgent::LowEnergyMethod);
    });
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
    createAgent();
    // With no adapter Qt emits errorOccurred synchronously inside start(); onError copes
    // because it only schedules the restart.
    m_agent->start(QBluetoothDeviceDiscoveryAgent::LowEnergyMethod);
}

void QtBluetoothSource::stop()
{
    m_wanted = false;
    m_restartTimer.stop();
    if (m_agent)
        m_agent->stop();
}

bool QtBluetoothSource::isScanning() const
{
    return m_agent && m_agent->isActive();
}

QBluetoothDeviceInfo QtBluetoothSource::deviceInfo(quint64 address) const
{
    return m_devices.value(address);
}

void QtBluetoothSource::createAgent()
{
    if (m_agent) {
        // Deleting an agent inside its own signal would crash; let the event loop do it.
        m_agent.release()->deleteLater();
    }
    m_agent = m_adapter.isNull() ? std::make_unique<QBluetoothDeviceDiscoveryAgent>()
                                 : std::make_unique<QBluetoothDeviceDiscoveryAgent>(m_adapter);
    // 0 = scan until stopped (QBluetoothDeviceDiscoveryAgent::setLowEnergyDiscoveryTimeout).
    m_agent->setLowEnergyDiscoveryTimeout(0);
    connect(m_agent.get(), &QBluetoothDeviceDiscoveryAgent::deviceDiscovered, this, &QtBluetoothSource::onDevice);
    connect(m_agent.get(), &QBluetoothDeviceDiscoveryAgent::deviceUpdated, this,
            [this](const QBluetoothDeviceInfo& info, QBluetoothDeviceInfo::Fields) { onDevice(info); });
    connect(m_agent.get(), &QBluetoothDeviceDiscoveryAgent::errorOccurred, this, &QtBluetoothSource::onError);
    connect(m_agent.get(), &QBluetoothDeviceDiscoveryAgent::finished, this, [this] {
        // A scan without timeout only finishes when the stack stops it: start again.
        if (m_wanted)
            scheduleRestart();
    });
    connect(m_agent.get(), &QBluetoothDeviceDiscoveryAgent::canceled, this, [this] {
        if (m_wanted)
            scheduleRestart();
    });
}

void QtBluetoothSource::onDevice(const QBluetoothDeviceInfo& info)
{
    if (!(info.coreConfigurations() & QBluetoothDeviceInfo::LowEnergyCoreConfiguration))
        return;
    m_restartDelayMs = FIRST_RESTART_DELAY_MS; // the adapter works again
    const quint64 address = info.address().toUInt64();
    if (m_devices.size() >= MAX_REMEMBERED_DEVICES && !m_devices.contains(address))
        m_devices.clear();
    m_devices.insert(address, info);
    // Epoch milliseconds, so recorded captures carry real times and the tracker can tell
    // Bluezone's UTC ID slots.
    emit advertisementReceived(AdParser::fromDeviceInfo(info, m_clock.now().toMSecsSinceEpoch()));
}

void QtBluetoothSource::onError(QBluetoothDeviceDiscoveryAgent::Error error)
{
    const QString detail = m_agent ? m_agent->errorString() : QString();
    qCWarning(lcBle) << "discovery error" << error << detail;
    // BlueZ reports a missing adapter as an I/O error; say what it means.
    if (error == QBluetoothDeviceDiscoveryAgent::InputOutputError && QBluetoothLocalDevice::allDevices().isEmpty())
        error = QBluetoothDeviceDiscoveryAgent::InvalidBluetoothAdapterError;
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
