// The site a kiosk or a desk serves, as its configuration describes it ([site], [retention],
// [backup], [central] of the INI: formats/cli.md): its identity and entrance, its policy on
// tracing apps, how long records are kept, when it closes and its time zone. Plain values, shared
// by the kiosk's core, the desk, the exports and the central link (issue 24: it was
// Site, so that everything that named a site depended on the check-in service).
#pragma once

#include "common/Policy.h"
#include "common/SiteTime.h"

#include <QString>
#include <QTime>

class Settings;

struct Site
{
    QString id = QStringLiteral("site");
    QString entrance = QStringLiteral("main");
    Policy policy;
    bool passesSingleUse = false;
    int retentionDays = 30;            // entries
    int declarationRetentionDays = 30; // health answers (at most retentionDays)
    int auditRetentionDays = 365;      // audit rows
    QString backupFolder;              // where backups older than retentionDays are deleted
    QTime closingTime;                 // invalid: never closes
    int utcOffsetMinutes = 7 * 60;
    // [central] interval_seconds, 0 without a central store: how fresh the site's open entries
    // from its other doors are expected to be (check-out at any door).
    int centralIntervalSeconds = 0;

    SiteTime time() const { return SiteTime(utcOffsetMinutes); }

    // The site as settings describe it.
    static Site from(const Settings& settings);
};
