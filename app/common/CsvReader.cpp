// Reads CSV as RFC 4180 writes it.
#include "common/CsvReader.h"

#include <QBuffer>
#include <QCoreApplication>

namespace {
constexpr qint64 BLOCK = 64 * 1024;
} // namespace

CsvReader::CsvReader(QIODevice& device) : m_device(device) {}

bool CsvReader::fill()
{
    while (m_position >= m_buffer.size()) {
        if (m_ended)
            return false;
        const QByteArray block = m_device.read(BLOCK);
        if (block.isEmpty()) {
            m_ended = true;
            return false;
        }
        // The decoder keeps a character split between two blocks for the next one.
        m_buffer = m_decoder.decode(block);
        m_position = 0;
        if (!m_started) {
            m_started = true;
            if (m_buffer.startsWith(QChar(0xFEFF)))
                m_position = 1;
        }
    }
    return true;
}

bool CsvReader::take(QChar& c)
{
    if (!fill())
        return false;
    c = m_buffer.at(m_position++);
    return true;
}

bool CsvReader::peek(QChar& c)
{
    if (!fill())
        return false;
    c = m_buffer.at(m_position);
    return true;
}

std::optional<CsvReader::Row> CsvReader::next()
{
    for (;;) {
        Row row{m_line, {}};
        QString field;
        bool quoted = false;
        bool fieldStarted = false;
        bool any = false;
        QChar c;
        bool ended = true;
        while (take(c)) {
            any = true;
            if (quoted) {
                if (c == u'"') {
                    QChar after;
                    if (peek(after) && after == u'"') {
                        field += u'"';
                        take(after);
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == u'\n')
                        ++m_line;
                    field += c;
                }
                continue;
            }
            if (c == u'"' && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
            } else if (c == u',') {
                row.fields.append(field);
                field.clear();
                fieldStarted = false;
            } else if (c == u'\r') {
                QChar after;
                if (!(peek(after) && after == u'\n')) {
                    field += c;
                    fieldStarted = true;
                } // else the \n ends the record
            } else if (c == u'\n') {
                ++m_line;
                ended = false;
                break;
            } else {
                field += c;
                fieldStarted = true;
            }
        }
        if (quoted && m_problem.isEmpty())
            m_problem = QCoreApplication::translate("CsvReader", "a quoted field opened on line %1 is never closed")
                            .arg(row.line);
        if (!any)
            return std::nullopt;
        row.fields.append(field);
        // A blank line is no record.
        if (row.fields.size() == 1 && row.fields.first().isEmpty()) {
            if (ended)
                return std::nullopt;
            continue;
        }
        return row;
    }
}

QList<CsvReader::Row> CsvReader::parse(const QByteArray& text, QString* problem)
{
    QByteArray copy = text;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(buffer);
    QList<Row> rows;
    while (auto row = reader.next())
        rows.append(*row);
    if (problem)
        *problem = reader.problem();
    return rows;
}
