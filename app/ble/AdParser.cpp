// Turns raw advertising data into an Advertisement.
//
// AD structure layout: Bluetooth Core Specification 5.3, Vol 3, Part C, Section 11 ("Advertising
// and Scan Response Data Format"): one length octet counting the type octet and the data, then
// the AD type, then the data. AD type numbers: Bluetooth SIG "Assigned Numbers", Section 2.3
// ("Common Data Types"). Data formats: Core Specification Supplement, Part A, Section 1.
#include "ble/AdParser.h"

#include <QBluetoothAddress>
#include <QBluetoothDeviceInfo>
#include <QUuid>

#include <array>

namespace {
// Assigned Numbers 2.3.
enum AdType : quint8 {
    FLAGS = 0x01,
    INCOMPLETE_UUID16 = 0x02,
    COMPLETE_UUID16 = 0x03,
    INCOMPLETE_UUID32 = 0x04,
    COMPLETE_UUID32 = 0x05,
    INCOMPLETE_UUID128 = 0x06,
    COMPLETE_UUID128 = 0x07,
    SHORT_LOCAL_NAME = 0x08,
    COMPLETE_LOCAL_NAME = 0x09,
    TX_POWER_LEVEL = 0x0A,
    SERVICE_DATA_UUID16 = 0x16,
    SERVICE_DATA_UUID32 = 0x20,
    SERVICE_DATA_UUID128 = 0x21,
    MANUFACTURER_DATA = 0xFF,
};

// Multi-octet fields in AD data are little-endian (Core 5.3, Vol 3, Part C, Section 11).
quint16 le16(const quint8* p)
{
    return static_cast<quint16>(p[0] | (p[1] << 8));
}

quint32 le32(const quint8* p)
{
    return static_cast<quint32>(p[0]) | (static_cast<quint32>(p[1]) << 8) | (static_cast<quint32>(p[2]) << 16) |
           (static_cast<quint32>(p[3]) << 24);
}

QBluetoothUuid uuid128(const quint8* p)
{
    // Little-endian on air; QUuid wants the RFC 4122 (big-endian) byte order.
    std::array<char, 16> bigEndian;
    for (int i = 0; i < 16; ++i)
        bigEndian[static_cast<size_t>(i)] = static_cast<char>(p[15 - i]);
    return QBluetoothUuid(QUuid::fromRfc4122(QByteArrayView(bigEndian.data(), 16)));
}

// The data length each type allows: a multiple of `unit`, at least `minimum`, at most `maximum`.
struct LengthRule
{
    int unit = 1;
    int minimum = 0;
    int maximum = 255;
};

LengthRule lengthRule(quint8 type)
{
    switch (type) {
    case FLAGS:
        return {1, 1, 255};
    case INCOMPLETE_UUID16:
    case COMPLETE_UUID16:
        return {2, 0, 255};
    case INCOMPLETE_UUID32:
    case COMPLETE_UUID32:
        return {4, 0, 255};
    case INCOMPLETE_UUID128:
    case COMPLETE_UUID128:
        return {16, 0, 255};
    case TX_POWER_LEVEL:
        return {1, 1, 1};
    case SERVICE_DATA_UUID16:
        return {1, 2, 255};
    case SERVICE_DATA_UUID32:
        return {1, 4, 255};
    case SERVICE_DATA_UUID128:
        return {1, 16, 255};
    case MANUFACTURER_DATA:
        return {1, 2, 255};
    default:
        return {};
    }
}
} // namespace

