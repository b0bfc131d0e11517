// Reads CSV as RFC 4180 writes it.
#include "common/CsvReader.h"

#include <QCoreApplication>

QList<CsvReader::Row> CsvReader::parse(const QByteArray& bytes, QString* problem)
{
    QString text = QString::fromUtf8(bytes);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    QList<Row> rows;
    Row row{1, {}};
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    int line = 1;
    const auto endField = [&] {
        row.fields.append(field);
        field.clear();
        fieldStarted = false;
    };
    const auto endRow = [&] {
        endField();
        // A blank line is no record.
        if (!(row.fields.size() == 1 && row.fields.first().isEmpty()))
            rows.append(row);
        row = Row{line, {}};
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == u'\n')
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == u'"' && !fieldStarted) {
            quoted = true;
            fieldStarted = true;
        } else if (c == u',') {
            endField();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            continue; // the \n ends the record
        } else if (c == u'\n') {
            ++line;
            endRow();
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (quoted && problem)
        *problem =
            QCoreApplication::translate("CsvReader", "a quoted field opened on line %1 is never closed").arg(row.line);
    if (fieldStarted || !row.fields.isEmpty())
        endRow();
    return rows;
}
