// What the advertisements of one tracing app look like.
#include "ble/AppProfile.h"

#include <algorithm>

namespace {
// Apple's company identifier (Bluetooth SIG Assigned Numbers, "Company Identifiers": 0x004C).
constexpr quint16 APPLE = 0x004C;
// iOS puts service UUIDs of background apps in an "overflow area": manufacturer data of Apple,
// type byte 0x01, then a 16-byte bitmask (formats/ble-capture.md, citing BluezoneGlobal's
// BlePeripheralManager.swift and the Android scanner's filter in AppConstants.java).
constexpr quint8 OVERFLOW_TYPE = 0x01;
constexpr int OVERFLOW_BITMASK_BYTES = 16;
constexpr qint64 DAY_MS = 24LL * 3600 * 1000;
} // namespace

bool AppProfile::matches(const Advertisement& advert) const
{
    if (!serviceUuids.isEmpty() &&
        std::none_of(serviceUuids.cbegin(), serviceUuids.cend(),
                     [&advert](const QBluetoothUuid& uuid) { return advert.hasServiceUuid(uuid); }))
        return false;
    if (!localName.isEmpty() && advert.localName != localName)
        return false;
    if (manufacturerId) {
        const auto data = advert.manufacturerDataFor(*manufacturerId);
        if (!data || (manufacturerLength >= 0 && static_cast<int>(data->size()) != manufacturerLength))
            return false;
    }
    if (serviceDataUuid) {
        const auto data = advert.serviceDataFor(*serviceDataUuid);
        if (!data || (serviceDataLength >= 0 && static_cast<int>(data->size()) != serviceDataLength))
            return false;
    }
    if (appleOverflowBit) {
        const auto data = advert.manufacturerDataFor(APPLE);
        if (!data || data->size() != 1 + OVERFLOW_BITMASK_BYTES || (*data)[0] != OVERFLOW_TYPE)
            return false;
        const auto [byte, mask] = *appleOverflowBit;
        if (byte < 0 || byte >= OVERFLOW_BITMASK_BYTES || ((*data)[static_cast<size_t>(1 + byte)] & mask) == 0)
            return false;
    }
    return true;
}

std::span<const quint8> AppProfile::identifier(const Advertisement& advert) const
{
    std::span<const quint8> data;
    if (idSource == IdSource::ManufacturerData && manufacturerId)
        data = advert.manufacturerDataFor(*manufacturerId).value_or(std::span<const quint8>());
    else if (idSource == IdSource::ServiceData && serviceDataUuid)
        data = advert.serviceDataFor(*serviceDataUuid).value_or(std::span<const quint8>());
    if (idLength >= 0 && data.size() > static_cast<size_t>(idLength))
        data = data.first(static_cast<size_t>(idLength));
    return data;
}

qint64 AppProfile::idSlotMs() const
{
    return idSlotsPerDay > 0 ? DAY_MS / idSlotsPerDay : 0;
}

bool AppProfile::slotBoundaryBetween(qint64 fromMs, qint64 toMs) const
{
    const qint64 slotMs = idSlotMs();
    if (slotMs <= 0 || toMs <= fromMs)
        return false;
    // A slot is (UTC day, index in the day); a day's last slot takes what the division leaves.
    const auto slot = [this, slotMs](qint64 t) {
        const qint64 day = t >= 0 ? t / DAY_MS : (t - DAY_MS + 1) / DAY_MS;
        return std::pair(day, std::min<qint64>((t - day * DAY_MS) / slotMs, idSlotsPerDay - 1));
    };
    return slot(fromMs) != slot(toMs);
}