AdProblem AdParser::parse(std::span<const quint8> data, Advertisement& into)
{
    const int size = static_cast<int>(data.size());
    int i = 0;
    while (i < size) {
        const int length = data[static_cast<size_t>(i)];
        if (length == 0)
            return {AdProblem::Kind::ZeroLength, i, 0};
        if (i + 1 + length > size)
            return {AdProblem::Kind::Overrun, i, 0};
        const quint8 type = data[static_cast<size_t>(i) + 1];
        const quint8* p = data.data() + i + 2;
        const int n = length - 1;
        const LengthRule rule = lengthRule(type);
        if (n % rule.unit != 0 || n < rule.minimum || n > rule.maximum)
            return {AdProblem::Kind::BadLength, i, type};

        switch (type) {
        case FLAGS:
            into.flags = p[0];
            break;
        case INCOMPLETE_UUID16:
        case COMPLETE_UUID16:
            for (int k = 0; k < n; k += 2)
                into.addServiceUuid(QBluetoothUuid(le16(p + k)));
            break;
        case INCOMPLETE_UUID32:
        case COMPLETE_UUID32:
            for (int k = 0; k < n; k += 4)
                into.addServiceUuid(QBluetoothUuid(le32(p + k)));
            break;
        case INCOMPLETE_UUID128:
        case COMPLETE_UUID128:
            for (int k = 0; k < n; k += 16)
                into.addServiceUuid(uuid128(p + k));
            break;
        case SHORT_LOCAL_NAME:
        case COMPLETE_LOCAL_NAME:
            // A complete name wins over a shortened one, whichever comes first.
            if (type == COMPLETE_LOCAL_NAME || !into.localNameComplete) {
                into.localName = QString::fromUtf8(reinterpret_cast<const char*>(p), n);
                into.localNameComplete = type == COMPLETE_LOCAL_NAME;
            }
            break;
        case TX_POWER_LEVEL:
            // -127..+127 dBm (Supplement, Part A, 1.5); 0x80 is no level, and a capture line
            // could not carry it ("tx" takes that range too: formats/ble-capture.md).
            if (p[0] != 0x80)
                into.txPower = static_cast<qint8>(p[0]);
            break;
        case SERVICE_DATA_UUID16:
            into.addServiceData(QBluetoothUuid(le16(p)), {p + 2, static_cast<size_t>(n - 2)});
            break;
        case SERVICE_DATA_UUID32:
            into.addServiceData(QBluetoothUuid(le32(p)), {p + 4, static_cast<size_t>(n - 4)});
            break;
        case SERVICE_DATA_UUID128:
            into.addServiceData(uuid128(p), {p + 16, static_cast<size_t>(n - 16)});
            break;
        case MANUFACTURER_DATA:
            into.addManufacturerData(le16(p), {p + 2, static_cast<size_t>(n - 2)});
            break;
        default:
            break; // other types carry nothing a tracing-app profile looks at
        }
        i += 1 + length;
    }
    return {};
}

Advertisement AdParser::fromDeviceInfo(const QBluetoothDeviceInfo& info, qint64 timeMs)
{
    Advertisement advert;
    advert.timeMs = timeMs;
    advert.address = info.address().toUInt64();
    advert.rssi = info.rssi() == 0 ? Advertisement::RSSI_UNAVAILABLE : info.rssi();
    // BlueZ's Alias, which is the address with dashes when the device sent no name (BlueZ
    // src/device.c dev_property_get_alias): that is no local name.
    advert.localName = info.name();
    if (advert.localName == info.address().toString().replace(QLatin1Char(':'), QLatin1Char('-')))
        advert.localName.clear();
    advert.localNameComplete = !advert.localName.isEmpty();
    for (const QBluetoothUuid& uuid : info.serviceUuids())
        advert.addServiceUuid(uuid);
    const QMultiHash<QBluetoothUuid, QByteArray> serviceData = info.serviceData();
    for (auto it = serviceData.cbegin(); it != serviceData.cend(); ++it) {
        advert.addServiceData(it.key(), {reinterpret_cast<const quint8*>(it.value().constData()),
                                         static_cast<size_t>(it.value().size())});
    }
    const QMultiHash<quint16, QByteArray> manufacturerData = info.manufacturerData();
    for (auto it = manufacturerData.cbegin(); it != manufacturerData.cend(); ++it) {
        advert.addManufacturerData(it.key(), {reinterpret_cast<const quint8*>(it.value().constData()),
                                              static_cast<size_t>(it.value().size())});
    }
    return advert;
}
