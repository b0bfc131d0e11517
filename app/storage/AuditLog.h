// The audit log of administrative actions: overrides, settings changes, exports, purges,
// deletions on request, wrong PINs, locks, console unlocks. Officials and the site's leaders can
// see who did what, when, and that nobody changed it since: each row carries the SHA-256 of the
// previous row's hash and its own content (a hash chain); the database refuses UPDATE and DELETE
// on it (triggers), except through the retention purge, which records where it cut the chain.
// What the chain proves: a row changed, removed or slipped in by hand is found by verify(). What
// it cannot: someone with write access to the file who recomputes every hash after theirs (there
// is no secret on the kiosk to sign with); an exported copy's SHA-256 in the officials' hands,
// or the central store's copy of each row (issue 14), anchors it against that.
#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>

#include <functional>
#include <optional>
#include <variant>

class Database;

class AuditLog
{
    Q_DECLARE_TR_FUNCTIONS(AuditLog)

public:
    struct Record
    {
        QDateTime at;
        QString actor;   // "receptionist", "cli", "kiosk", "retention"...
        QString action;  // "override", "purge", "export", "delete_person", "settings"...
        QString details; // a sentence or key=value pairs; never a person's ID number in full
    };

    explicit AuditLog(Database& database);

    // The details of a file handed out (export, trace, report), the same from the CLI and the
    // console: "from=ISO to=ISO <counts> sha256=HEX file=PATH".
    static QString outputDetails(const QDateTime& from, const QDateTime& to, const QString& counts,
                                 const QByteArray& sha256, const QString& path);
    // A person's ID number as the audit log may name it: its last three digits ("…268").
    static QString maskedIdNumber(const QString& idNumber);

    // Where the chain breaks first, found by verify().
    struct Break
    {
        qint64 rowId = 0;
        QString reason; // a sentence
    };

    // Appends a row, linked to the one before (its own transaction unless one is open).
    [[nodiscard]] Result<void> append(const Record& record);
    [[nodiscard]] Result<QList<Record>> latest(int count) const;
    // How many rows of that actor and action the log has at or after since.
    [[nodiscard]] Result<int> count(const QString& actor, const QString& action, const QDateTime& since) const;
    // The chain's newest row, as an anchor outside the file keeps it (issue 24): the central store
    // (every audit row travels there with its hash and the one before) and every signed manifest
    // handed out ("audit_head"). Rows removed from the end of the chain leave it intact; only a
    // head kept elsewhere shows them missing.
    struct Head
    {
        qint64 id = 0;
        QString hash;
        // "ID:HASH", as a manifest and `audit verify --anchor` write it.
        QString text() const { return QStringLiteral("%1:%2").arg(id).arg(hash); }
        static std::optional<Head> parse(const QString& text);
    };
    // The newest row's id and hash; none when the log has no row.
    [[nodiscard]] Result<std::optional<Head>> head() const;
    // Walks the chain from the first row; the number of rows when intact, else where it breaks.
    // The start of the chain must be where the last purge the chain records left it. With an
    // anchor, the row it names must be in the chain with its hash (or gone with a recorded
    // purge): rows missing after the log's end, or a row changed since, are named.
    [[nodiscard]] Result<std::variant<qint64, Break>> verify(const std::optional<Head>& anchor = std::nullopt) const;
    // Retention: deletes the oldest rows, all older than cutoff and none after a younger one (the
    // chain stays one piece), keeping where it was cut, and records the cut in the chain itself
    // (an "audit_purged" row at now: rows, kept_from, cut_hash), so that rows removed any other
    // way are found. How many went.
    [[nodiscard]] Result<int> purgeBefore(const QDateTime& cutoff, const QDateTime& now);
    // A row as stored, for the export to an inspector (export/AuditExport.h).
    struct Row
    {
        qint64 id = 0;
        Record record;
        QString hash;
    };
    // Every row, oldest first, handed to each in turn; stops at the first Error each returns.
    [[nodiscard]] Result<qint64> forEach(const std::function<Result<void>(const Row&)>& each) const;
    // The hash of a row after prev (hex): SHA-256 of prev, a line break and the row's content as a
    // compact JSON array [at (Unix ms), actor, action, details].
    static QString rowHash(const QString& prev, const Record& record);

    // The action of the row a retention purge leaves in the chain.
    static inline const QString PURGED = QStringLiteral("audit_purged");

private:
    Database& m_database;
};
