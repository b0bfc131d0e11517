// Reads tracing apps' identifiers over GATT (Bluezone on iOS: formats/ble-capture.md) for the
// PresenceTracker, on a thread of its own: Qt's BlueZ D-Bus backend makes blocking D-Bus calls
// (GetManagedObjects when it connects and discovers), which must not hold up the adverts of
// every other phone. Several phones are read at once, each within a timeout, so a phone that
// never answers holds up no other; a phone whose read failed is read again only after a pause.
#pragma once

#include "ble/AppProfile.h"

#include <QBluetoothAddress>
#include <QObject>
#include <QThread>

class GattIdReader : public QObject
{
    Q_OBJECT

public:
    struct Config
    {
        int timeoutMs = 5000;    // a whole read: connection, discovery, the read itself
        int parallel = 3;        // reads at once
        int retryAfterMs = 3000; // after a failed read of a phone, before it is read again
    };

    // adapter: the local adapter's address, or null for the system's default one.
    explicit GattIdReader(const QBluetoothAddress& adapter, QObject* parent = nullptr);
    GattIdReader(const QBluetoothAddress& adapter, Config config, QObject* parent = nullptr);
    ~GattIdReader() override;

    // Queues a read of profile's identifier on the phone at address; a phone already queued or
    // being read is not queued again. May be called from any thread.
    void request(quint64 address, const AppProfile& profile);

signals:
    // The identifier read, or an empty one when the read failed or timed out.
    void idRead(quint64 address, const QByteArray& appId);

private:
    class Worker; // lives on m_thread

    QThread m_thread;
    Worker* m_worker = nullptr;
};
