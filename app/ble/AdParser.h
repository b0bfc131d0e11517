// Turns raw advertising data (AD structures "length, type, data...") into an Advertisement, and
// does the same for what Qt Bluetooth reports of a live device.
#pragma once

#include "ble/AdProblem.h"
#include "ble/Advertisement.h"

#include <span>

class QBluetoothDeviceInfo;

class AdParser
{
public:
    // Adds every well-formed AD structure of data to into. Stops at the first malformed one and
    // says why; what came before it is kept.
    static AdProblem parse(std::span<const quint8> data, Advertisement& into);

    // What Qt knows of a device from its latest advertising report (name, UUIDs, service and
    // manufacturer data, RSSI), as an Advertisement stamped timeMs.
    static Advertisement fromDeviceInfo(const QBluetoothDeviceInfo& info, qint64 timeMs);
};
