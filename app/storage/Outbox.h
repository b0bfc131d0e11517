// The kiosk's outbox for the central store (formats/central.md): every entry, exit, forget and
// audit row, numbered by the kiosk (seq), written by triggers in the same transaction as the
// change (storage/Database.cpp, migration 8). The sender (central/OutboxSender.h) reads what
// waits after the "sent up to" mark and moves the mark only after the central COMMIT; what was
// sent is deleted here, so the file keeps no second copy of anyone's details.
#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

class Database;

class Outbox
{
    Q_DECLARE_TR_FUNCTIONS(Outbox)

public:
    struct Event
    {
        qint64 seq = 0;
        QString kind;     // entry, exit, forget, audit
        QString idNumber; // whose event it is (null for an audit row)
        QByteArray body;  // a JSON object (the columns of formats/central.md)
    };

    struct Status
    {
        bool enabled = false;
        qint64 waiting = 0;   // events not yet acknowledged by the central store
        qint64 sentUpTo = 0;  // the highest seq the central store has committed
        QDateTime lastSentAt; // invalid: never
        QDateTime lastAttemptAt;
        QString lastError;   // the last round's failure, empty after a good round
        QDateTime fetchedAt; // when the site's open entries were last fetched; invalid: never
    };

    // An open entry of the site recorded at another door (fetched from the central store).
    struct SiteEntry
    {
        QString visitKey; // KIOSK:LOCAL_ENTRY_ID
        QString entrance;
        QString personType;
        QString fullName;
        QString idNumber;
        QString phone;
        QDateTime checkedInAt;
    };

    explicit Outbox(Database& database);
    // The log it belongs to (the sender keeps the central store's settings there too).
    Database& database() const { return m_database; }

    // Joins the kiosk to a central store: from now on every change is an event, and what the log
    // holds now (entries with their exits, audit rows) is enqueued first. Does nothing when
    // already joined.
    [[nodiscard]] Result<void> enable();
    [[nodiscard]] Result<Status> status() const;
    // Up to `limit` events after the mark, in seq order.
    [[nodiscard]] Result<QList<Event>> pending(int limit) const;
    // Up to `limit` events after afterSeq (at or after the mark), in seq order.
    [[nodiscard]] Result<QList<Event>> pending(qint64 afterSeq, int limit) const;
    // The central store committed every event up to `seq`: the mark moves and they are deleted.
    [[nodiscard]] Result<void> markSent(qint64 seq, const QDateTime& at);
    // A round that failed: kept for the status line (nothing is lost; the next round resends).
    [[nodiscard]] Result<void> noteFailure(const QDateTime& at, const QString& sentence);
    // The site's open entries from other doors, replacing what was fetched before.
    [[nodiscard]] Result<void> replaceSiteEntries(const QList<SiteEntry>& entries, const QDateTime& at);
    // Every open entry of the site's other doors, as last fetched, earliest first.
    [[nodiscard]] Result<QList<SiteEntry>> siteEntries() const;
    // The open entry of the person at another door of the site, if fetched.
    [[nodiscard]] Result<std::optional<SiteEntry>> siteEntryOf(const QString& idNumber) const;
    // Records an exit at this door of an entry recorded elsewhere (visitKey) or not known here
    // (visitKey empty: the central store pairs it with the person's open entry at the site).
    [[nodiscard]] Result<void> recordSiteExit(const QString& visitKey, const QString& idNumber, const QString& entrance,
                                              const QDateTime& at, const QString& checkoutKind);

    // The JSON body of an entry event, in SQL over the row alias (NEW in a trigger).
    static QString entryEventSql(const QString& row);

private:
    Database& m_database;
};
