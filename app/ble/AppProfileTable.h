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
    // The BlueTrace service UUID of the public OpenTrace sample; each deployment sets its own.
    static QBluetoothUuid defaultBlueTraceUuid();

    // Bluezone (Android; iOS foreground and background), Exposure Notification and BlueTrace.
    static AppProfileTable defaults(const QBluetoothUuid& blueTraceUuid = defaultBlueTraceUuid());

    // The defaults plus what a site's INI file adds: [ble] bluetrace_uuid, and one group
    // [profile.NAME] per extra app (README "Configuration"). An unusable value is an Error.
    static Result<AppProfileTable> load(const QString& iniPath);

    const AppProfile* match(const Advertisement& advert) const;
    const QList<AppProfile>& profiles() const { return m_profiles; }
    void add(const AppProfile& profile) { m_profiles.append(profile); }

private:
    QList<AppProfile> m_profiles;
};
