// Sends the kiosk's outbox to the central store.
#include "central/OutboxSender.h"

#include "central/CentralConnection.h"
#include "common/Clock.h"
#include "storage/Outbox.h"

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
} // namespace

OutboxSender::OutboxSender(Config config, Outbox& outbox, const Clock& clock)
    : m_config(std::move(config)), m_outbox(outbox), m_clock(clock)
{}

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
    Round round;
    for (;;) {
        const Result<qint64> sent = sendBatch();
        if (!sent)
            return fail(sent.error());
        if (sent.value() == 0)
            break;
        round.sent += sent.value();
        if (progress)
            progress(round.sent, start->waiting);
    }
    const Result<qint64> fetched = fetchSiteEntries();
    if (!fetched)
        return fail(fetched.error());
    round.fetched = fetched.value();
    const auto end = m_outbox.status();
    if (!end)
        return end.error();
    round.backlog = end->waiting;
    return round;
}

Result<qint64> OutboxSender::sendBatch()
{
    const auto events = m_outbox.pending(m_config.batchSize);
    if (!events)
        return events.error();
    if (events->isEmpty())
        return qint64(0);
    QString seqs = QStringLiteral("{");
    QString kinds = QStringLiteral("{");
    QString people = QStringLiteral("{");
    QString bodies = QStringLiteral("{");
    // At most MaxBatchBytes of bodies in one statement: on a slow link a batch cut off is sent again
    // whole, so a batch stays a few megabytes however long the backlog.
    qint64 bytes = 0;
    qint64 count = 0;
    qint64 lastSeq = 0;
    for (const Outbox::Event& event : events.value()) {
        if (count > 0 && bytes + event.body.size() > MaxBatchBytes)
            break;
        bytes += event.body.size();
        ++count;
        lastSeq = event.seq;
        appendElement(seqs, QString::number(event.seq));
        appendElement(kinds, event.kind);
        // Whose event it is travels beside the body, for forget centrally.
        appendElement(people, event.idNumber.isEmpty() ? QString() : event.idNumber);
        appendElement(bodies, QString::fromUtf8(event.body));
    }
    for (QString* array : {&seqs, &kinds, &people, &bodies})
        *array += u'}';
    // One statement, so one transaction and one round trip. The conflict target is left out: a
    // kiosk has INSERT and nothing else, and naming arbiter columns would need SELECT on them.
    const auto inserted = m_connection->exec(
        QStringLiteral("INSERT INTO gatehouse.event (kiosk, seq, site, kind, id_number, body)"
                       " SELECT $1, s, $2, k, i, b::jsonb FROM unnest($3::bigint[], $4::text[], $5::text[], $6::text[])"
                       " AS e(s, k, i, b) ON CONFLICT DO NOTHING"),
        {m_config.kioskId, m_config.site, seqs, kinds, people, bodies});
    if (!inserted)
        return inserted.error();
    // Committed centrally: only now does the mark move.
    const Result<void> marked = m_outbox.markSent(lastSeq, m_clock.now());
    if (!marked)
        return marked.error();
    return count;
}

Result<qint64> OutboxSender::fetchSiteEntries()
{
    const auto rows = m_connection->exec(
        QStringLiteral("SELECT visit_key, entrance, person_type, full_name, id_number, phone, checked_in_at"
                       " FROM gatehouse.site_open_entries()"));
    if (!rows)
        return rows.error();
    QList<Outbox::SiteEntry> entries;
    entries.reserve(rows->values.size());
    for (const QStringList& row : rows->values)
        entries.append({row[0], row[1], row[2], row[3], row[4], row[5], CentralConnection::timeFrom(row[6])});
    const Result<void> stored = m_outbox.replaceSiteEntries(entries, m_clock.now());
    if (!stored)
        return stored.error();
    return qint64(entries.size());
}
