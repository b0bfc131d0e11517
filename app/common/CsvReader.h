// Reads CSV as RFC 4180 writes it: fields in double quotes may hold commas, line breaks and
// doubled quotes; lines end in CRLF or LF; a UTF-8 byte-order mark is skipped. For the staff
// roster sites export from their spreadsheets.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

class CsvReader
{
public:
    struct Row
    {
        int line = 0; // the line the record starts on, from 1
        QStringList fields;
    };

    // Every record of text; a quote left open runs to the end of the text (and is reported).
    static QList<Row> parse(const QByteArray& text, QString* problem = nullptr);
};
