// The tracing apps Gatehouse recognises.
//
// Every signature below is from formats/ble-capture.md, which cites the apps' own sources, and was
// read again in them: BluezoneGlobal/react-native-bluetooth-scan (Android: AppConstants.java,
// ServiceTraceCovid.java, bluezoneid/BluezoneIdGenerator.java), BluezoneGlobal/bluezone-app (iOS:
// ios/Scanner/AppConstant.swift, BlePeripheralManager.swift), google/exposure-notifications-
// internals (README.md, ContactTracingFeature.java) and opentrace-community/opentrace-android and
// opentrace-ios (BLEAdvertiser.kt, BluetoothMonitoringService.kt, gradle.properties in its README,
// BluetraceConfig.swift).
#include "ble/AppProfileTable.h"

#include <QSettings>

namespace {
const QString BLUEZONE = QStringLiteral("bluezone");
const QString EXPOSURE_NOTIFICATION = QStringLiteral("exposure_notification");
const QString BLUETRACE = QStringLiteral("bluetrace");
const QString ANDROID = QStringLiteral("android");
const QString IOS = QStringLiteral("ios");

// Bluezone Android: 16-bit service UUID 0x4E56 and manufacturer 0x22B5 (AppConstants.BLE_ID =
// 8885) holding the 12-byte ID (BluezoneIdConstants.Config.LENGTH_BYTE).
constexpr quint16 BLUEZONE_UUID16 = 0x4E56;
constexpr quint16 BLUEZONE_COMPANY = 0x22B5;
constexpr int BLUEZONE_ID_BYTES = 12;
// Its IDs a UTC day and its bit in Apple's overflow area: AppProfileTable::Options.
// Advertises 15 s, then silent 15 s (AppConstants.Config.DEFAULT_BROADCAST_BLE_DURATION and
// _INTERVAL), reading the ID when advertising starts (ServiceTraceCovid.startBroadCastBle).
constexpr qint64 BLUEZONE_ADVERTISING_MS = 15000;
constexpr qint64 BLUEZONE_PAUSE_MS = 15000;
// Bluezone iOS: its 128-bit service, and the characteristic whose read returns the 12-byte ID
// (AppConstant.swift BLE_UUID_IOS, BLE_CHAR_UUID; BlePeripheralManager.swift didReceiveRead).
const QBluetoothUuid BLUEZONE_IOS_SERVICE(QStringLiteral("00004E56-73F5-4BC4-A12F-17D1AD07A667"));
const QBluetoothUuid BLUEZONE_IOS_CHARACTERISTIC(QStringLiteral("00004E56-73F5-4BC4-A12F-17D1AD07A689"));
// The first iOS builds (bluezone-app afa15fc, April 2020) advertised service E20A39F4-...-A667. Their
// characteristic (08590F7E-DB05-467E-8757-72F6FAEB13D4) held no ID but the user's phone number with
// two digits swapped (AppUtils.convertNameDevices), also sent as the local name: the service proves
// the app, and Gatehouse never reads that characteristic.
const QBluetoothUuid BLUEZONE_IOS_EARLY_SERVICE(QStringLiteral("E20A39F4-73F5-4BC4-A12F-17D1AD07A667"));
// Exposure Notification: service data for 0xFD6F = 16-byte Rolling Proximity Identifier + 4-byte
// encrypted metadata (Exposure Notification Bluetooth Specification v1.2, "Advertising Payload").
constexpr quint16 EXPOSURE_NOTIFICATION_UUID16 = 0xFD6F;
constexpr int EXPOSURE_NOTIFICATION_DATA_BYTES = 20;
constexpr int ROLLING_PROXIMITY_IDENTIFIER_BYTES = 16;
// BlueTrace Android adds manufacturer 1023 (0x03FF) with 3 characters drawn at each start
// (BLEAdvertiser.startAdvertisingLegacy): it tells the platform, never the phone. It advertises
// 180 s, then is silent 5 s (ADVERTISING_DURATION, ADVERTISING_INTERVAL), with a new address at
// each start.
constexpr quint16 BLUETRACE_ANDROID_COMPANY = 0x03FF;
constexpr qint64 BLUETRACE_ADVERTISING_MS = 180000;
constexpr qint64 BLUETRACE_PAUSE_MS = 5000;

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

QList<QBluetoothUuid> AppProfileTable::defaultBlueTraceUuids()
{
    // The public defaults differ by platform: the Android sample's production UUID
    // (opentrace-android README, gradle.properties) and OpenTrace iOS's (BluetraceConfig.swift).
    return {QBluetoothUuid(QStringLiteral("B82AB3FC-1595-4F6A-80F0-FE094CC218F9")),
            QBluetoothUuid(QStringLiteral("A6BA4286-C550-4794-A888-9467EF0B31A8"))};
}

AppProfileTable AppProfileTable::defaults()
{
    return defaults(Options());
}

AppProfileTable AppProfileTable::defaults(const Options& options)
{
    AppProfileTable table;

    AppProfile android;
    android.name = BLUEZONE;
    android.platform = ANDROID;
    android.serviceUuids = {QBluetoothUuid(BLUEZONE_UUID16)};
    android.manufacturerId = BLUEZONE_COMPANY;
    android.manufacturerLength = BLUEZONE_ID_BYTES;
    android.idSource = AppProfile::IdSource::ManufacturerData;
    android.idSlotsPerDay = options.bluezoneSlotsPerDay;
    android.advertisingMs = BLUEZONE_ADVERTISING_MS;
    android.pauseMs = BLUEZONE_PAUSE_MS;
    table.add(android);

    // iOS in foreground advertises the 128-bit service UUID, and the local name "Bluezone" in the
    // scan response; either alone proves the app. iOS cannot advertise manufacturer data, so the
    // ID is read over GATT, as the app itself does (BleCentralManager.swift), when a reader is
    // there: it names the iPhone across address changes.
    AppProfile iosForeground;
    iosForeground.name = BLUEZONE;
    iosForeground.platform = IOS;
    iosForeground.serviceUuids = {BLUEZONE_IOS_SERVICE};
    iosForeground.idSource = AppProfile::IdSource::Gatt;
    iosForeground.gattIds = {{BLUEZONE_IOS_SERVICE, BLUEZONE_IOS_CHARACTERISTIC}};
    iosForeground.gattIdLength = BLUEZONE_ID_BYTES;
    iosForeground.idSlotsPerDay = options.bluezoneSlotsPerDay;
    table.add(iosForeground);
    AppProfile iosForegroundByName = iosForeground;
    iosForegroundByName.serviceUuids.clear();
    iosForegroundByName.localName = QStringLiteral("Bluezone");
    table.add(iosForegroundByName);
    AppProfile iosEarly;
    iosEarly.name = BLUEZONE;
    iosEarly.platform = IOS;
    iosEarly.serviceUuids = {BLUEZONE_IOS_EARLY_SERVICE};
    table.add(iosEarly);

    // iOS in background: only a bit in Apple's overflow area, shared by every UUID that hashes
    // to it, so the ID must be read over GATT before the phone counts as verified.
    AppProfile iosBackground = iosForeground;
    iosBackground.serviceUuids.clear();
    iosBackground.appleOverflowBit = options.bluezoneOverflowBit;
    iosBackground.advertProvesApp = false;
    table.add(iosBackground);

    AppProfile exposureNotification;
    exposureNotification.name = EXPOSURE_NOTIFICATION;
    exposureNotification.serviceDataUuid = QBluetoothUuid(EXPOSURE_NOTIFICATION_UUID16);
    exposureNotification.serviceDataLength = EXPOSURE_NOTIFICATION_DATA_BYTES;
    // The RPI names the phone as Bluezone's ID does: the same RPI under a new address is the same
    // phone (Android may change the address while the RPI stays: exposure-notifications-internals
    // README, "BLE MAC and RPI Rotation"). A new RPI comes with a new address, about every 10
    // minutes (ContactTracingFeature.idRollingPeriodMinutes) but not on UTC 10-minute boundaries:
    // the DP-3T recordings (tests/data/dp3t) hear RPIs begin at every minute of the interval and
    // last up to 25 minutes, so a new RPI is the same phone only as a rotation is (PresenceTracker).
    exposureNotification.idSource = AppProfile::IdSource::ServiceData;
    exposureNotification.idLength = ROLLING_PROXIMITY_IDENTIFIER_BYTES;
    table.add(exposureNotification);

    AppProfile blueTraceAndroid;
    blueTraceAndroid.name = BLUETRACE;
    blueTraceAndroid.platform = ANDROID;
    blueTraceAndroid.serviceUuids = options.blueTraceUuids;
    blueTraceAndroid.manufacturerId = BLUETRACE_ANDROID_COMPANY;
    blueTraceAndroid.advertisingMs = BLUETRACE_ADVERTISING_MS;
    blueTraceAndroid.pauseMs = BLUETRACE_PAUSE_MS;
    table.add(blueTraceAndroid);
    // Without the manufacturer data: OpenTrace iOS in foreground (its temporary ID goes over GATT
    // only, and in background iOS hides the service where no scanner sees it), or another build.
    AppProfile blueTrace;
    blueTrace.name = BLUETRACE;
    blueTrace.serviceUuids = options.blueTraceUuids;
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
    // A list in the INI file ("a, b") reads as a string list; one value as a string.
    const auto text = [&ini](const QString& key) {
        const QVariant value = ini.value(key);
        return value.typeId() == QMetaType::QStringList ? value.toStringList().join(QLatin1Char(','))
                                                        : value.toString();
    };

    Options options;
    // bluetrace_uuids lists every UUID the site accepts; bluetrace_uuid, its older name, one.
    for (const QString& key : {QStringLiteral("ble/bluetrace_uuids"), QStringLiteral("ble/bluetrace_uuid")}) {
        if (!ini.contains(key))
            continue;
        options.blueTraceUuids.clear();
        const QStringList items = text(key).split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString& item : items) {
            const auto uuid = parseUuidSetting(item);
            if (!uuid)
                return bad(key, text(key));
            options.blueTraceUuids.append(*uuid);
        }
        if (options.blueTraceUuids.isEmpty())
            return bad(key, text(key));
        break;
    }
    const QString slotsKey = QStringLiteral("ble/bluezone_slots_per_day");
    if (ini.contains(slotsKey)) {
        bool ok = false;
        options.bluezoneSlotsPerDay = text(slotsKey).trimmed().toInt(&ok);
        if (!ok || options.bluezoneSlotsPerDay < 1 || options.bluezoneSlotsPerDay > 1440)
            return bad(slotsKey, text(slotsKey));
    }
    const QString byteKey = QStringLiteral("ble/bluezone_overflow_byte");
    if (ini.contains(byteKey)) {
        bool ok = false;
        const int byte = text(byteKey).trimmed().toInt(&ok);
        if (!ok || byte < 0 || byte > 15)
            return bad(byteKey, text(byteKey));
        options.bluezoneOverflowBit.first = byte;
    }
    const QString maskKey = QStringLiteral("ble/bluezone_overflow_mask");
    if (ini.contains(maskKey)) {
        const auto mask = parseHex16(text(maskKey));
        if (!mask || *mask == 0 || *mask > 0xFF)
            return bad(maskKey, text(maskKey));
        options.bluezoneOverflowBit.second = static_cast<quint8>(*mask);
    }
    AppProfileTable table = defaults(options);

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
            const auto uuid = parseUuidSetting(ini.value(QStringLiteral("service_uuid")).toString());
            if (!uuid)
                return bad(prefix + QStringLiteral("service_uuid"),
                           ini.value(QStringLiteral("service_uuid")).toString());
            profile.serviceUuids = {*uuid};
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
        if (profile.name.isEmpty() || (profile.serviceUuids.isEmpty() && profile.localName.isEmpty() &&
                                       !profile.manufacturerId && !profile.serviceDataUuid)) {
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
