// What the advertisements of one tracing app look like, and how the app behaves on air: a row of
// the profile table. Every condition that is set must hold for an advert to match; rows are data,
// not code, so that a site can add an app in its configuration (AppProfileTable::load).
#pragma once

#include "ble/Advertisement.h"

#include <QBluetoothUuid>
#include <QList>
#include <QString>

#include <optional>

struct AppProfile
{
    enum class IdSource {
        None,             // the app's advert carries no identifier we report
        ManufacturerData, // the identifier is the manufacturer data (Bluezone Android)
        ServiceData,      // the identifier is the service data (Exposure Notification's RPI)
        Gatt,             // the identifier is read over GATT (Bluezone iOS)
    };
    // A characteristic whose value is the app's identifier, in the service that holds it.
    struct GattId
    {
        QBluetoothUuid service;
        QBluetoothUuid characteristic;
    };

    QString name;     // "bluezone", "exposure_notification", "bluetrace" (the CLI's "profile")
    QString platform; // "android", "ios", or empty when the advert does not tell

    QList<QBluetoothUuid> serviceUuids;            // one of them must be in the advert's UUID lists
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
    // When the identifier belongs to UTC time slots, this many a UTC day (Bluezone: 96, which its
    // server may change), it only changes at a slot boundary; 0 when the app says nothing of it.
    int idSlotsPerDay = 0;
    // An app that advertises in bursts: on for advertisingMs, silent for pauseMs, with a new
    // address at each start (Bluezone Android 15 s / 15 s, BlueTrace Android 180 s / 5 s). Both 0
    // for an app that advertises on and on.
    qint64 advertisingMs = 0;
    qint64 pauseMs = 0;

    // For IdSource::Gatt: where the identifier is read (tried in order), and its length.
    QList<GattId> gattIds;
    int gattIdLength = 0;
    // Whether the advert alone proves the app runs. Not for a bit in Apple's overflow area: every
    // service UUID that hashes to it sets it, so only the GATT read of the identifier proves it.
    bool advertProvesApp = true;

    bool matches(const Advertisement& advert) const;
    // The identifier the advert carries (empty when idSource is None or Gatt).
    std::span<const quint8> identifier(const Advertisement& advert) const;
    // Milliseconds in one of the identifier's UTC slots (0 when not tied to slots).
    qint64 idSlotMs() const;
    // Whether a slot boundary lies after fromMs and at or before toMs (Unix epoch ms), counted as
    // the app counts (Bluezone BluezoneIdGenerator.getIndexSubKey: the UTC day's milliseconds
    // divided by a day's milliseconds over the slot count).
    bool slotBoundaryBetween(qint64 fromMs, qint64 toMs) const;
};
