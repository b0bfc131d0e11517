// Sends the kiosk's outbox to the central store (formats/central.md) and fetches the site's open
// entries from its other doors. One round: every waiting event in batches, each batch one
// INSERT … SELECT FROM unnest(arrays) (one round trip and one transaction per batch, however slow
// the link), ON CONFLICT DO NOTHING (a batch sent twice is kept once); the outbox's mark moves
// after the central COMMIT only. Synchronous: CentralSync runs it on its own thread; the CLI's
// `sync --once` calls it directly. Opens its own connection to the kiosk's SQLite log.
#pragma once

#include "common/Result.h"
#include "common/SharedSettings.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

class AuditLog;
class CentralConnection;
class Clock;
class Outbox;
class SharedSettingsStore;

class OutboxSender
{
    Q_DECLARE_TR_FUNCTIONS(OutboxSender)

public:
    struct Config
    {
        QString uri;     // libpq URI or key=value string
        QString kioskId; // the login role and the events' kiosk
        QString site;    // the kiosk's site id ([site] id)
        // Events per statement: the trigger that applies them costs per statement, so larger
        // batches catch up faster (20,000: 24 µs an event on the server, against 46-60 µs with
        // 5,000; tests/bench/README.md); MaxBatchBytes bounds what a cut-off link wastes.
        int batchSize = 20000;
        int connectTimeoutSeconds = 10;
        // Whether each round also fetches the settings the province shares with this kiosk (issue
        // 26), checks them over the INI at settingsPath (empty: none) as a start would, keeps a
        // good set and reports what it applied or why it refused.
        bool shareSettings = false;
        QString settingsPath = {};
        // The kiosk's `doctor` checks as JSON (an array of formats/cli.md's objects), reported with
        // its health at the first round and then every checksEveryMinutes; none: not reported.
        std::function<QByteArray()> checks = {};
        int checksEveryMinutes = 15;
    };

    struct Round
    {
        qint64 sent = 0;    // events the central store committed in this round
        qint64 fetched = 0; // open entries of other doors
        qint64 backlog = 0; // events still waiting afterwards
        // A set of shared settings different from the last one, checked and kept in this round:
        // the kiosk applies it. Or the sentence why the set the store sent was refused.
        std::optional<SharedSettings> settingsApplied;
        QString settingsRefusal;
    };

    static constexpr qint64 MaxBatchBytes = 8 * 1024 * 1024;

    OutboxSender(Config config, Outbox& outbox, const Clock& clock);
    ~OutboxSender();

    // Sends what waits and fetches the site's open entries. An Error (a sentence) when the
    // central store cannot be reached or refuses; nothing is lost: the next round resends.
    // progress(sent so far, waiting at the start), after each batch.
    [[nodiscard]] Result<Round> round(const std::function<void(qint64, qint64)>& progress = {});
    // Drops the connection (after an error, or before the thread ends).
    void disconnect();

private:
    // The parameters of one INSERT: the events after afterSeq, as PostgreSQL arrays.
    struct Batch
    {
        qint64 count = 0;
        qint64 lastSeq = 0;
        QStringList parameters;
    };

    // What a kiosk says of the settings it was sent: the set's version it applied, or why it
    // refused it (one of the two empty).
    struct SettingsReport
    {
        QString applied;
        QString refusal;
    };

    [[nodiscard]] Result<void> connect();
    [[nodiscard]] Result<Batch> nextBatch(qint64 afterSeq) const;
    // A round in two calls (schema version 12): contact, settings, the isolation list and the
    // site's open entries asked in one; the contact, the settings report and health in the other.
    [[nodiscard]] Result<QList<QStringList>> beginRound(qint64 waiting);
    [[nodiscard]] Result<void> endRound(qint64 waiting, const SettingsReport& report, const QString& lastError);
    [[nodiscard]] Result<qint64> fetchSiteEntries();
    // Keeps the site's open entries at its other doors (visit_key, entrance, person_type,
    // full_name, id_number, phone, checked_in_at); how many.
    [[nodiscard]] Result<qint64> keepSiteEntries(const QList<QStringList>& rows);
    // Tells the store that this kiosk is there and how many events wait to be sent.
    [[nodiscard]] Result<void> sayContact(qint64 waiting);
    // Fetches the shared settings, checks and keeps a new set, reports the outcome.
    [[nodiscard]] Result<void> takeSettings(Round& round);
    // Checks a set sent as (key, value, source) rows over the INI and keeps it when good.
    [[nodiscard]] Result<SettingsReport> checkSettings(Round& round, const QList<QStringList>& rows);
    // Fetches the isolation list's keyed hashes and its key, and keeps them.
    [[nodiscard]] Result<void> takeIsolation();
    // Keeps a list sent as (version, key_id, secret, hash, kind, until) rows; none: unchanged.
    [[nodiscard]] Result<void> keepIsolation(const QList<QStringList>& rows);
    // Reports the kiosk's software, clock, free disk, backlog, last failure and, when due, checks.
    [[nodiscard]] Result<void> reportHealth(qint64 waiting, const QString& lastError);
    // kiosk_health_report's parameters: software, the kiosk's time, free bytes, backlog, last
    // failure, checks when due.
    QStringList health(qint64 waiting, const QString& lastError);

    Config m_config;
    Outbox& m_outbox;
    const Clock& m_clock;
    std::unique_ptr<CentralConnection> m_connection;
    // The INSERT of a batch as the store connected to takes it (schema version 11 or before it).
    QString m_insertEvents;
    bool m_roundInTwoCalls = false; // the store has kiosk_round_begin/end (schema version 12)
    std::unique_ptr<SharedSettingsStore> m_settings;
    std::unique_ptr<AuditLog> m_audit;
    qint64 m_checkedAtMs = -1;  // monotonic time of the last checks reported
    QString m_isolationVersion; // the list held, as the store named it; empty: ask for it whole
};
