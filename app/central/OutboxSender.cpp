// Sends the kiosk's outbox to the central store.
#include "central/OutboxSender.h"

#include "central/CentralConnection.h"
#include "common/Clock.h"
#include "common/Logging.h"
#include "common/Settings.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/IsolationList.h"
#include "storage/Outbox.h"
#include "storage/SharedSettingsStore.h"

#include "Version.h"

#include <QFileInfo>
#include <QStorageInfo>

namespace {
// One element of a PostgreSQL array literal: quoted, with `"` and `\` escaped
// (https://www.postgresql.org/docs/15/arrays.html#ARRAYS-IO); NULL unquoted.
void appendElement(QString& array, const QString& value)
{
    if (array.size() > 1)
        array += u',';
    if (value.isNull()) {
        array += QStringLiteral("NULL");
        return;
    }
    array += u'"';
    for (const QChar c : value) {
        if (c == u'"' || c == u'\\')
            array += u'\\';
        array += c;
    }
    array += u'"';
}
// One statement per batch, so one transaction and one round trip. The conflict target is left
// out: a kiosk has INSERT and nothing else, and naming arbiter columns would need SELECT on them.
// A store of schema version 11 or later keeps its journal by the month of each event's own time
// (occurred_at, from gatehouse.event_time(), CentralSchema.cpp), so that an event sent again lands
// where its first copy is; an older store has no such column.
const QString INSERT_EVENTS =
    QStringLiteral("INSERT INTO gatehouse.event (kiosk, seq, site, kind, id_number, body, occurred_at)"
                   " SELECT $1, s, $2, k, i, b, coalesce(gatehouse.event_time(k, b), now())"
                   " FROM unnest($3::bigint[], $4::text[], $5::text[], $6::jsonb[]) AS e(s, k, i, b)"
                   " ON CONFLICT DO NOTHING");
const QString INSERT_EVENTS_BEFORE_MONTHS =
    QStringLiteral("INSERT INTO gatehouse.event (kiosk, seq, site, kind, id_number, body)"
                   " SELECT $1, s, $2, k, i, b::jsonb FROM unnest($3::bigint[], $4::text[], $5::text[], $6::text[])"
                   " AS e(s, k, i, b) ON CONFLICT DO NOTHING");
} // namespace

OutboxSender::OutboxSender(Config config, Outbox& outbox, const Clock& clock)
    : m_config(std::move(config)), m_outbox(outbox), m_clock(clock)
{
    if (m_config.shareSettings) {
        m_settings = std::make_unique<SharedSettingsStore>(outbox.database());
        m_audit = std::make_unique<AuditLog>(outbox.database());
    }
}

OutboxSender::~OutboxSender() = default;

void OutboxSender::disconnect()
{
    m_connection.reset();
}

Result<void> OutboxSender::connect()
{
    if (m_connection && m_connection->isOk())
        return {};
    auto connection = CentralConnection::open(m_config.uri, m_config.kioskId, m_config.connectTimeoutSeconds);
    if (!connection)
        return connection.error();
    // Asked again on every connection: after a failover or an upgrade it may be another store.
    const auto versions = connection.value()->exec(
        QStringLiteral("SELECT to_regprocedure('gatehouse.event_time(text, jsonb)') IS NOT NULL,"
                       " to_regprocedure('gatehouse.kiosk_round_begin(bigint, text)') IS NOT NULL"));
    if (!versions)
        return versions.error();
    const QStringList has = versions->values.value(0);
    m_insertEvents = has.value(0) == u't' ? INSERT_EVENTS : INSERT_EVENTS_BEFORE_MONTHS;
    m_roundInTwoCalls = has.value(1) == u't';
    m_connection = std::move(connection).value();
    return {};
}

