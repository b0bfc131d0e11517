// Follows the kiosk's Bluetooth adapter as BlueZ shows it on the system bus.
#include "ble/BluetoothAdapterWatch.h"

#include "common/Logging.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusObjectPath>
#include <QDBusServiceWatcher>
#include <QMap>

namespace {
const QString BLUEZ = QStringLiteral("org.bluez");
const QString OBJECT_MANAGER = QStringLiteral("org.freedesktop.DBus.ObjectManager");
const QString PROPERTIES = QStringLiteral("org.freedesktop.DBus.Properties");
const QString ADAPTER = QStringLiteral("org.bluez.Adapter1");
// How long a call to BlueZ may take before it counts as not answering.
constexpr int CALL_TIMEOUT_MS = 5000;

using Interfaces = QMap<QString, QVariantMap>;

// BlueZ's objects as GetManagedObjects gives them: a{oa{sa{sv}}}.
QMap<QDBusObjectPath, Interfaces> managedObjects(const QDBusMessage& reply)
{
    QMap<QDBusObjectPath, Interfaces> objects;
    if (reply.type() == QDBusMessage::ReplyMessage && !reply.arguments().isEmpty())
        reply.arguments().constFirst().value<QDBusArgument>() >> objects;
    return objects;
}

// The adapter wanted (or the first one) among BlueZ's objects, and its status.
BluetoothAdapterWatch::Status statusOf(const QMap<QDBusObjectPath, Interfaces>& objects,
                                       const QBluetoothAddress& wanted, QString& path)
{
    BluetoothAdapterWatch::Status status;
    status.state = BluetoothAdapterWatch::State::Absent;
    path.clear();
    for (auto it = objects.cbegin(); it != objects.cend(); ++it) {
        const auto adapter = it.value().constFind(ADAPTER);
        if (adapter == it.value().cend())
            continue;
        const QBluetoothAddress address(adapter->value(QStringLiteral("Address")).toString());
        if (!wanted.isNull() && address != wanted)
            continue;
        path = it.key().path();
        status.address = address;
        status.state = adapter->value(QStringLiteral("Powered")).toBool() ? BluetoothAdapterWatch::State::On
                                                                          : BluetoothAdapterWatch::State::PoweredOff;
        status.discovering = adapter->value(QStringLiteral("Discovering")).toBool();
        break;
    }
    return status;
}

QDBusMessage askForObjects()
{
    const QDBusMessage call =
        QDBusMessage::createMethodCall(BLUEZ, QStringLiteral("/"), OBJECT_MANAGER, QStringLiteral("GetManagedObjects"));
    return QDBusConnection::systemBus().call(call, QDBus::Block, CALL_TIMEOUT_MS);
}

BluetoothAdapterWatch::Status lookAt(const QBluetoothAddress& wanted, QString& path)
{
    const QDBusMessage reply = askForObjects();
    if (reply.type() != QDBusMessage::ReplyMessage) {
        BluetoothAdapterWatch::Status status;
        status.detail = reply.errorName().isEmpty() ? QStringLiteral("no system bus") : reply.errorName();
        path.clear();
        return status;
    }
    return statusOf(managedObjects(reply), wanted, path);
}
} // namespace

BluetoothAdapterWatch::BluetoothAdapterWatch(const QBluetoothAddress& adapter, QObject* parent)
    : QObject(parent), m_wanted(adapter)
{
    QDBusConnection bus = QDBusConnection::systemBus();
    bus.connect(BLUEZ, QStringLiteral("/"), OBJECT_MANAGER, QStringLiteral("InterfacesAdded"), this,
                SLOT(onInterfacesAdded(QDBusMessage)));
    bus.connect(BLUEZ, QStringLiteral("/"), OBJECT_MANAGER, QStringLiteral("InterfacesRemoved"), this,
                SLOT(onInterfacesRemoved(QDBusMessage)));
    // Every adapter's property changes (any path), and none of the devices' many.
    bus.connect(BLUEZ, QString(), PROPERTIES, QStringLiteral("PropertiesChanged"), {ADAPTER}, QString(), this,
                SLOT(onPropertiesChanged(QDBusMessage)));
    // bluetoothd stopped or restarted (an upgrade, a crash): its objects go with it, unannounced.
    auto* owner = new QDBusServiceWatcher(BLUEZ, bus, QDBusServiceWatcher::WatchForOwnerChange, this);
    connect(owner, &QDBusServiceWatcher::serviceOwnerChanged, this, [this] { refresh(); });
    m_status = lookAt(m_wanted, m_path);
}

