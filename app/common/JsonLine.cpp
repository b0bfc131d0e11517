// Builds one JSON object as a line, keys in the order given.
#include "common/JsonLine.h"

QByteArray JsonLine::quote(const QString& value)
{
    const QByteArray utf8 = value.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out += '"';
    for (char c : utf8) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                static constexpr char DIGITS[] = "0123456789abcdef";
                out += "\\u00";
                out += DIGITS[(c >> 4) & 0xF];
                out += DIGITS[c & 0xF];
            } else {
                out += c;
            }
        }
    }
    out += '"';
    return out;
}

void JsonLine::key(const char* name)
{
    if (m_text.size() > 1)
        m_text += ',';
    m_text += '"';
    m_text += name;
    m_text += "\":";
}

JsonLine& JsonLine::add(const char* name, const QString& value)
{
    key(name);
    m_text += quote(value);
    return *this;
}

JsonLine& JsonLine::add(const char* name, qint64 value)
{
    key(name);
    m_text += QByteArray::number(value);
    return *this;
}

JsonLine& JsonLine::add(const char* name, bool value)
{
    key(name);
    m_text += value ? "true" : "false";
    return *this;
}

JsonLine& JsonLine::addNull(const char* name)
{
    key(name);
    m_text += "null";
    return *this;
}

JsonLine& JsonLine::addRaw(const char* name, const QByteArray& value)
{
    key(name);
    m_text += value;
    return *this;
}

JsonLine& JsonLine::addOrNull(const char* name, const QString& value)
{
    return value.isEmpty() ? addNull(name) : add(name, value);
}
