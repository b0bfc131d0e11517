// One Bluetooth LE advertising report, decoded.
#include "ble/Advertisement.h"

#include "common/Hex.h"

#include <algorithm>

bool Advertisement::hasServiceUuid(const QBluetoothUuid& uuid) const
{
    return std::find(serviceUuids.cbegin(), serviceUuids.cend(), uuid) != serviceUuids.cend();
}

std::optional<std::span<const quint8>> Advertisement::serviceDataFor(const QBluetoothUuid& uuid) const
{
    for (const ServiceData& entry : serviceData) {
        if (entry.uuid == uuid)
            return payload(entry.offset, entry.length);
    }
    return std::nullopt;
}

std::optional<std::span<const quint8>> Advertisement::manufacturerDataFor(quint16 company) const
{
    for (const ManufacturerData& entry : manufacturerData) {
        if (entry.company == company)
            return payload(entry.offset, entry.length);
    }
    return std::nullopt;
}

void Advertisement::addServiceUuid(const QBluetoothUuid& uuid)
{
    if (!hasServiceUuid(uuid))
        serviceUuids.append(uuid);
}

void Advertisement::addServiceData(const QBluetoothUuid& uuid, std::span<const quint8> data)
{
    const auto offset = static_cast<quint16>(bytes.size());
    bytes.append(data.data(), static_cast<qsizetype>(data.size()));
    serviceData.append({uuid, offset, static_cast<quint16>(data.size())});
}

void Advertisement::addManufacturerData(quint16 company, std::span<const quint8> data)
{
    const auto offset = static_cast<quint16>(bytes.size());
    bytes.append(data.data(), static_cast<qsizetype>(data.size()));
    manufacturerData.append({company, offset, static_cast<quint16>(data.size())});
}

QString Advertisement::addressText() const
{
    static constexpr char DIGITS[] = "0123456789ABCDEF";
    QString text(17, QLatin1Char(':'));
    for (int i = 0; i < 6; ++i) {
        const auto octet = static_cast<unsigned>((address >> (8 * (5 - i))) & 0xFF);
        text[3 * i] = QLatin1Char(DIGITS[octet >> 4]);
        text[3 * i + 1] = QLatin1Char(DIGITS[octet & 0xF]);
    }
    return text;
}

std::optional<quint64> Advertisement::parseAddress(std::string_view text)
{
    if (text.size() != 17)
        return std::nullopt;
    quint64 address = 0;
    for (size_t i = 0; i < 17; ++i) {
        if (i % 3 == 2) {
            if (text[i] != ':')
                return std::nullopt;
            continue;
        }
        const int digit = Hex::digit(text[i]);
        if (digit < 0)
            return std::nullopt;
        address = (address << 4) | static_cast<quint64>(digit);
    }
    return address;
}
