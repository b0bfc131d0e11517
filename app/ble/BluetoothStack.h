// Which of Qt Bluetooth's ways to BlueZ Gatehouse uses, chosen once and explicitly at start.
//
// Qt 6.4 picks its GATT backend by guessing bluetoothd's version (bluez5_helper.cpp
// bluetoothdVersion: BLUETOOTH_FORCE_DBUS_LE_VERSION, else `bluetoothd --version` through
// /proc/<pid>/exe or cmdline, else the kernel's HCI ioctls, else "3.0", no LE at all). The kiosk's
// unit hides other processes (ProtectProc=invisible) and has no capability, so the guess fails
// there and every GATT read with it. BlueZ's D-Bus GATT API (>= 5.42; Debian 12 ships 5.66) needs
// neither, and is what Gatehouse uses: QLowEnergyControllerPrivateBluezDBus, through
// org.bluez.Device1 and GattCharacteristic1.
#pragma once

#include <QString>

class BluetoothStack
{
public:
    // The BlueZ version whose API Gatehouse asks Qt to use (Debian 12's).
    static constexpr const char* DbusLeVersion = "5.66";

    // Makes Qt read GATT through BlueZ's D-Bus API. Call before anything Bluetooth (the kiosk's
    // and the CLI's main do, GattIdReader again); an administrator's own
    // BLUETOOTH_FORCE_DBUS_LE_VERSION is left as it is.
    static void chooseDbusGatt();
    // Whether GATT goes through BlueZ's D-Bus API in this process.
    static bool dbusGatt();
};
