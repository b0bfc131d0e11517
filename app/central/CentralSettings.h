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

private:
    CentralConnection& m_connection;
};