Result<OutboxSender::Round> OutboxSender::round(const std::function<void(qint64, qint64)>& progress)
{
    const auto fail = [this](const Error& error) -> Error {
        // A broken link is dropped (the next round reconnects); what the central store refused
        // is kept for the status line.
        if (m_connection && !m_connection->isOk())
            m_connection.reset();
        (void)m_outbox.noteFailure(m_clock.now(), error.message());
        return error;
    };
    const auto enabled = m_outbox.enable();
    if (!enabled)
        return enabled.error();
    const auto start = m_outbox.status();
    if (!start)
        return start.error();
    const Result<void> connected = connect();
    if (!connected)
        return fail(connected.error());
    // On a store of schema version 12, the round's first call asks what the round takes (settings,
    // the isolation list, the site's open entries); on an older one each is its own statement.
    const bool inTwoCalls = m_settings && m_roundInTwoCalls;
    QList<QStringList> settingRows, isolationRows, entryRows;
    if (inTwoCalls) {
        const auto begun = beginRound(start->waiting);
        if (!begun)
            return fail(begun.error());
        for (const QStringList& row : begun.value()) {
            QList<QStringList>& rows = row.value(0) == u"setting"     ? settingRows
                                       : row.value(0) == u"isolation" ? isolationRows
                                                                      : entryRows;
            rows.append(row.mid(1));
        }
    } else if (const Result<void> said = sayContact(start->waiting); !said) {
        return fail(said.error());
    }
    // One batch at the server while the next is read from the log and put into words: the
    // kiosk's share of the work hides behind the server's. The mark moves batch by batch, after
    // each COMMIT.
    Round round;
    auto batch = nextBatch(start->sentUpTo);
    if (!batch)
        return batch.error();
    while (batch->count > 0) {
        const Result<void> sent = m_connection->send(m_insertEvents, batch->parameters);
        if (!sent)
            return fail(sent.error());
        auto next = nextBatch(batch->lastSeq);
        const auto committed = m_connection->finish();
        if (!committed)
            return fail(committed.error());
        const Result<void> marked = m_outbox.markSent(batch->lastSeq, m_clock.now());
        if (!marked)
            return marked.error();
        round.sent += batch->count;
        if (progress)
            progress(round.sent, start->waiting);
        if (!next)
            return next.error();
        batch = std::move(next);
    }
    const Result<qint64> fetched = inTwoCalls ? keepSiteEntries(entryRows) : fetchSiteEntries();
    if (!fetched)
        return fail(fetched.error());
    round.fetched = fetched.value();
    const auto end = m_outbox.status();
    if (!end)
        return end.error();
    round.backlog = end->waiting;
    if (inTwoCalls) {
        // After the events, which matter more.
        const auto report = checkSettings(round, settingRows);
        if (!report)
            return fail(report.error());
        if (const Result<void> kept = keepIsolation(isolationRows); !kept)
            return fail(kept.error());
        if (const Result<void> ended = endRound(end->waiting, report.value(), start->lastError); !ended)
            return fail(ended.error());
        return round;
    }
    if (m_settings) {
        if (const Result<void> taken = takeSettings(round); !taken)
            return fail(taken.error());
        if (const Result<void> listed = takeIsolation(); !listed)
            return fail(listed.error());
        if (const Result<void> reported = reportHealth(end->waiting, start->lastError); !reported)
            return fail(reported.error());
    }
    if (const Result<void> said = sayContact(end->waiting); !said)
        return fail(said.error());
    return round;
}

Result<QList<QStringList>> OutboxSender::beginRound(qint64 waiting)
{
    auto rows = m_connection->exec(
        QStringLiteral("SELECT part, c1, c2, c3, c4, c5, c6, c7 FROM gatehouse.kiosk_round_begin($1, $2)"),
        {QString::number(waiting), m_isolationVersion});
    if (!rows)
        return rows.error();
    return std::move(rows->values);
}

Result<void> OutboxSender::endRound(qint64 waiting, const SettingsReport& report, const QString& lastError)
{
    // A store of this version has the call: unlike the separate reports to older stores, its
    // refusal fails the round, and the status line says why.
    const auto ended =
        m_connection->exec(QStringLiteral("SELECT gatehouse.kiosk_round_end($1, $2, $3, $4, $5, $6, $7, $8)"),
                           QStringList{report.applied, report.refusal} + health(waiting, lastError));
    if (!ended)
        return ended.error();
    return {};
}

