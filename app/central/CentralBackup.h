// Backups of the central store that restore (issue 27): a base backup by PostgreSQL's own
// pg_basebackup, checked by pg_verifybackup against the manifest the server wrote with it, and
// recorded in the store (schema version 10, gatehouse.backup) so that `central status` and the
// console say when the last good one was. A restore to a moment is PostgreSQL's point-in-time
// recovery from such a backup and the WAL archive (README, "Backups").
#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

class CentralConnection;

class CentralBackup
{
    Q_DECLARE_TR_FUNCTIONS(CentralBackup)

public:
    struct Taken
    {
        QString folder;
        QString label;
        qint64 bytes = 0;
        QDateTime startedAt;
        QDateTime finishedAt;
    };

    struct State
    {
        QDateTime lastGoodAt; // invalid: no verified backup recorded
        QString label;
        QString folder;
        QDateTime archivedAt; // invalid: the WAL archive has archived nothing
        QString archivedWal;
        QDateTime archiveFailedAt;
    };

    // A plain-format base backup of the store that `uri` reaches (a role with REPLICATION, such
    // as the administrator's), with the WAL it needs, into a new folder under `into`, owner-only;
    // verified, then recorded through `connection`. A backup that does not verify is refused.
    [[nodiscard]] static Result<Taken> take(CentralConnection& connection, const QString& uri, const QString& into);

    [[nodiscard]] static Result<State> state(CentralConnection& connection);

    // "Last good backup: …; WAL archived up to …" in the reader's language, times as ISO 8601 UTC.
    static QString sentence(const State& state);
};
