// Reads CSV as RFC 4180 writes it: fields in double quotes may hold commas, line breaks and
// doubled quotes; lines end in CRLF or LF; a UTF-8 byte-order mark is skipped. For the staff
// roster sites export from their spreadsheets. Read from a device a block at a time, one record
// at a time: an import never holds the whole file (issue 12).
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringDecoder>
#include <QStringList>

#include <optional>

class QIODevice;

class CsvReader
{
public:
    struct Row
    {
        int line = 0; // the line the record starts on, from 1
        QStringList fields;
    };

    explicit CsvReader(QIODevice& device);

    // The next record; nullopt at the end of the input. A quote left open runs to the end (and
    // is said by problem()).
    std::optional<Row> next();
    // What was wrong with the input, as a phrase; empty when nothing was.
    QString problem() const { return m_problem; }

    // Every record of text at once (tests, small inputs).
    static QList<Row> parse(const QByteArray& text, QString* problem = nullptr);

private:
    // The next character, reading the next block when the one in hand is done; false at the end.
    bool take(QChar& c);
    bool peek(QChar& c);
    bool fill();

    QIODevice& m_device;
    QStringDecoder m_decoder{QStringDecoder::Utf8};
    QString m_buffer;
    qsizetype m_position = 0;
    bool m_started = false;
    bool m_ended = false;
    int m_line = 1;
    QString m_problem;
};
