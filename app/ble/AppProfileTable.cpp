// The tracing apps Gatehouse recognises.
//
// Every signature below is from formats/ble-capture.md, which cites its sources:
// BluezoneGlobal/react-native-bluetooth-scan (AppConstants.java, ServiceTraceCovid.java,
// BluezoneIdGenerator.java) for Android, BluezoneGlobal/bluezone-app
// (ios/Scanner/BlePeripheralManager.swift) for iOS, the Google/Apple Exposure Notification
// Bluetooth specification for 0xFD6F, and the OpenTrace sample for BlueTrace.
#include "ble/AppProfileTable.h"

#include <QSettings>

namespace {
const QString BLUEZONE = QStringLiteral("bluezone");
const QString EXPOSURE_NOTIFICATION = QStringLiteral("exposure_notification");
const QString BLUETRACE = QStringLiteral("bluetrace");
const QString ANDROID = QStringLiteral("android");
const QString IOS = QStringLiteral("ios");

// Bluezone Android: 16-bit service UUID 0x4E56 and manufacturer 0x22B5 holding the 12-byte ID.
constexpr quint16 BLUEZONE_UUID16 = 0x4E56;
constexpr quint16 BLUEZONE_COMPANY = 0x22B5;
constexpr int BLUEZONE_ID_BYTES = 12;
// The Bluezone ID rotates every 15 minutes, 96 a UTC day (BluezoneIdGenerator.java).
constexpr qint64 BLUEZONE_ID_SLOT_MS = 15 * 60 * 1000;
// Bluezone iOS: its 128-bit service, and the characteristic that returns the 12-byte ID.
const QBluetoothUuid BLUEZONE_IOS_SERVICE(QStringLiteral("00004E56-73F5-4BC4-A12F-17D1AD07A667"));
const QBluetoothUuid BLUEZONE_IOS_CHARACTERISTIC(QStringLiteral("00004E56-73F5-4BC4-A12F-17D1AD07A689"));
// Where Bluezone's service lands in Apple's overflow bitmask. Apple does not publish the hash
// from UUID to bit; this position is the one the shared sample captures show (byte 1, 0x08),
// and a site that observes another can override it ([ble] bluezone_overflow_byte/_mask).
constexpr int BLUEZONE_OVERFLOW_BYTE = 1;
constexpr quint8 BLUEZONE_OVERFLOW_MASK = 0x08;
// Exposure Notification: service data for 0xFD6F = 16-byte Rolling Proximity Identifier + 4-byte
// encrypted metadata (Exposure Notification Bluetooth Specification v1.2, "Advertising Payload").
constexpr quint16 EXPOSURE_NOTIFICATION_UUID16 = 0xFD6F;
constexpr int EXPOSURE_NOTIFICATION_DATA_BYTES = 20;
constexpr int ROLLING_PROXIMITY_IDENTIFIER_BYTES = 16;

std::optional<quint16> parseHex16(const QString& text)
{
    bool ok = false;
    QString digits = text.trimmed();
    if (digits.startsWith(QLatin1String("0x"), Qt::CaseInsensitive))
        digits = digits.mid(2);
    const uint value = digits.toUInt(&ok, 16);
    if (!ok || value > 0xFFFF)
        return std::nullopt;
    return static_cast<quint16>(value);
}

std::optional<QBluetoothUuid> parseUuidSetting(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.size() <= 6) {
        if (const auto short16 = parseHex16(trimmed))
            return QBluetoothUuid(*short16);
        return std::nullopt;
    }
    const QBluetoothUuid uuid(trimmed);
    if (uuid.isNull())
        return std::nullopt;
    return uuid;
}
} // namespace

QBluetoothUuid AppProfileTable::defaultBlueTraceUuid()
{
    return QBluetoothUuid(QStringLiteral("B82AB3FC-1595-4F6A-80F0-FE094CC218F9"));
}

