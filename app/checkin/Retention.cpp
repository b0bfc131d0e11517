// The site's retention periods applied to everything it keeps.
#include "checkin/Retention.h"

#include "common/Logging.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/EntryLog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

Retention::Retention(const Site& site, EntryLog& log, AuditLog& audit, const Clock& clock)
    : m_site(site), m_log(log), m_audit(audit), m_clock(clock)
{}

Result<Retention::Purged> Retention::apply(const QString& actor)
{
    const QDateTime now = m_clock.now();
    const QDateTime entryCutoff = now.addDays(-m_site.retentionDays);
    const QDateTime declarationCutoff = now.addDays(-m_site.declarationRetentionDays);
    const QDateTime auditCutoff = now.addDays(-m_site.auditRetentionDays);
    Purged purged;
    auto entries = m_log.purgeBefore(entryCutoff);
    if (!entries)
        return entries.error();
    purged.entries = entries.value();
    auto declarations = m_log.forgetDeclarationsBefore(declarationCutoff);
    if (!declarations)
        return declarations.error();
    purged.declarations = declarations.value();
    auto passes = m_log.purgeUsedPasses(now, entryCutoff);
    if (!passes)
        return passes.error();
    purged.passes = passes.value();
    auto auditRows = m_audit.purgeBefore(auditCutoff, now);
    if (!auditRows)
        return auditRows.error();
    purged.auditRows = auditRows.value();
    auto backups = deleteOldBackups(entryCutoff);
    if (!backups)
        return backups.error();
    purged.backups = backups.value();

    // Gone from the WAL too (secure_delete has zeroed it in the file). A reader holding the WAL
    // back is said in the log; the next checkpoint finishes it.
    const Result<void> checkpointed = m_log.database().checkpoint();
    if (!checkpointed)
        qCWarning(lcCheckIn).noquote() << checkpointed.error().message();

    const Result<void> audited =
        m_audit.append({now, actor, QStringLiteral("purge"),
                        QStringLiteral("entries=%1 declarations=%2 passes=%3 audit_rows=%4 backups=%5 before=%6 "
                                       "retention_days=%7 declaration_retention_days=%8 audit_retention_days=%9")
                            .arg(purged.entries)
                            .arg(purged.declarations)
                            .arg(purged.passes)
                            .arg(purged.auditRows)
                            .arg(purged.backups)
                            .arg(entryCutoff.toString(Qt::ISODate))
                            .arg(m_site.retentionDays)
                            .arg(m_site.declarationRetentionDays)
                            .arg(m_site.auditRetentionDays)});
    if (!audited)
        return audited.error();
    return purged;
}

Result<int> Retention::deleteOldBackups(const QDateTime& cutoff) const
{
    if (m_site.backupFolder.isEmpty() || !QFileInfo(m_site.backupFolder).isDir())
        return 0;
    int deleted = 0;
    const QFileInfoList files = QDir(m_site.backupFolder).entryInfoList(QDir::Files | QDir::Hidden);
    for (const QFileInfo& file : files) {
        if (file.lastModified() >= cutoff)
            continue;
        // Only backups: SQLite files (https://www.sqlite.org/fileformat.html: the 16-byte header
        // "SQLite format 3\0"); nothing else a site keeps in that folder.
        QFile bytes(file.absoluteFilePath());
        if (!bytes.open(QIODevice::ReadOnly) || bytes.read(16) != QByteArray("SQLite format 3\0", 16))
            continue;
        bytes.close();
        if (!QFile::remove(file.absoluteFilePath()))
            return Error(
                Error::Kind::Failed,
                tr("The old backup %1 could not be deleted (%2).").arg(file.absoluteFilePath(), bytes.errorString()));
        ++deleted;
    }
    return deleted;
}
