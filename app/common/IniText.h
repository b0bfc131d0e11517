// A value of an INI file as its line has it. QSettings' INI format reads an unquoted value with
// commas as a list of strings, whose toString() is empty: a libpq multi-host URI written as libpq
// documents it ("host=/a,/b", PostgreSQL 15 documentation 34.1.1.3) then vanished, and the kiosk
// said it had no central store (issue 27). Everything else stays QSettings' reading.
#pragma once

#include <QSettings>
#include <QString>
#include <QVariant>

class IniText
{
public:
    // ini.value(key, fallback); when QSettings made a list of it, the text after the `=` of its
    // line, as written. key is relative to ini's current group, as for QSettings::value.
    static QVariant value(const QSettings& ini, const QString& key, const QVariant& fallback = QVariant());

    // The text after the `=` of the last line of `key` ("group/name") in `file`, without a comment
    // after it; empty when none.
    static QString asWritten(const QString& file, const QString& key);

private:
    // The value without a trailing `; comment`, trimmed.
    static QString withoutComment(const QString& value);
};
