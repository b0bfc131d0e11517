// Asks the system whether the kiosk's hardware is there.
#include "common/HardwareProbe.h"

#include <QBluetoothLocalDevice>
#include <QCameraDevice>
#include <QMediaDevices>

bool HardwareProbe::hasBluetoothAdapter()
{
    return !QBluetoothLocalDevice::allDevices().isEmpty();
}

bool HardwareProbe::hasCamera()
{
    return !QMediaDevices::videoInputs().isEmpty();
}
