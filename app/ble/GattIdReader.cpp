// Reads a tracing app's identifier over GATT, one phone at a time with a timeout.
#include "ble/GattIdReader.h"

#include "common/Logging.h"

#include <QLowEnergyService>

GattIdReader::GattIdReader(int timeoutMs, QObject* parent) : QObject(parent), m_timeoutMs(timeoutMs)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        qCInfo(lcBle) << "GATT read timed out" << m_current.device.address().toString();
        finish(QByteArray());
    });
}

GattIdReader::~GattIdReader()
{
    m_service.reset();
    if (m_controller)
        m_controller->disconnectFromDevice();
}

void GattIdReader::request(const QBluetoothDeviceInfo& device, const AppProfile& profile)
{
    const auto sameDevice = [&device](const Request& r) { return r.device.address() == device.address(); };
    if ((m_controller && sameDevice(m_current)) || std::any_of(m_queue.cbegin(), m_queue.cend(), sameDevice))
        return;
    m_queue.append({device, profile.gattService, profile.gattCharacteristic});
    if (!m_controller)
        next();
}

void GattIdReader::next()
{
    if (m_queue.isEmpty())
        return;
    m_current = m_queue.takeFirst();
    m_controller.reset(QLowEnergyController::createCentral(m_current.device));
    QLowEnergyController* controller = m_controller.get();
    connect(controller, &QLowEnergyController::connected, controller, &QLowEnergyController::discoverServices);
    connect(controller, &QLowEnergyController::discoveryFinished, this, &GattIdReader::onServiceDiscovered);
    connect(controller, &QLowEnergyController::errorOccurred, this, [this](QLowEnergyController::Error error) {
        qCInfo(lcBle) << "GATT error" << error << m_current.device.address().toString();
        finish(QByteArray());
    });
    m_timeout.start(m_timeoutMs);
    controller->connectToDevice();
}

void GattIdReader::onServiceDiscovered()
{
    m_service.reset(m_controller->createServiceObject(m_current.service));
    if (!m_service) {
        finish(QByteArray()); // the phone does not offer the app's service
        return;
    }
    QLowEnergyService* service = m_service.get();
    connect(service, &QLowEnergyService::stateChanged, this, [this, service](QLowEnergyService::ServiceState state) {
        if (state != QLowEnergyService::RemoteServiceDiscovered)
            return;
        const QLowEnergyCharacteristic characteristic = service->characteristic(m_current.characteristic);
        if (!characteristic.isValid()) {
            finish(QByteArray());
            return;
        }
        service->readCharacteristic(characteristic);
    });
    connect(service, &QLowEnergyService::characteristicRead, this,
            [this](const QLowEnergyCharacteristic& characteristic, const QByteArray& value) {
                if (characteristic.uuid() == m_current.characteristic)
                    finish(value);
            });
    connect(service, &QLowEnergyService::errorOccurred, this,
            [this](QLowEnergyService::ServiceError) { finish(QByteArray()); });
    service->discoverDetails();
}

void GattIdReader::finish(const QByteArray& appId)
{
    m_timeout.stop();
    const quint64 address = m_current.device.address().toUInt64();
    // Signals of the controller may still be on the stack: delete later, not now.
    if (m_service)
        m_service.release()->deleteLater();
    if (m_controller) {
        m_controller->disconnect(this);
        m_controller->disconnectFromDevice();
        m_controller.release()->deleteLater();
    }
    emit idRead(address, appId);
    next();
}
