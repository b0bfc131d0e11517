// The settings a province shares with its kiosks (issue 26; common/SharedSettings.h), as an
// administrator sets them at the central store: `gatehouse-cli central settings` and the
// province's console. Each value is checked as a kiosk checks its INI before it is stored; each
// change is kept with its author in gatehouse.setting_change (schema version 8).
#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

class CentralConnection;

class CentralSettings
{
    Q_DECLARE_TR_FUNCTIONS(CentralSettings)

public:
    struct Row
    {
        QString name;
        QString value;
        QString setBy;
        QDateTime setAt;
    };

    explicit CentralSettings(CentralConnection& connection) : m_connection(connection) {}

    // province, district:NAME, site:ID or kiosk:ID (formats/cli.md); a usage Error otherwise.
    [[nodiscard]] static Result<void> checkScope(const QString& scope);
    // Whether name is shared and value is one a kiosk takes for it; a sentence when not.
    [[nodiscard]] static Result<void> check(const QString& name, const QString& value);

    // Sets values and unsets names at scope in one transaction, each change audited with author
    // (empty: the login that runs it). Nothing is stored when one value is refused.
    [[nodiscard]] Result<void> change(const QString& scope, const QList<QPair<QString, QString>>& values,
                                      const QStringList& unset, const QString& author = QString());
    // The settings kept at scope, by name.
    [[nodiscard]] Result<QList<Row>> of(const QString& scope);

    // The same from the province's console, run as the account's scope role: the store checks
    // again that official is an unlocked administrator of that scope and that it covers scope
    // (schema version 8), and audits the change under the official's name.
    [[nodiscard]] Result<void> changeAs(const QString& official, const QString& scope,
                                        const QList<QPair<QString, QString>>& values, const QStringList& unset);
    // What scope sets, when the console's scope covers it; nothing otherwise.
    [[nodiscard]] Result<QList<Row>> ofAsScope(const QString& scope);

private:
    // The changes as one JSON object (name -> value, null to unset), each value checked first.
    [[nodiscard]] static Result<QByteArray> changes(const QList<QPair<QString, QString>>& values,
                                                    const QStringList& unset);
    [[nodiscard]] Result<void> run(const QString& statement, const QStringList& parameters, const QString& scope);
    [[nodiscard]] Result<QList<Row>> rows(const QString& statement, const QString& scope);

    CentralConnection& m_connection;
};
