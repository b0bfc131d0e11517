// Which of Qt Bluetooth's ways to BlueZ Gatehouse uses.
#include "ble/BluetoothStack.h"

#include "common/Logging.h"

#include <QVersionNumber>
#include <QtGlobal>

namespace {
// The variable Qt reads first (bluez5_helper.cpp bluetoothdVersion), and the version from which
// it takes BlueZ's D-Bus GATT API (qlowenergycontroller.cpp privateController).
const char* const FORCE_VARIABLE = "BLUETOOTH_FORCE_DBUS_LE_VERSION";
const QVersionNumber DBUS_GATT_SINCE(5, 42);
} // namespace

void BluetoothStack::chooseDbusGatt()
{
    if (qEnvironmentVariableIsSet(FORCE_VARIABLE))
        return;
    qputenv(FORCE_VARIABLE, DbusLeVersion);
    qCDebug(lcBle) << "GATT through BlueZ's D-Bus API, as BlueZ" << DbusLeVersion;
}

bool BluetoothStack::dbusGatt()
{
    return QVersionNumber::fromString(qEnvironmentVariable(FORCE_VARIABLE)) >= DBUS_GATT_SINCE;
}
