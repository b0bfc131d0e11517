// A value of an INI file as its line has it.
#include "common/IniText.h"

#include <QFile>

QVariant IniText::value(const QSettings& ini, const QString& key, const QVariant& fallback)
{
    const QVariant read = ini.value(key, fallback);
    if (read.typeId() != QMetaType::QStringList)
        return read;
    const QString group = ini.group();
    return asWritten(ini.fileName(), group.isEmpty() ? key : group + u'/' + key);
}

QString IniText::asWritten(const QString& file, const QString& key)
{
    // As QSettings: keys outside a group are in [General]; the last line of a name wins; a
    // group's and a name's case count.
    const qsizetype slash = key.lastIndexOf(u'/');
    const QString group = slash < 0 ? QStringLiteral("General") : key.left(slash);
    const QString name = key.mid(slash + 1);
    QFile ini(file);
    if (!ini.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    QString current = QStringLiteral("General");
    QString found;
    while (!ini.atEnd()) {
        const QString line = QString::fromUtf8(ini.readLine()).trimmed();
        if (line.startsWith(u'[') && line.endsWith(u']')) {
            current = line.mid(1, line.size() - 2).trimmed();
            continue;
        }
        const qsizetype equals = line.indexOf(u'=');
        if (equals > 0 && current == group && line.left(equals).trimmed() == name)
            found = withoutComment(line.mid(equals + 1));
    }
    return found;
}

QString IniText::withoutComment(const QString& value)
{
    // As QSettings reads a value: a `;` outside double quotes begins a comment.
    bool quoted = false;
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (value[i] == u'"')
            quoted = !quoted;
        else if (value[i] == u';' && !quoted)
            return value.left(i).trimmed();
    }
    return value.trimmed();
}
