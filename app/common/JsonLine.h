// Builds one JSON object as a line, keys in the order given: the CLI's JSON output and capture
// files are read by people as well as programs, and QJsonObject would sort the keys.
#pragma once

#include <QByteArray>
#include <QString>

class JsonLine
{
public:
    JsonLine& add(const char* key, const QString& value);
    JsonLine& add(const char* key, qint64 value);
    JsonLine& add(const char* key, int value) { return add(key, static_cast<qint64>(value)); }
    JsonLine& add(const char* key, bool value);
    JsonLine& addNull(const char* key);
    // value must already be valid JSON (an array or object built elsewhere).
    JsonLine& addRaw(const char* key, const QByteArray& value);
    // A string, or null when value is empty.
    JsonLine& addOrNull(const char* key, const QString& value);

    QByteArray toJson() const { return m_text + '}'; }

    // value as a JSON string literal, quotes included (RFC 8259, Section 7).
    static QByteArray quote(const QString& value);

private:
    void key(const char* name);
    QByteArray m_text = "{";
};
