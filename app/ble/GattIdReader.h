// Reads a tracing app's identifier over GATT, one phone at a time with a timeout: Bluezone on
// iOS in background hides its UUID in Apple's overflow area, so only a read of its
// characteristic proves the app runs (formats/ble-capture.md).
#pragma once

#include "ble/AppProfile.h"

#include <QBluetoothDeviceInfo>
#include <QList>
#include <QLowEnergyController>
#include <QObject>
#include <QTimer>

#include <memory>

class QLowEnergyService;

class GattIdReader : public QObject
{
    Q_OBJECT

public:
    static constexpr int DEFAULT_TIMEOUT_MS = 5000;

    explicit GattIdReader(int timeoutMs = DEFAULT_TIMEOUT_MS, QObject* parent = nullptr);
    ~GattIdReader() override;

    // Queues a read of profile's characteristic on device; a device already queued is not
    // queued again.
    void request(const QBluetoothDeviceInfo& device, const AppProfile& profile);
    int pending() const { return static_cast<int>(m_queue.size()) + (m_controller ? 1 : 0); }

signals:
    // The identifier read, or an empty one when the read failed or timed out.
    void idRead(quint64 address, const QByteArray& appId);

private:
    struct Request
    {
        QBluetoothDeviceInfo device;
        QBluetoothUuid service;
        QBluetoothUuid characteristic;
    };

    void next();
    void finish(const QByteArray& appId);
    void onServiceDiscovered();

    int m_timeoutMs;
    QList<Request> m_queue;
    Request m_current;
    std::unique_ptr<QLowEnergyController> m_controller;
    std::unique_ptr<QLowEnergyService> m_service;
    QTimer m_timeout;
};
