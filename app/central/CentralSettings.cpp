// The settings a province shares with its kiosks, at the central store.
#include "central/CentralSettings.h"

#include "central/CentralConnection.h"
#include "common/Settings.h"
#include "common/SharedSettings.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

Result<void> CentralSettings::checkScope(const QString& scope)
{
    static const QRegularExpression form(QStringLiteral("^(province|(district|site|kiosk):.+)$"));
    if (!form.match(scope).hasMatch())
        return Error(Error::Kind::Usage,
                     tr("The scope %1 is none of province, district:NAME, site:ID or kiosk:ID.").arg(scope));
    return {};
}

Result<void> CentralSettings::check(const QString& name, const QString& value)
{
    if (SharedSettings::iniKey(name).isEmpty())
        return Error(Error::Kind::Usage, tr("%1 is not a setting the province shares with its kiosks; these are: %2.")
                                             .arg(name, SharedSettings::names().join(QStringLiteral(", "))));
    // The kiosk's own check (common/Settings.cpp), over its defaults.
    const auto checked = Settings::load(QString(), SharedSettings({{name, value, QStringLiteral("check")}}));
    if (!checked)
        return Error(Error::Kind::Usage, checked.error().message());
    return {};
}

Result<QByteArray> CentralSettings::changes(const QList<QPair<QString, QString>>& values, const QStringList& unset)
{
    QJsonObject changes;
    for (const auto& [name, value] : values) {
        if (const Result<void> checked = check(name, value); !checked)
            return checked.error();
        changes.insert(name, value);
    }
    for (const QString& name : unset) {
        if (SharedSettings::iniKey(name).isEmpty() && !changes.contains(name))
            return check(name, QString()).error();
        changes.insert(name, QJsonValue::Null);
    }
    return QJsonDocument(changes).toJson(QJsonDocument::Compact);
}

Result<void> CentralSettings::change(const QString& scope, const QList<QPair<QString, QString>>& values,
                                     const QStringList& unset, const QString& author)
{
    if (const Result<void> scoped = checkScope(scope); !scoped)
        return scoped;
    const auto json = changes(values, unset);
    if (!json)
        return json.error();
    return run(QStringLiteral("SELECT string_agg(DISTINCT r, ',') FROM (SELECT gatehouse.change_setting($1, c.key,"
                              " c.value, coalesce(nullif($2, ''), session_user)) FROM jsonb_each_text($3::jsonb) c)"
                              " AS done(r)"),
               {scope, author, QString::fromUtf8(json.value())}, scope);
}

Result<void> CentralSettings::changeAs(const QString& official, const QString& scope,
                                       const QList<QPair<QString, QString>>& values, const QStringList& unset)
{
    if (const Result<void> scoped = checkScope(scope); !scoped)
        return scoped;
    const auto json = changes(values, unset);
    if (!json)
        return json.error();
    return run(QStringLiteral("SELECT string_agg(DISTINCT r, ',') FROM (SELECT gatehouse.console_change_setting($1, $2,"
                              " c.key, c.value) FROM jsonb_each_text($3::jsonb) c) AS done(r)"),
               {official, scope, QString::fromUtf8(json.value())}, scope);
}

Result<void> CentralSettings::run(const QString& statement, const QStringList& parameters, const QString& scope)
{
    // One statement: one transaction, so a refusal stores nothing.
    const auto refused = m_connection.exec(statement, parameters);
    if (!refused)
        return refused.error();
    const QString word = refused->values.value(0).value(0);
    if (word.isEmpty())
        return {};
    if (word == QLatin1String("no scope"))
        return Error(Error::Kind::Usage, tr("The central store knows no %1: a district is known by its sites, a site "
                                            "and a kiosk once added.")
                                             .arg(scope));
    if (word == QLatin1String("not admin"))
        return Error(Error::Kind::Usage, tr("Only an administrator of this scope may change the shared settings."));
    if (word.contains(QLatin1String("out of scope")))
        return Error(Error::Kind::Usage, tr("There is no %1 in your scope.").arg(scope));
    return Error(Error::Kind::Failed, tr("The central store refused the settings (%1).").arg(word));
}

Result<QList<CentralSettings::Row>> CentralSettings::of(const QString& scope)
{
    return rows(QStringLiteral("SELECT key, value, set_by, set_at FROM gatehouse.setting"
                               " WHERE scope = $1 ORDER BY key COLLATE \"C\""),
                scope);
}

Result<QList<CentralSettings::Row>> CentralSettings::ofAsScope(const QString& scope)
{
    return rows(QStringLiteral("SELECT key, value, set_by, set_at FROM gatehouse.console_settings($1)"), scope);
}

Result<QList<CentralSettings::Row>> CentralSettings::rows(const QString& statement, const QString& scope)
{
    const auto rows = m_connection.exec(statement, {scope});
    if (!rows)
        return rows.error();
    QList<Row> list;
    for (const QStringList& row : rows->values)
        list.append({row[0], row[1], row[2], CentralConnection::timeFrom(row[3])});
    return list;
}