Result<void> OutboxSender::sayContact(qint64 waiting)
{
    // The console shows each kiosk's last contact and what it still had to send (schema version
    // 7). A store not yet migrated to it refuses the call: the events matter more than the report,
    // so only a broken link fails the round.
    const auto said =
        m_connection->exec(QStringLiteral("SELECT gatehouse.kiosk_contact($1)"), {QString::number(waiting)});
    if (!said && !m_connection->isOk())
        return said.error();
    return {};
}

Result<void> OutboxSender::takeSettings(Round& round)
{
    // After the events, which matter more. A store before schema version 8 has no settings to
    // share: only a broken link fails the round.
    const auto rows = m_connection->exec(QStringLiteral("SELECT key, value, source FROM gatehouse.kiosk_settings()"));
    if (!rows)
        return m_connection->isOk() ? Result<void>() : Result<void>(rows.error());
    const auto report = checkSettings(round, rows->values);
    if (!report)
        return report.error();
    // Every round, so that the centre hears it again after a report lost with a link.
    const auto reported = m_connection->exec(QStringLiteral("SELECT gatehouse.kiosk_settings_report($1, $2)"),
                                             {report->applied, report->refusal});
    if (!reported && !m_connection->isOk())
        return reported.error();
    return {};
}

Result<OutboxSender::SettingsReport> OutboxSender::checkSettings(Round& round, const QList<QStringList>& rows)
{
    QList<SharedSettings::Value> values;
    for (const QStringList& row : rows)
        values.append({row.value(0), row.value(1), row.value(2)});
    const SharedSettings sent(std::move(values));
    const auto last = m_settings->lastGood();
    if (!last)
        return last.error();
    if (!last->has_value() || last->value().version() != sent.version()) {
        // Checked over the INI as a start checks it (common/Settings.cpp): a set this kiosk could
        // not start with is not applied; the last good one stays.
        const auto checked = Settings::load(m_config.settingsPath, sent);
        if (!checked) {
            const QString refusal = checked.error().message();
            round.settingsRefusal = refusal;
            const auto before = m_settings->refusal();
            if (!before)
                return before.error();
            if (!before->has_value() || before->value().version != sent.version()) {
                qCWarning(lcCentral).noquote() << refusal;
                if (const Result<void> noted = m_settings->noteRefusal(sent.version(), refusal, m_clock.now()); !noted)
                    return noted.error();
            }
            return SettingsReport{QString(), refusal};
        }
        const Result<void> kept = m_settings->keep(sent, *m_audit, m_clock.now());
        if (!kept)
            return kept.error();
        if (const QStringList unknown = sent.unknownNames(); !unknown.isEmpty())
            qCInfo(lcCentral).noquote() << "settings this Gatehouse does not know, left alone:"
                                        << unknown.join(QStringLiteral(", "));
        round.settingsApplied = sent;
    }
    return SettingsReport{sent.version(), QString()};
}

Result<void> OutboxSender::takeIsolation()
{
    // The kiosk names the list it holds (schema version 9): the same list under the same key is
    // answered with no rows, and the store hashes nothing. A store at version 8 knows only the
    // call without it, which always sends the whole list.
    auto rows = m_connection->exec(
        QStringLiteral("SELECT version, key_id, secret, hash, kind, until FROM gatehouse.kiosk_isolation($1)"),
        {m_isolationVersion});
    if (!rows && m_connection->isOk())
        rows = m_connection->exec(
            QStringLiteral("SELECT NULL, key_id, secret, hash, kind, until FROM gatehouse.kiosk_isolation()"));
    if (!rows)
        return m_connection->isOk() ? Result<void>() : Result<void>(rows.error());
    return keepIsolation(rows->values);
}

Result<void> OutboxSender::keepIsolation(const QList<QStringList>& rows)
{
    if (rows.isEmpty())
        return {};
    // Every row carries the key; the one without a hash is there for an empty list.
    const int keyId = rows.first().value(1).toInt();
    const QByteArray secret = QByteArray::fromHex(rows.first().value(2).toLatin1());
    QList<IsolationList::Order> orders;
    for (const QStringList& row : rows) {
        if (!row.value(3).isNull())
            orders.append({row.value(3), row.value(4), CentralConnection::timeFrom(row.value(5))});
    }
    const Result<void> kept = IsolationList(m_outbox.database()).replace(keyId, secret, orders, m_clock.now());
    if (kept)
        m_isolationVersion = rows.first().value(0);
    return kept;
}

