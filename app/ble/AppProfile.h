// What the advertisements of one tracing app look like: a row of the profile table. Every
// condition that is set must hold for an advert to match; rows are data, not code, so that a site
// can add an app in its configuration (AppProfileTable::load).
#pragma once

#include "ble/Advertisement.h"

#include <QBluetoothUuid>
#include <QString>

#include <optional>

struct AppProfile
{
    enum class IdSource {
        None,             // the app's advert carries no identifier we report
        ManufacturerData, // the identifier is the manufacturer data (Bluezone Android)
        ServiceData,      // the identifier is the service data
        Gatt,             // the identifier must be read over GATT (Bluezone iOS in background)
    };

    QString name;     // "bluezone", "exposure_notification", "bluetrace" (the CLI's "profile")
    QString platform; // "android", "ios", or empty when the advert does not tell

    std::optional<QBluetoothUuid> serviceUuid;     // must be in the advert's service UUID lists
    QString localName;                             // the advert's local name must equal it
    std::optional<quint16> manufacturerId;         // manufacturer data with this company id...
    int manufacturerLength = -1;                   // ...of exactly this many bytes (-1: any)
    std::optional<QBluetoothUuid> serviceDataUuid; // service data for this UUID...
    int serviceDataLength = -1;                    // ...of exactly this many bytes (-1: any)
    // Apple's overflow area (manufacturer 0x004C, type byte 0x01, then a 16-byte bitmask) with
    // the bit (byte index into the bitmask, mask) that stands for the app's service UUID.
    std::optional<std::pair<int, quint8>> appleOverflowBit;

    IdSource idSource = IdSource::None;
    // The identifier is the first idLength bytes of its source (-1: all of them). Exposure
    // Notification's service data is the Rolling Proximity Identifier (16 bytes) and then 4 bytes
    // of metadata whose encryption key may change apart from it, so only the 16 name the phone.
    int idLength = -1;
    // When the identifier belongs to fixed UTC time slots of this length (Bluezone: 15 minutes,
    // 96 a UTC day), it can only change at a slot boundary; 0 when the app says nothing of it.
    qint64 idSlotMs = 0;
    // For IdSource::Gatt: the service and characteristic to read, and the identifier's length.
    QBluetoothUuid gattService;
    QBluetoothUuid gattCharacteristic;
    int gattIdLength = 0;

    bool matches(const Advertisement& advert) const;
    // The identifier the advert carries (empty when idSource is None or Gatt).
    std::span<const quint8> identifier(const Advertisement& advert) const;
};