AppProfileTable AppProfileTable::defaults(const QBluetoothUuid& blueTraceUuid)
{
    AppProfileTable table;

    AppProfile android;
    android.name = BLUEZONE;
    android.platform = ANDROID;
    android.serviceUuid = QBluetoothUuid(BLUEZONE_UUID16);
    android.manufacturerId = BLUEZONE_COMPANY;
    android.manufacturerLength = BLUEZONE_ID_BYTES;
    android.idSource = AppProfile::IdSource::ManufacturerData;
    android.idSlotMs = BLUEZONE_ID_SLOT_MS;
    table.add(android);

    // iOS in foreground advertises the 128-bit service UUID, and the local name "Bluezone" in
    // the scan response; either alone identifies it.
    AppProfile iosForeground;
    iosForeground.name = BLUEZONE;
    iosForeground.platform = IOS;
    iosForeground.serviceUuid = BLUEZONE_IOS_SERVICE;
    table.add(iosForeground);
    AppProfile iosForegroundByName = iosForeground;
    iosForegroundByName.serviceUuid.reset();
    iosForegroundByName.localName = QStringLiteral("Bluezone");
    table.add(iosForegroundByName);

    // iOS in background: only a bit in Apple's overflow area, shared by every UUID that hashes
    // to it, so the ID must be read over GATT before the phone counts as verified.
    AppProfile iosBackground;
    iosBackground.name = BLUEZONE;
    iosBackground.platform = IOS;
    iosBackground.appleOverflowBit = std::pair<int, quint8>(BLUEZONE_OVERFLOW_BYTE, BLUEZONE_OVERFLOW_MASK);
    iosBackground.idSource = AppProfile::IdSource::Gatt;
    iosBackground.gattService = BLUEZONE_IOS_SERVICE;
    iosBackground.gattCharacteristic = BLUEZONE_IOS_CHARACTERISTIC;
    iosBackground.gattIdLength = BLUEZONE_ID_BYTES;
    table.add(iosBackground);

    AppProfile exposureNotification;
    exposureNotification.name = EXPOSURE_NOTIFICATION;
    exposureNotification.serviceDataUuid = QBluetoothUuid(EXPOSURE_NOTIFICATION_UUID16);
    exposureNotification.serviceDataLength = EXPOSURE_NOTIFICATION_DATA_BYTES;
    // The RPI names the phone as Bluezone's ID does: the same RPI under a new address is the same
    // phone, and since the address and the RPI change together (same specification, "Address
    // Rotation"), a new RPI is a new phone unless the old one fell silent (issue 13).
    exposureNotification.idSource = AppProfile::IdSource::ServiceData;
    exposureNotification.idLength = ROLLING_PROXIMITY_IDENTIFIER_BYTES;
    table.add(exposureNotification);

    AppProfile blueTrace;
    blueTrace.name = BLUETRACE;
    blueTrace.serviceUuid = blueTraceUuid;
    table.add(blueTrace);
    return table;
}