Result<void> OutboxSender::reportHealth(qint64 waiting, const QString& lastError)
{
    const auto reported = m_connection->exec(
        QStringLiteral("SELECT gatehouse.kiosk_health_report($1, $2, $3, $4, $5, $6)"), health(waiting, lastError));
    // A store before version 8 has no such function: only a broken link fails the round.
    if (!reported && !m_connection->isOk())
        return reported.error();
    return {};
}

QStringList OutboxSender::health(qint64 waiting, const QString& lastError)
{
    QByteArray checks;
    const qint64 nowMs = m_clock.monotonicMs();
    if (m_config.checks &&
        (m_checkedAtMs < 0 || nowMs - m_checkedAtMs >= qint64(m_config.checksEveryMinutes) * 60000)) {
        checks = m_config.checks();
        m_checkedAtMs = nowMs;
    }
    const QStorageInfo disk(QFileInfo(m_outbox.database().path()).absolutePath());
    // The kiosk's time as late as possible before it leaves: the store subtracts its own.
    return {QString::fromLatin1(Gatehouse::VERSION),
            CentralConnection::timeParameter(m_clock.now()),
            disk.isValid() ? QString::number(disk.bytesAvailable()) : QString(),
            QString::number(waiting),
            lastError.isEmpty() ? QString() : lastError,
            checks.isEmpty() ? QString() : QString::fromUtf8(checks)};
}

Result<OutboxSender::Batch> OutboxSender::nextBatch(qint64 afterSeq) const
{
    const auto events = m_outbox.pending(afterSeq, m_config.batchSize);
    if (!events)
        return events.error();
    Batch batch;
    if (events->isEmpty())
        return batch;
    QString seqs = QStringLiteral("{");
    QString kinds = QStringLiteral("{");
    QString people = QStringLiteral("{");
    QString bodies = QStringLiteral("{");
    // At most MaxBatchBytes of bodies in one statement: on a slow link a batch cut off is sent again
    // whole, so a batch stays a few megabytes however long the backlog.
    qint64 bytes = 0;
    for (const Outbox::Event& event : events.value()) {
        if (batch.count > 0 && bytes + event.body.size() > MaxBatchBytes)
            break;
        bytes += event.body.size();
        ++batch.count;
        batch.lastSeq = event.seq;
        appendElement(seqs, QString::number(event.seq));
        appendElement(kinds, event.kind);
        // Whose event it is travels beside the body, for forget centrally.
        appendElement(people, event.idNumber.isEmpty() ? QString() : event.idNumber);
        appendElement(bodies, QString::fromUtf8(event.body));
    }
    for (QString* array : {&seqs, &kinds, &people, &bodies})
        *array += u'}';
    batch.parameters = {m_config.kioskId, m_config.site, seqs, kinds, people, bodies};
    return batch;
}

Result<qint64> OutboxSender::fetchSiteEntries()
{
    const auto rows = m_connection->exec(
        QStringLiteral("SELECT visit_key, entrance, person_type, full_name, id_number, phone, checked_in_at"
                       " FROM gatehouse.site_open_entries()"));
    if (!rows)
        return rows.error();
    return keepSiteEntries(rows->values);
}

Result<qint64> OutboxSender::keepSiteEntries(const QList<QStringList>& rows)
{
    QList<Outbox::SiteEntry> entries;
    entries.reserve(rows.size());
    for (const QStringList& row : rows)
        entries.append({row.value(0), row.value(1), row.value(2), row.value(3), row.value(4), row.value(5),
                        CentralConnection::timeFrom(row.value(6))});
    const Result<void> stored = m_outbox.replaceSiteEntries(entries, m_clock.now());
    if (!stored)
        return stored.error();
    return qint64(entries.size());
}
