// One read of a tracing app's identifier over GATT from one phone.
#include "ble/GattRead.h"

#include "common/Logging.h"

#include <QBluetoothDeviceInfo>
#include <QLowEnergyService>

namespace {
constexpr int DISCONNECT_WAIT_MS = 3000;
} // namespace

GattRead::GattRead(quint64 address, QList<AppProfile::GattId> where, const QBluetoothAddress& adapter, int timeoutMs,
                   QObject* parent)
    : QObject(parent), m_address(address), m_where(std::move(where)), m_adapter(adapter)
{
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(timeoutMs);
    connect(&m_timeout, &QTimer::timeout, this, [this] { finish({}, "timed out"); });
}

GattRead::~GattRead()
{
    m_done = true;
    close();
}

void GattRead::start()
{
    m_timeout.start();
    // The D-Bus backend finds the phone by its address among BlueZ's devices; nothing else of
    // the device info is used.
    QBluetoothDeviceInfo device(QBluetoothAddress(m_address), QString(), 0);
    device.setCoreConfigurations(QBluetoothDeviceInfo::LowEnergyCoreConfiguration);
    m_controller.reset(QLowEnergyController::createCentral(device, m_adapter));
    QLowEnergyController* controller = m_controller.get();
    connect(controller, &QLowEnergyController::connected, controller, &QLowEnergyController::discoverServices);
    connect(controller, &QLowEnergyController::discoveryFinished, this, &GattRead::onServicesDiscovered);
    connect(controller, &QLowEnergyController::disconnected, this, [this] { finish({}, "disconnected"); });
    connect(controller, &QLowEnergyController::errorOccurred, this,
            [this](QLowEnergyController::Error) { finish({}, "controller error"); });
    controller->connectToDevice();
}

void GattRead::onServicesDiscovered()
{
    if (m_done)
        return;
    const QList<QBluetoothUuid> offered = m_controller->services();
    const auto where = std::find_if(m_where.cbegin(), m_where.cend(),
                                    [&offered](const AppProfile::GattId& id) { return offered.contains(id.service); });
    if (where == m_where.cend()) {
        finish({}, "the app's service is not there"); // another app behind the same overflow bit
        return;
    }
    m_characteristic = where->characteristic;
    m_service.reset(m_controller->createServiceObject(where->service));
    if (!m_service) {
        finish({}, "no service object");
        return;
    }
    QLowEnergyService* service = m_service.get();
    connect(service, &QLowEnergyService::stateChanged, this, [this, service](QLowEnergyService::ServiceState state) {
        if (state != QLowEnergyService::RemoteServiceDiscovered)
            return;
        const QLowEnergyCharacteristic characteristic = service->characteristic(m_characteristic);
        if (!characteristic.isValid()) {
            finish({}, "the app's characteristic is not there");
            return;
        }
        service->readCharacteristic(characteristic);
    });
    connect(service, &QLowEnergyService::characteristicRead, this,
            [this](const QLowEnergyCharacteristic& characteristic, const QByteArray& value) {
                if (characteristic.uuid() == m_characteristic)
                    finish(value, nullptr);
            });
    connect(service, &QLowEnergyService::errorOccurred, this,
            [this](QLowEnergyService::ServiceError) { finish({}, "read failed"); });
    // Only the one characteristic is read: a full discovery would read every readable one first.
    service->discoverDetails(QLowEnergyService::SkipValueDiscovery);
}

void GattRead::finish(const QByteArray& value, const char* why)
{
    if (m_done)
        return;
    m_done = true;
    if (why)
        qCInfo(lcBle) << "GATT read" << QBluetoothAddress(m_address).toString() << why;
    close();
    emit finished(m_address, value);
}

void GattRead::close()
{
    m_timeout.stop();
    // Signals of the controller may still be on the stack: delete later, not now.
    if (m_service)
        m_service.release()->deleteLater();
    if (!m_controller)
        return;
    // Gone once BlueZ says the phone is disconnected (deleted while connected, Qt would leave the
    // link up and warn), or after a while if it never says. Meanwhile it belongs to whoever owns
    // this read (GattIdReader's worker), so that it goes at the latest with its owner: a reader
    // stopped within the wait would otherwise leave it to the end of the process, undeleted
    // (LeakSanitizer, CI of stop 41).
    QLowEnergyController* controller = m_controller.release();
    controller->disconnect(this);
    controller->setParent(parent());
    if (controller->state() == QLowEnergyController::UnconnectedState) {
        controller->deleteLater();
        return;
    }
    connect(controller, &QLowEnergyController::disconnected, controller, &QObject::deleteLater);
    connect(controller, &QLowEnergyController::errorOccurred, controller, &QObject::deleteLater);
    QTimer::singleShot(DISCONNECT_WAIT_MS, controller, &QObject::deleteLater);
    controller->disconnectFromDevice();
}
