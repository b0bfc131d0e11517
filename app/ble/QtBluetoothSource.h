// Adverts from the kiosk's Bluetooth adapter, through Qt Bluetooth (BlueZ on Linux). Scans
// without a timeout, reports RSSI changes, and restarts with back-off when the adapter goes away
// or fails, so a kiosk recovers from an unplugged dongle without a person.
#pragma once

#include "ble/AdvertisementSource.h"
#include "common/Clock.h"

#include <QBluetoothAddress>
#include <QBluetoothDeviceDiscoveryAgent>
#include <QCoreApplication>
#include <QTimer>

#include <memory>

class QBluetoothDeviceInfo;

class QtBluetoothSource : public AdvertisementSource
{
    Q_OBJECT

public:
    // adapter: the local adapter's address, or null for the system's default one.
    QtBluetoothSource(const QBluetoothAddress& adapter, const Clock& clock, QObject* parent = nullptr);
    ~QtBluetoothSource() override;

    void start() override;
    void stop() override;
    bool isScanning() const;
    // The latest report of a device, for a GATT read (GattIdReader needs the full info).
    QBluetoothDeviceInfo deviceInfo(quint64 address) const;
    // How long the next restart waits; doubles after each failure up to a minute.
    int restartDelayMs() const { return m_restartDelayMs; }

    // The sentence for a discovery error, in the user's language.
    static QString describe(QBluetoothDeviceDiscoveryAgent::Error error, const QString& detail);

private:
    void createAgent();
    void onDevice(const QBluetoothDeviceInfo& info);
    void onError(QBluetoothDeviceDiscoveryAgent::Error error);
    void scheduleRestart();

    QBluetoothAddress m_adapter;
    const Clock& m_clock;
    std::unique_ptr<QBluetoothDeviceDiscoveryAgent> m_agent;
    QTimer m_restartTimer;
    QHash<quint64, QBluetoothDeviceInfo> m_devices;
    bool m_wanted = false;
    int m_restartDelayMs = 1000;
};