void BluetoothAdapterWatch::refresh()
{
    QString path;
    const Status status = lookAt(m_wanted, path);
    m_path = path;
    set(status);
}

BluetoothAdapterWatch::Status BluetoothAdapterWatch::probe(const QBluetoothAddress& adapter)
{
    QString path;
    return lookAt(adapter, path);
}

void BluetoothAdapterWatch::set(const Status& status)
{
    const bool differs = status.state != m_status.state || status.discovering != m_status.discovering ||
                         status.address != m_status.address;
    m_status = status;
    if (differs)
        emit changed();
}

void BluetoothAdapterWatch::onInterfacesAdded(const QDBusMessage& message)
{
    // Devices come and go by the hundred; only an adapter is worth asking again for.
    if (message.arguments().size() < 2)
        return;
    Interfaces interfaces;
    message.arguments().at(1).value<QDBusArgument>() >> interfaces;
    if (interfaces.contains(ADAPTER))
        refresh();
}

void BluetoothAdapterWatch::onInterfacesRemoved(const QDBusMessage& message)
{
    if (message.arguments().size() < 2)
        return;
    const QString path = message.arguments().at(0).value<QDBusObjectPath>().path();
    if (message.arguments().at(1).toStringList().contains(ADAPTER) && (path == m_path || m_path.isEmpty()))
        refresh();
}

void BluetoothAdapterWatch::onPropertiesChanged(const QDBusMessage& message)
{
    if (message.path() != m_path || message.arguments().size() < 2)
        return;
    const QVariantMap changed = qdbus_cast<QVariantMap>(message.arguments().at(1));
    Status status = m_status;
    if (const auto powered = changed.constFind(QStringLiteral("Powered")); powered != changed.cend())
        status.state = powered->toBool() ? State::On : State::PoweredOff;
    if (const auto discovering = changed.constFind(QStringLiteral("Discovering")); discovering != changed.cend())
        status.discovering = discovering->toBool();
    set(status);
}

QString BluetoothAdapterWatch::describe(const Status& status)
{
    switch (status.state) {
    case State::On:
        return tr("The Bluetooth adapter %1 is on: the kiosk can check the tracing app.")
            .arg(status.address.toString());
    case State::PoweredOff:
        return tr("The Bluetooth adapter is switched off: the kiosk cannot check the tracing app. Switch it on "
                  "(bluetoothctl power on; check rfkill); Gatehouse goes on by itself.");
    case State::Absent:
        return tr("No Bluetooth adapter: the kiosk cannot check the tracing app. Plug in a Bluetooth 4.0 or later "
                  "adapter; Gatehouse goes on by itself.");
    case State::Unreachable:
        break;
    }
    if (status.detail == QLatin1String("org.freedesktop.DBus.Error.AccessDenied"))
        return tr("This user may not use Bluetooth: BlueZ refused it (%1), so the kiosk cannot check the tracing "
                  "app. Add the user to the bluetooth group.")
            .arg(status.detail);
    return tr("Bluetooth is not available: BlueZ (bluetoothd) does not answer on the system bus (%1), so the kiosk "
              "cannot check the tracing app. Start it: systemctl start bluetooth; Gatehouse goes on by itself.")
        .arg(status.detail);
}
