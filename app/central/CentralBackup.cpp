// Backups of the central store that restore.
#include "central/CentralBackup.h"

#include "central/CentralConnection.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QProcess>

namespace {
// Debian's postgresql-client-15 (the server's own major version: a base backup is taken and
// checked by the tools of the server's release).
const QString BINARIES = QStringLiteral("/usr/lib/postgresql/15/bin/");

QString iso(const QDateTime& at)
{
    return at.toUTC().toString(Qt::ISODate);
}

// The tool's exit and its last words, or why it did not run.
Result<void> runTool(const QString& program, const QStringList& arguments)
{
    QProcess tool;
    tool.setProcessChannelMode(QProcess::MergedChannels);
    tool.start(BINARIES + program, arguments);
    if (!tool.waitForStarted())
        return Error(Error::Kind::Failed,
                     CentralBackup::tr("%1 could not be started (postgresql-client-15 installs it).").arg(program));
    tool.waitForFinished(-1); // a backup takes as long as the store is large
    if (tool.exitStatus() != QProcess::NormalExit || tool.exitCode() != 0)
        return Error(Error::Kind::Failed,
                     CentralBackup::tr("%1 failed: %2")
                         .arg(program, QString::fromLocal8Bit(tool.readAll()).trimmed().right(2000)));
    return {};
}
} // namespace

Result<CentralBackup::Taken> CentralBackup::take(CentralConnection& connection, const QString& uri, const QString& into)
{
    const auto now = connection.exec(QStringLiteral("SELECT now()"));
    if (!now)
        return now.error();
    Taken taken;
    taken.startedAt = CentralConnection::timeFrom(now->values.first().first());
    const QString stamp = taken.startedAt.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    taken.label = QStringLiteral("gatehouse %1").arg(stamp);
    // Everything of every person is in it: the folder above is made owner-only, and
    // pg_basebackup makes the backup's own 0700.
    if (!QDir().mkpath(into) || !QFile::setPermissions(into, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
        return Error(Error::Kind::Failed, tr("The folder %1 cannot be made for the backup.").arg(into));
    taken.folder = QDir(into).absoluteFilePath(QStringLiteral("base-") + stamp);
    if (QFileInfo::exists(taken.folder))
        return Error(Error::Kind::Input, tr("%1 exists already: one backup a second.").arg(taken.folder));
    // Plain format, the WAL streamed alongside (-X stream) so that the backup restores by itself,
    // a fast checkpoint so that it starts now (pg_basebackup(1), PostgreSQL 15).
    if (const auto backedUp = runTool(QStringLiteral("pg_basebackup"),
                                      {QStringLiteral("--dbname=") + uri, QStringLiteral("--pgdata=") + taken.folder,
                                       QStringLiteral("--format=plain"), QStringLiteral("--wal-method=stream"),
                                       QStringLiteral("--checkpoint=fast"), QStringLiteral("--label=") + taken.label,
                                       QStringLiteral("--no-password")});
        !backedUp)
        return backedUp.error();
    // The manifest's checksums and the WAL from the backup's start to its end (pg_verifybackup(1)).
    if (const auto verified = runTool(QStringLiteral("pg_verifybackup"), {taken.folder}); !verified)
        return Error(Error::Kind::Failed, tr("The backup in %1 did not verify, so it is not recorded: %2")
                                              .arg(taken.folder, verified.error().message()));
    for (QDirIterator files(taken.folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories); files.hasNext();)
        taken.bytes += files.nextFileInfo().size();
    const auto recorded = connection.exec(
        QStringLiteral("INSERT INTO gatehouse.backup (label, folder, started_at, bytes,"
                       " verified) VALUES ($1, $2, $3, $4, true) RETURNING finished_at"),
        {taken.label, taken.folder, CentralConnection::timeParameter(taken.startedAt), QString::number(taken.bytes)});
    if (!recorded)
        return recorded.error();
    taken.finishedAt = CentralConnection::timeFrom(recorded->values.first().first());
    return taken;
}

Result<CentralBackup::State> CentralBackup::state(CentralConnection& connection)
{
    const auto rows = connection.exec(QStringLiteral("SELECT last_good_at, label, folder, archived_at, archived_wal,"
                                                     " archive_failed_at FROM gatehouse.backup_state()"));
    if (!rows)
        return rows.error();
    State state;
    if (rows->values.isEmpty())
        return state;
    const QStringList& row = rows->values.first();
    state.lastGoodAt = CentralConnection::timeFrom(row.value(0));
    state.label = row.value(1);
    state.folder = row.value(2);
    state.archivedAt = CentralConnection::timeFrom(row.value(3));
    state.archivedWal = row.value(4);
    state.archiveFailedAt = CentralConnection::timeFrom(row.value(5));
    return state;
}

QString CentralBackup::sentence(const State& state)
{
    QString said = state.lastGoodAt.isValid()
                       ? tr("Last good backup: %1 (%2).").arg(iso(state.lastGoodAt), state.folder)
                       : tr("No good backup recorded: take one with gatehouse-cli central backup --out FOLDER.");
    said += u' ';
    said += state.archivedAt.isValid() ? tr("WAL archived up to %1 (%2).").arg(iso(state.archivedAt), state.archivedWal)
                                       : tr("No WAL archived: without an archive a restore ends at the backup.");
    if (state.archiveFailedAt.isValid() && (!state.archivedAt.isValid() || state.archiveFailedAt > state.archivedAt))
        said += u' ' + tr("The archive last FAILED at %1: see the server's log.").arg(iso(state.archiveFailedAt));
    return said;
}
