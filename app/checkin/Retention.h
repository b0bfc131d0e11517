// The site's retention periods applied to everything it keeps, not only entries (Law 91/2025/QH15
// on personal data: kept no longer than needed): entries after [site] retention_days; health
// answers after [kiosk] declaration_retention_days; used single-use passes once the pass has
// expired; audit rows (override reasons, masked ID numbers) after [site] audit_retention_days; and
// backups in [storage] backup_dir older than retention_days. The WAL is checkpointed after, so
// what was deleted is gone from it too; every purge is audited with its counts.
#pragma once

#include "checkin/CheckInService.h"

#include <QCoreApplication>

class AuditLog;
class Clock;
class EntryLog;

class Retention
{
    Q_DECLARE_TR_FUNCTIONS(Retention)

public:
    struct Purged
    {
        int entries = 0;
        int declarations = 0;
        int passes = 0;
        int auditRows = 0;
        int backups = 0;
    };

    Retention(const Site& site, EntryLog& log, AuditLog& audit, const Clock& clock);

    // Deletes what is past its period, now; actor: who asked (the audit log says), "retention"
    // for the kiosk's daily run.
    [[nodiscard]] Result<Purged> apply(const QString& actor);

private:
    // Backups in the backup folder (SQLite files) last written before cutoff.
    [[nodiscard]] Result<int> deleteOldBackups(const QDateTime& cutoff) const;

    const Site& m_site;
    EntryLog& m_log;
    AuditLog& m_audit;
    const Clock& m_clock;
};