Result<AppProfileTable> AppProfileTable::load(const QString& iniPath)
{
    if (iniPath.isEmpty())
        return defaults();
    QSettings ini(iniPath, QSettings::IniFormat);
    auto bad = [&iniPath](const QString& key, const QString& value) {
        return Error(Error::Kind::Input, tr("The setting %1=%2 in %3 is not valid.").arg(key, value, iniPath));
    };

    QBluetoothUuid blueTraceUuid = defaultBlueTraceUuid();
    const QString blueTraceKey = QStringLiteral("ble/bluetrace_uuid");
    if (ini.contains(blueTraceKey)) {
        const auto uuid = parseUuidSetting(ini.value(blueTraceKey).toString());
        if (!uuid)
            return bad(blueTraceKey, ini.value(blueTraceKey).toString());
        blueTraceUuid = *uuid;
    }
    AppProfileTable table = defaults(blueTraceUuid);

    for (AppProfile& profile : table.m_profiles) {
        if (!profile.appleOverflowBit)
            continue;
        const QString byteKey = QStringLiteral("ble/bluezone_overflow_byte");
        const QString maskKey = QStringLiteral("ble/bluezone_overflow_mask");
        if (ini.contains(byteKey)) {
            bool ok = false;
            const int byte = ini.value(byteKey).toInt(&ok);
            if (!ok || byte < 0 || byte > 15)
                return bad(byteKey, ini.value(byteKey).toString());
            profile.appleOverflowBit->first = byte;
        }
        if (ini.contains(maskKey)) {
            const auto mask = parseHex16(ini.value(maskKey).toString());
            if (!mask || *mask == 0 || *mask > 0xFF)
                return bad(maskKey, ini.value(maskKey).toString());
            profile.appleOverflowBit->second = static_cast<quint8>(*mask);
        }
    }

    // [profile.NAME]: platform, service_uuid, local_name, manufacturer_id, manufacturer_length,
    // service_data_uuid, service_data_length, id (none, manufacturer_data, service_data),
    // id_length (the identifier is that many first bytes of its source).
    const QStringList groups = ini.childGroups();
    for (const QString& group : groups) {
        if (!group.startsWith(QLatin1String("profile.")))
            continue;
        AppProfile profile;
        profile.name = group.mid(8);
        ini.beginGroup(group);
        const QString prefix = group + QLatin1Char('/');
        profile.platform = ini.value(QStringLiteral("platform")).toString();
        if (ini.contains(QStringLiteral("service_uuid"))) {
            profile.serviceUuid = parseUuidSetting(ini.value(QStringLiteral("service_uuid")).toString());
            if (!profile.serviceUuid)
                return bad(prefix + QStringLiteral("service_uuid"),
                           ini.value(QStringLiteral("service_uuid")).toString());
        }
        profile.localName = ini.value(QStringLiteral("local_name")).toString();
        if (ini.contains(QStringLiteral("manufacturer_id"))) {
            profile.manufacturerId = parseHex16(ini.value(QStringLiteral("manufacturer_id")).toString());
            if (!profile.manufacturerId)
                return bad(prefix + QStringLiteral("manufacturer_id"),
                           ini.value(QStringLiteral("manufacturer_id")).toString());
        }
        if (ini.contains(QStringLiteral("service_data_uuid"))) {
            profile.serviceDataUuid = parseUuidSetting(ini.value(QStringLiteral("service_data_uuid")).toString());
            if (!profile.serviceDataUuid)
                return bad(prefix + QStringLiteral("service_data_uuid"),
                           ini.value(QStringLiteral("service_data_uuid")).toString());
        }
        profile.manufacturerLength = ini.value(QStringLiteral("manufacturer_length"), -1).toInt();
        profile.serviceDataLength = ini.value(QStringLiteral("service_data_length"), -1).toInt();
        const QString id = ini.value(QStringLiteral("id"), QStringLiteral("none")).toString();
        if (id == QLatin1String("manufacturer_data") && profile.manufacturerId)
            profile.idSource = AppProfile::IdSource::ManufacturerData;
        else if (id == QLatin1String("service_data") && profile.serviceDataUuid)
            profile.idSource = AppProfile::IdSource::ServiceData;
        else if (id != QLatin1String("none"))
            return bad(prefix + QStringLiteral("id"), id);
        if (ini.contains(QStringLiteral("id_length"))) {
            bool ok = false;
            profile.idLength = ini.value(QStringLiteral("id_length")).toInt(&ok);
            if (!ok || profile.idLength < 1 || profile.idLength > 255)
                return bad(prefix + QStringLiteral("id_length"), ini.value(QStringLiteral("id_length")).toString());
        }
        ini.endGroup();
        if (profile.name.isEmpty() || (!profile.serviceUuid && profile.localName.isEmpty() && !profile.manufacturerId &&
                                       !profile.serviceDataUuid)) {
            return Error(
                Error::Kind::Input,
                tr("The app profile [%1] in %2 has no condition to recognise the app by.").arg(group, iniPath));
        }
        table.add(profile);
    }
    return table;
}

const AppProfile* AppProfileTable::match(const Advertisement& advert) const
{
    for (const AppProfile& profile : m_profiles) {
        if (profile.matches(advert))
            return &profile;
    }
    return nullptr;
}
