// The tracing apps Gatehouse recognises: a table of AppProfile rows, first match wins.
#pragma once

#include "ble/AppProfile.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QList>

class AppProfileTable
{
    Q_DECLARE_TR_FUNCTIONS(AppProfileTable)

public:
    // The BlueTrace service UUIDs of the public OpenTrace samples (Android, iOS); each deployment
    // sets its own.
    static QList<QBluetoothUuid> defaultBlueTraceUuids();

    // What a site may change of the built-in apps (README "Configuration", [ble]).
    // 96 Bluezone IDs a UTC day (BluezoneIdConstants.Config.MAX_NUMBER_SUB_KEY_PER_DAY = 24 * 4), a
    // count its server may change (BluezoneIdGenerator.setMaxNumberSubKey).
    static constexpr int BluezoneSlotsPerDay = 96;
    // Where Bluezone's service lands in Apple's overflow bitmask in background: bit 0x08 of the
    // first byte, the exact bytes Bluezone's own Android scanner filters for (react-native-bluetooth-
    // scan AppConstants.java DEFAUT_MANUFACTOR_BYTE_IOS = {1, 8, 0, ...}: type 0x01, then the bitmask).
    static constexpr int BluezoneOverflowByte = 0;
    static constexpr quint8 BluezoneOverflowMask = 0x08;

    struct Options
    {
        QList<QBluetoothUuid> blueTraceUuids = defaultBlueTraceUuids();
        int bluezoneSlotsPerDay = BluezoneSlotsPerDay;
        std::pair<int, quint8> bluezoneOverflowBit{BluezoneOverflowByte, BluezoneOverflowMask};
    };

    // Bluezone (Android; iOS foreground and background), Exposure Notification and BlueTrace.
    static AppProfileTable defaults();
    static AppProfileTable defaults(const Options& options);

    // The defaults with what a site's INI file changes ([ble] bluetrace_uuids,
    // bluezone_slots_per_day, bluezone_overflow_byte and _mask) and adds: one group
    // [profile.NAME] per extra app (README "Configuration"). An unusable value is an Error.
    static Result<AppProfileTable> load(const QString& iniPath);

    const AppProfile* match(const Advertisement& advert) const;
    const QList<AppProfile>& profiles() const { return m_profiles; }
    void add(const AppProfile& profile) { m_profiles.append(profile); }

private:
    QList<AppProfile> m_profiles;
};
