// The stays of the central store as the rows of an entry export.
#include "central/CentralEntryRows.h"

#include "central/CentralConnection.h"

namespace {
// Rows per FETCH: about 2 MB of text a round trip; enough that a slow link pays its latency
// once per thousands of rows.
constexpr int FETCH_ROWS = 5000;
} // namespace

QString CentralEntryRows::Sites::label() const
{
    switch (kind) {
    case Kind::Site:
        return name;
    case Kind::District:
        return QStringLiteral("district:") + name;
    case Kind::All:
        break;
    }
    return QStringLiteral("*");
}

Result<std::unique_ptr<CentralEntryRows>> CentralEntryRows::open(CentralConnection& connection, const Sites& sites,
                                                                 const QDateTime& from, const QDateTime& to)
{
    // Which sites, checked first: an unknown site is a mistyped id, not an empty export.
    QString where;
    if (sites.kind != Sites::Kind::All) {
        const bool site = sites.kind == Sites::Kind::Site;
        const auto known = connection.exec(site ? QStringLiteral("SELECT EXISTS (SELECT FROM gatehouse.visits v "
                                                                 "WHERE v.site = $1) OR EXISTS (SELECT FROM "
                                                                 "gatehouse.kiosks k WHERE k.site = $1)")
                                                : QStringLiteral("SELECT EXISTS (SELECT FROM gatehouse.visits v "
                                                                 "WHERE v.district = $1)"),
                                           {sites.name});
        if (!known)
            return known.error();
        if (known->values.value(0).value(0) != QLatin1String("t"))
            return Error(Error::Kind::Input,
                         site
                             ? tr("The central store knows no site %1 (has a kiosk of it been added?).").arg(sites.name)
                             : tr("The central store has no visit at any site of the district %1.").arg(sites.name));
        where = site ? QStringLiteral(" AND site = $3") : QStringLiteral(" AND district = $3");
    }
    QStringList parameters = {CentralConnection::timeParameter(to), CentralConnection::timeParameter(from)};
    if (sites.kind != Sites::Kind::All)
        parameters.append(sites.name);

    const auto begun = connection.exec(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
    if (!begun)
        return begun.error();
    std::unique_ptr<CentralEntryRows> rows(new CentralEntryRows(connection));
    // The columns of formats/export-csv.md; the times as Unix milliseconds, as a kiosk keeps them.
    const auto declared = connection.exec(
        QStringLiteral("DECLARE export_rows NO SCROLL CURSOR FOR"
                       " SELECT visit_key, site, entrance, person_type, full_name, id_number, phone, address,"
                       " (extract(epoch FROM checked_in_at) * 1000)::bigint,"
                       " (extract(epoch FROM checked_out_at) * 1000)::bigint, checkout_kind, method, app_status,"
                       " app_profile, app_id, declaration FROM gatehouse.visits"
                       " WHERE checked_in_at < $1 AND (checked_out_at IS NULL OR checked_out_at >= $2)") +
            where + QStringLiteral(" ORDER BY checked_in_at, visit_key"),
        parameters);
    if (!declared)
        return declared.error(); // the destructor rolls back
    return rows;
}

CentralEntryRows::~CentralEntryRows()
{
    // Read only: nothing to keep; the cursor closes with the transaction.
    (void)m_connection.exec(QStringLiteral("ROLLBACK"));
}

Result<bool> CentralEntryRows::next()
{
    if (m_next == m_batch.size()) {
        if (m_done)
            return false;
        auto fetched = m_connection.exec(QStringLiteral("FETCH %1 FROM export_rows").arg(FETCH_ROWS));
        if (!fetched)
            return fetched.error();
        m_batch = std::move(fetched->values);
        m_next = 0;
        m_done = m_batch.size() < FETCH_ROWS;
        if (m_batch.isEmpty())
            return false;
    }
    const QStringList& row = m_batch[m_next++];
    for (int c = 0; c < ColumnCount; ++c) {
        m_null[size_t(c)] = row.value(c).isNull();
        m_text[size_t(c)] = row.value(c).toUtf8();
    }
    return true;
}
