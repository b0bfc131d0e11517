// One Bluetooth LE advertising report, decoded: who sent it, how loud, and the AD structures it
// carried. A value type built for replaying millions a second, so small payloads stay inline.
#pragma once

#include <QBluetoothUuid>
#include <QByteArray>
#include <QString>
#include <QVarLengthArray>

#include <cstdint>
#include <optional>
#include <span>

struct Advertisement
{
    // HCI reports 127 when the controller has no RSSI (Bluetooth Core 5.3, Vol 4, Part E, 7.7.65.2).
    static constexpr int RSSI_UNAVAILABLE = 127;
    // The range an HCI LE Advertising Report may carry (same section): -127..+20 dBm.
    static constexpr int RSSI_MIN = -127;
    static constexpr int RSSI_MAX = 20;

    struct ServiceData
    {
        QBluetoothUuid uuid;
        quint16 offset = 0; // into bytes
        quint16 length = 0;
    };
    struct ManufacturerData
    {
        quint16 company = 0; // Bluetooth SIG company identifier
        quint16 offset = 0;  // into bytes
        quint16 length = 0;
    };

    // Capture milliseconds (replay), or Unix epoch milliseconds from the Clock (live).
    qint64 timeMs = 0;
    // The 48-bit device address, most significant byte first as written "AA:BB:CC:DD:EE:FF".
    quint64 address = 0;
    int rssi = RSSI_UNAVAILABLE;
    std::optional<int> txPower;
    std::optional<quint8> flags;
    QString localName;
    bool localNameComplete = false;
    QVarLengthArray<QBluetoothUuid, 4> serviceUuids;
    QVarLengthArray<ServiceData, 2> serviceData;
    QVarLengthArray<ManufacturerData, 2> manufacturerData;
    // The payload bytes that serviceData and manufacturerData point into.
    QVarLengthArray<quint8, 64> bytes;

    bool hasRssi() const { return rssi != RSSI_UNAVAILABLE && rssi >= RSSI_MIN && rssi <= RSSI_MAX; }
    bool hasServiceUuid(const QBluetoothUuid& uuid) const;
    // The data of the first service data / manufacturer data structure for uuid / company.
    std::optional<std::span<const quint8>> serviceDataFor(const QBluetoothUuid& uuid) const;
    std::optional<std::span<const quint8>> manufacturerDataFor(quint16 company) const;

    void addServiceUuid(const QBluetoothUuid& uuid);
    void addServiceData(const QBluetoothUuid& uuid, std::span<const quint8> data);
    void addManufacturerData(quint16 company, std::span<const quint8> data);
    std::span<const quint8> payload(quint16 offset, quint16 length) const
    {
        return {bytes.constData() + offset, length};
    }

    QString addressText() const;
    // Parses "AA:BB:CC:DD:EE:FF" (either case); nullopt for anything else.
    static std::optional<quint64> parseAddress(std::string_view text);
};
