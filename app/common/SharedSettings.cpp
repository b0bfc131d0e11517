// The settings a province shares with its kiosks.
#include "common/SharedSettings.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace {
struct Shared
{
    const char* name;
    const char* iniKey;
    bool atOnce;
};
// Issue 26's list (policy, retention, health questions, install link, languages, idle timings,
// presence threshold, speech) in README.md "Configuration"'s keys. The site's rules live in
// Site (common/Site.h), which the writer takes anew; the rest is read when the kiosk starts.
constexpr Shared SHARED[] = {
    {"policy", "site/policy", true},
    {"retention_days", "site/retention_days", true},
    {"declaration_retention_days", "kiosk/declaration_retention_days", true},
    {"audit_retention_days", "site/audit_retention_days", true},
    {"name", "site/name", false},
    {"language", "site/language", false},
    {"health_declaration", "kiosk/health_declaration", false},
    {"install_url", "kiosk/install_url", false},
    {"idle_reset_seconds", "kiosk/idle_reset_seconds", false},
    {"threshold_dbm", "ble/threshold_dbm", false},
    {"speech", "kiosk/speech", false},
};

const Shared* shared(const QString& name)
{
    for (const Shared& entry : SHARED) {
        if (name == QLatin1String(entry.name))
            return &entry;
    }
    return nullptr;
}
} // namespace

SharedSettings::SharedSettings(QList<Value> values) : m_values(std::move(values))
{
    std::sort(m_values.begin(), m_values.end(), [](const Value& a, const Value& b) { return a.name < b.name; });
}

const QStringList& SharedSettings::names()
{
    static const QStringList all = [] {
        QStringList list;
        for (const Shared& entry : SHARED)
            list.append(QString::fromLatin1(entry.name));
        return list;
    }();
    return all;
}

QString SharedSettings::iniKey(const QString& name)
{
    const Shared* entry = shared(name);
    return entry ? QString::fromLatin1(entry->iniKey) : QString();
}

bool SharedSettings::appliesAtOnce(const QString& name)
{
    const Shared* entry = shared(name);
    return entry && entry->atOnce;
}

std::optional<SharedSettings::Value> SharedSettings::forIniKey(const QString& key) const
{
    for (const Value& value : m_values) {
        if (iniKey(value.name) == key)
            return value;
    }
    return std::nullopt;
}

QStringList SharedSettings::unknownNames() const
{
    QStringList unknown;
    for (const Value& value : m_values) {
        if (!shared(value.name))
            unknown.append(value.name);
    }
    return unknown;
}

QString SharedSettings::version() const
{
    // Names are lower-case ASCII (the store's CHECK), so this order is the store's COLLATE "C".
    QByteArray text;
    for (const Value& value : m_values)
        text += value.name.toUtf8() + '\t' + value.source.toUtf8() + '\t' + value.value.toUtf8() + '\n';
    return QString::fromLatin1(QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex());
}

QStringList SharedSettings::lines() const
{
    QStringList lines;
    for (const Value& value : m_values)
        lines.append(QStringLiteral("%1=%2 (%3)").arg(value.name, value.value, value.source));
    return lines;
}

QByteArray SharedSettings::toJson() const
{
    QJsonArray array;
    for (const Value& value : m_values)
        array.append(QJsonObject{{QStringLiteral("name"), value.name},
                                 {QStringLiteral("value"), value.value},
                                 {QStringLiteral("source"), value.source}});
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

std::optional<SharedSettings> SharedSettings::fromJson(const QByteArray& json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isArray())
        return std::nullopt;
    QList<Value> values;
    for (const QJsonValue& item : document.array()) {
        const QJsonObject object = item.toObject();
        if (!object.value(QStringLiteral("name")).isString() || !object.value(QStringLiteral("value")).isString())
            return std::nullopt;
        values.append({object.value(QStringLiteral("name")).toString(),
                       object.value(QStringLiteral("value")).toString(),
                       object.value(QStringLiteral("source")).toString()});
    }
    return SharedSettings(std::move(values));
}
