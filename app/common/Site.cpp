// The site a kiosk or a desk serves.
#include "common/Site.h"

#include "common/Settings.h"

Site Site::from(const Settings& settings)
{
    Site site;
    site.id = settings.siteId();
    site.entrance = settings.entrance();
    site.policy = Policy(Policy::kindFrom(settings.policy()).value_or(Policy::Kind::Recommended));
    site.passesSingleUse = settings.passesSingleUse();
    site.retentionDays = settings.retentionDays();
    site.declarationRetentionDays = settings.declarationRetentionDays();
    site.auditRetentionDays = settings.auditRetentionDays();
    site.backupFolder = settings.backupFolder();
    site.closingTime = settings.closingTime();
    site.utcOffsetMinutes = settings.utcOffsetMinutes();
    site.centralIntervalSeconds = settings.hasCentral() ? settings.centralIntervalSeconds() : 0;
    return site;
}
