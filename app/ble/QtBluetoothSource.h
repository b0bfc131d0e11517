// Adverts from the kiosk's Bluetooth adapter, through Qt Bluetooth (BlueZ on Linux). Scans
// without a timeout for as long as the kiosk runs, one advert for each report BlueZ gives, and
// follows the adapter (BluetoothAdapterWatch): switched off, unplugged, plugged back, discovery
// ended by BlueZ — each said in words, and scanning starts again by itself the moment it can.
#pragma once

#include "ble/AdvertisementSource.h"
#include "ble/BluetoothAdapterWatch.h"
#include "common/Clock.h"

#include <QBluetoothAddress>
#include <QBluetoothDeviceDiscoveryAgent>
#include <QCoreApplication>
#include <QSet>
#include <QTimer>

#include <memory>

class QBluetoothDeviceInfo;

class QtBluetoothSource : public AdvertisementSource
{
    Q_OBJECT

public:
    struct Config
    {
        // Qt's discovery agent keeps every device it ever saw and looks each report up in that
        // list (qbluetoothdevicediscoveryagent_bluez.cpp deviceFound, _q_PropertiesChanged); with
        // a new address every 30 s per Bluezone phone the list grows without end. After this many
        // addresses a fresh agent takes over (BlueZ's discovery goes on meanwhile), missing the
        // few reports BlueZ sends while Qt's start() subscribes: about one take-over an hour at a
        // busy door, a scan of 5000 entries per advert at most.
        int freshAgentAfterDevices = 5000;
        // BlueZ said discovery stopped and it has not started again for this long: start anew.
        int discoveryWatchdogMs = 5000;
    };

    // adapter: the local adapter's address, or null for the system's default one.
    QtBluetoothSource(const QBluetoothAddress& adapter, const Clock& clock, QObject* parent = nullptr);
    QtBluetoothSource(const QBluetoothAddress& adapter, const Clock& clock, Config config, QObject* parent = nullptr);
    ~QtBluetoothSource() override;

    void start() override;
    void stop() override;
    bool isScanning() const;
    QBluetoothAddress adapter() const { return m_adapter; }
    // How long the next restart after a discovery error waits; doubles up to a minute.
    int restartDelayMs() const { return m_restartDelayMs; }
    // How many discovery agents were started (a test's view of restarts and fresh agents).
    int agentsStarted() const { return m_agentsStarted; }

    // The sentence for a discovery error, in the user's language.
    static QString describe(QBluetoothDeviceDiscoveryAgent::Error error, const QString& detail);

private:
    void startAgent();
    void stopAgent();
    void onDevice(const QBluetoothDeviceInfo& info);
    void onError(QBluetoothDeviceDiscoveryAgent::Error error);
    void onAdapterChanged();
    void scheduleRestart();

    QBluetoothAddress m_adapter;
    const Clock& m_clock;
    Config m_config;
    BluetoothAdapterWatch m_watch;
    std::unique_ptr<QBluetoothDeviceDiscoveryAgent> m_agent;
    QTimer m_restartTimer;
    QTimer m_watchdog;
    QSet<quint64> m_agentDevices; // addresses the current agent has seen
    bool m_wanted = false;
    bool m_starting = false; // inside the agent's start(), which reports BlueZ's cache
    int m_restartDelayMs = 1000;
    int m_agentsStarted = 0;
    BluetoothAdapterWatch::State m_reported = BluetoothAdapterWatch::State::On;
};
