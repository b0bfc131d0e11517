// The central store's administration.
#include "central/CentralAdmin.h"

#include "central/CentralConnection.h"

#include <QRegularExpression>

bool CentralAdmin::isValidKioskId(const QString& id)
{
    static const QRegularExpression form(QStringLiteral("^[a-z0-9][a-z0-9._-]{0,62}$"));
    return form.match(id).hasMatch();
}

Result<void> CentralAdmin::addSite(const QString& id, const QString& name, const QString& district)
{
    if (id.trimmed().isEmpty() || name.trimmed().isEmpty())
        return Error(Error::Kind::Usage, tr("A site needs an id and a name."));
    const auto added = m_connection.exec(
        QStringLiteral("INSERT INTO gatehouse.site (site, name, district) VALUES ($1, $2, $3)"
                       " ON CONFLICT (site) DO UPDATE SET name = EXCLUDED.name, district = EXCLUDED.district"),
        {id, name, district.isEmpty() ? QString() : district});
    if (!added)
        return added.error();
    return {};
}

Result<void> CentralAdmin::addKiosk(const QString& kiosk, const QString& site, const QString& entrance)
{
    if (!isValidKioskId(kiosk))
        return Error(Error::Kind::Usage, tr("A kiosk id is lower-case letters, digits, '.', '_' or '-', at most 63 "
                                            "characters, starting with a letter or digit: %1 is not.")
                                             .arg(kiosk));
    const auto known = m_connection.exec(QStringLiteral("SELECT 1 FROM gatehouse.site WHERE site = $1"), {site});
    if (!known)
        return known.error();
    if (known->values.isEmpty())
        return Error(Error::Kind::Usage,
                     tr("There is no site %1 in the central store: add it first (central add-site).").arg(site));
    // One transaction: the role and its registration, or neither. The role's name is quoted by
    // the server (format %I), never pasted.
    const auto done = m_connection.exec(QStringLiteral("BEGIN"));
    if (!done)
        return done.error();
    const auto fail = [this](const Error& error) {
        (void)m_connection.exec(QStringLiteral("ROLLBACK"));
        return error;
    };
    // A role of that name may exist already: a kiosk added before (added again to move it), or
    // anyone else's role (an official's, the owner's, a superuser's). Only a plain kiosk role is
    // taken: it logs in, has no attribute beyond that, is in gatehouse_kiosk and nothing else, and
    // nobody is in it; otherwise its rights would become a kiosk's login (issue 24).
    const auto quoted = m_connection.exec(
        QStringLiteral("SELECT format('CREATE ROLE %I LOGIN IN ROLE gatehouse_kiosk', $1::text),"
                       " EXISTS (SELECT FROM pg_roles WHERE rolname = $1::text),"
                       " EXISTS (SELECT FROM pg_roles r WHERE r.rolname = $1::text AND r.rolcanlogin"
                       "   AND NOT (r.rolsuper OR r.rolcreaterole OR r.rolcreatedb OR r.rolreplication"
                       "            OR r.rolbypassrls)"
                       "   AND (SELECT array_agg(m.roleid) FROM pg_auth_members m WHERE m.member = r.oid)"
                       "       = ARRAY['gatehouse_kiosk'::regrole::oid]"
                       "   AND NOT EXISTS (SELECT FROM pg_auth_members m WHERE m.roleid = r.oid))"),
        {kiosk});
    if (!quoted)
        return fail(quoted.error());
    const QStringList& role = quoted->values.first();
    if (role.at(1) == QLatin1String("t") && role.at(2) != QLatin1String("t"))
        return fail(Error(Error::Kind::Usage,
                          tr("The central store already has a role named %1 that is not a kiosk's: choose another "
                             "kiosk id.")
                              .arg(kiosk)));
    if (role.at(1) != QLatin1String("t")) {
        const auto created = m_connection.exec(role.at(0));
        if (!created)
            return fail(created.error());
    }
    const auto registered = m_connection.exec(
        QStringLiteral("INSERT INTO gatehouse.kiosk (kiosk, site, entrance) VALUES ($1, $2, $3)"
                       " ON CONFLICT (kiosk) DO UPDATE SET site = EXCLUDED.site, entrance = EXCLUDED.entrance"),
        {kiosk, site, entrance.isEmpty() ? QString() : entrance});
    if (!registered)
        return fail(registered.error());
    const auto committed = m_connection.exec(QStringLiteral("COMMIT"));
    if (!committed)
        return fail(committed.error());
    return {};
}

Result<QList<CentralAdmin::Presence>> CentralAdmin::present(const QString& site)
{
    const auto rows = m_connection.exec(
        QStringLiteral("SELECT visit_key, entrance, person_type, full_name, id_number, phone, checked_in_at"
                       " FROM gatehouse.stay WHERE site = $1 AND checked_out_at IS NULL"
                       " ORDER BY checked_in_at, visit_key"),
        {site});
    if (!rows)
        return rows.error();
    QList<Presence> inside;
    for (const QStringList& row : rows->values)
        inside.append({row[0], row[1], row[2], row[3], row[4], row[5], CentralConnection::timeFrom(row[6])});
    return inside;
}

Result<QList<CentralAdmin::KioskState>> CentralAdmin::status()
{
    const auto rows =
        m_connection.exec(QStringLiteral("SELECT k.kiosk, k.site, k.entrance, k.last_received_at, k.events, k.last_seq,"
                                         " (SELECT count(*) FROM gatehouse.audit_breaks b WHERE b.kiosk = k.kiosk),"
                                         " (SELECT b.reason FROM gatehouse.audit_breaks b WHERE b.kiosk = k.kiosk"
                                         "   ORDER BY b.seq DESC LIMIT 1)"
                                         " FROM gatehouse.kiosks k ORDER BY k.site, k.kiosk"));
    if (!rows)
        return rows.error();
    QList<KioskState> kiosks;
    for (const QStringList& row : rows->values)
        kiosks.append({row[0], row[1], row[2], CentralConnection::timeFrom(row[3]), row[4].toLongLong(),
                       row[5].toLongLong(), row[6].toLongLong(), row[7]});
    return kiosks;
}

Result<void> CentralAdmin::vacuum()
{
    // One statement, outside any transaction (VACUUM cannot run inside one).
    const auto vacuumed = m_connection.exec(
        QStringLiteral("VACUUM (INDEX_CLEANUP ON) gatehouse.stay, gatehouse.pending_exit, gatehouse.event"));
    if (!vacuumed)
        return vacuumed.error();
    return {};
}

Result<QList<CentralAdmin::SiteState>> CentralAdmin::sites()
{
    const auto rows = m_connection.exec(QStringLiteral(
        "SELECT s.site, s.name, s.district, k.kiosk, k.entrance, k.last_received_at, k.events, k.last_seq"
        " FROM gatehouse.site s LEFT JOIN gatehouse.kiosk k ON k.site = s.site"
        " ORDER BY s.district NULLS LAST, s.name, s.site, k.kiosk"));
    if (!rows)
        return rows.error();
    QList<SiteState> sites;
    for (const QStringList& row : rows->values) {
        if (sites.isEmpty() || sites.last().site != row[0])
            sites.append(SiteState{row[0], row[1], row[2], {}});
        if (!row[3].isNull())
            sites.last().kiosks.append(KioskState{row[3],
                                                  row[0],
                                                  row[4],
                                                  CentralConnection::timeFrom(row[5]),
                                                  row[6].toLongLong(),
                                                  row[7].toLongLong(),
                                                  0,
                                                  {}});
    }
    return sites;
}
