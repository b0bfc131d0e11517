// Follows the kiosk's Bluetooth adapter as BlueZ shows it on the system bus (org.bluez, the
// ObjectManager at "/" and org.bluez.Adapter1: BlueZ doc/adapter-api.txt): there or not, switched
// on or off, discovering or not. Qt Bluetooth 6.4 notices none of this during a scan: its
// discovery agent goes on "active" after the adapter is switched off (it only re-calls
// StartDiscovery, which then fails unseen: bluez5_helper.cpp QtBluezDiscoveryManager), and a
// QBluetoothLocalDevice whose adapter was unplugged stays invalid for good
// (qbluetoothlocaldevice_bluez.cpp InterfacesRemoved). So QtBluetoothSource watches here, to say
// what is wrong in words and to start scanning again the moment the adapter is back.
#pragma once

#include <QBluetoothAddress>
#include <QCoreApplication>
#include <QDBusMessage>
#include <QObject>
#include <QString>

class BluetoothAdapterWatch : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Unreachable, // BlueZ does not answer on the system bus, or this user may not ask it
        Absent,      // no such adapter
        PoweredOff,
        On,
    };

    struct Status
    {
        State state = State::Unreachable;
        bool discovering = false;
        QBluetoothAddress address; // the adapter's, when there is one
        QString detail;            // for Unreachable: what the bus said
    };

    // adapter: the kiosk's adapter's address, or null for the first adapter BlueZ lists.
    explicit BluetoothAdapterWatch(const QBluetoothAddress& adapter, QObject* parent = nullptr);

    const Status& status() const { return m_status; }
    // Asks BlueZ for everything again (GetManagedObjects); emits changed() when it differs.
    void refresh();

    // One look, for `doctor`.
    static Status probe(const QBluetoothAddress& adapter);
    // The status in the user's language, with what to do about it.
    static QString describe(const Status& status);

signals:
    void changed();

private slots:
    void onInterfacesAdded(const QDBusMessage& message);
    void onInterfacesRemoved(const QDBusMessage& message);
    void onPropertiesChanged(const QDBusMessage& message);

private:
    void set(const Status& status);

    QBluetoothAddress m_wanted;
    QString m_path; // the adapter's object path while it is there
    Status m_status;
};
