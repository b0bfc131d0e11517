// Asks the system whether the kiosk's hardware is there, so that a machine without it starts in
// demo mode instead of failing (issue 7, README "Demo mode").
#pragma once

class HardwareProbe
{
public:
    // True when BlueZ reports at least one local Bluetooth adapter.
    static bool hasBluetoothAdapter();
    // True when Qt Multimedia lists at least one camera.
    static bool hasCamera();
};
