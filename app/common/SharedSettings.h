// The settings a province shares with its kiosks through the central store (issue 26): kept
// centrally per province, district, site and kiosk, the nearest one winning, fetched by each
// kiosk at its sync, checked there as its INI is checked, and kept as the last good set for
// starts without a network. Named by the INI's key without its group (`policy` for
// site/policy: formats/cli.md, `central settings`). What stays in the INI alone: the site's id,
// the database, the keys, the central store's address, the devices.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class SharedSettings
{
public:
    // One setting as the central store answers it for a kiosk.
    struct Value
    {
        QString name;   // policy, retention_days, ...
        QString value;  // as the INI writes it
        QString source; // the scope it came from: kiosk, site, district, province
        bool operator==(const Value& other) const = default;
    };

    SharedSettings() = default;
    explicit SharedSettings(QList<Value> values);

    // Every name a kiosk takes from the centre, in the order `settings --effective` lists them.
    static const QStringList& names();
    // The INI key of a shared name ("site/policy"); empty when the name is not shared.
    static QString iniKey(const QString& name);
    // Whether a running kiosk applies the name at once (the site's rules: policy, retention);
    // the others (screen, voice, scanner) take effect at its next start.
    static bool appliesAtOnce(const QString& name);

    const QList<Value>& values() const { return m_values; }
    bool isEmpty() const { return m_values.isEmpty(); }
    // The value of an INI key when this set has it.
    std::optional<Value> forIniKey(const QString& iniKey) const;
    // Names this set has that this Gatehouse does not know (a newer release's): left alone.
    QStringList unknownNames() const;

    // SHA-256 (hex) of the set sorted by name, one "name TAB source TAB value" line each: the
    // same as gatehouse.settings_version() computes at the store, so the centre sees which kiosks
    // applied what it holds.
    QString version() const;
    // One line per value, "name=value (source)", for the audit log and the CLI.
    QStringList lines() const;

    QByteArray toJson() const;
    static std::optional<SharedSettings> fromJson(const QByteArray& json);

private:
    QList<Value> m_values; // sorted by name
};
