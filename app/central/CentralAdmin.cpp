// The central store's administration.
#include "central/CentralAdmin.h"

#include "central/CentralConnection.h"

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
    // One statement, so one transaction: the login role and its registration, or neither
    // (gatehouse.register_kiosk(), schema version 7).
    const auto registered = m_connection.exec(QStringLiteral("SELECT gatehouse.register_kiosk($1, $2, $3)"),
                                              {kiosk, site, entrance.isEmpty() ? QString() : entrance});
    if (!registered)
        return registered.error();
    return refusal(registered->values.value(0).value(0), kiosk, site);
}

Result<void> CentralAdmin::addSiteAs(const QString& official, const QString& id, const QString& name,
                                     const QString& district)
{
    const auto added = m_connection.exec(
        QStringLiteral("SELECT gatehouse.console_add_site($1, $2, $3, $4)"),
        {official, id.trimmed(), name.trimmed(), district.trimmed().isEmpty() ? QString() : district.trimmed()});
    if (!added)
        return added.error();
    return refusal(added->values.value(0).value(0), {}, id.trimmed());
}

Result<void> CentralAdmin::addKioskAs(const QString& official, const QString& kiosk, const QString& site,
                                      const QString& entrance)
{
    const auto added = m_connection.exec(QStringLiteral("SELECT gatehouse.console_add_kiosk($1, $2, $3, $4)"),
                                         {official, kiosk, site, entrance.isEmpty() ? QString() : entrance});
    if (!added)
        return added.error();
    return refusal(added->values.value(0).value(0), kiosk, site);
}

Result<void> CentralAdmin::refusal(const QString& word, const QString& kiosk, const QString& site)
{
    if (word.isEmpty())
        return {};
    if (word == QLatin1String("kiosk id"))
        return Error(Error::Kind::Usage, tr("A kiosk id is lower-case letters, digits, '.', '_' or '-', at most 63 "
                                            "characters, starting with a letter or digit: %1 is not.")
                                             .arg(kiosk));
    if (word == QLatin1String("no site"))
        return Error(Error::Kind::Usage,
                     tr("There is no site %1 in the central store: add it first (central add-site).").arg(site));
    if (word == QLatin1String("not a kiosk role"))
        return Error(Error::Kind::Usage, tr("The central store already has a role named %1 that is not a kiosk's: "
                                            "choose another kiosk id.")
                                             .arg(kiosk));
    if (word == QLatin1String("site needs"))
        return Error(Error::Kind::Usage, tr("A site needs an id and a name."));
    if (word == QLatin1String("not admin"))
        return Error(Error::Kind::Usage, tr("Only an administrator of this scope may add sites and kiosks."));
    // "out of scope": the same sentence whether the site is elsewhere or nowhere, so that an
    // administrator learns nothing of another district's sites.
    if (word == QLatin1String("out of scope"))
        return Error(Error::Kind::Usage, tr("There is no site %1 in your scope.").arg(site));
    return Error(Error::Kind::Failed, tr("The central store refused the registration (%1).").arg(word));
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
                                         " k.last_contact_at, k.backlog,"
                                         " (SELECT count(*) FROM gatehouse.audit_breaks b WHERE b.kiosk = k.kiosk),"
                                         " (SELECT b.reason FROM gatehouse.audit_breaks b WHERE b.kiosk = k.kiosk"
                                         "   ORDER BY b.seq DESC LIMIT 1)"
                                         " FROM gatehouse.kiosks k ORDER BY k.site, k.kiosk"));
    if (!rows)
        return rows.error();
    QList<KioskState> kiosks;
    for (const QStringList& row : rows->values)
        kiosks.append({row[0], row[1], row[2], CentralConnection::timeFrom(row[3]), row[4].toLongLong(),
                       row[5].toLongLong(), row[8].toLongLong(), row[9], CentralConnection::timeFrom(row[6]),
                       row[7].isNull() ? -1 : row[7].toLongLong()});
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
        "SELECT s.site, s.name, s.district, k.kiosk, k.entrance, k.last_received_at, k.events, k.last_seq,"
        " k.last_contact_at, k.backlog"
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
                                                  {},
                                                  CentralConnection::timeFrom(row[8]),
                                                  row[9].isNull() ? -1 : row[9].toLongLong()});
    }
    return sites;
}
