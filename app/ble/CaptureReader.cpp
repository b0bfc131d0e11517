// Reads a BLE capture file line by line.
#include "ble/CaptureReader.h"

#include <cstring>

namespace {
constexpr qsizetype CHUNK_BYTES = 1 << 20;
}

Result<void> CaptureReader::open(const QString& path)
{
    m_file.setFileName(path);
    if (!m_file.exists())
        return Error(Error::Kind::Input, tr("The capture file %1 does not exist.").arg(path));
    if (!m_file.open(QIODevice::ReadOnly))
        return Error(Error::Kind::Input,
                     tr("The capture file %1 cannot be read (%2).").arg(path, m_file.errorString()));
    m_buffer.reserve(CHUNK_BYTES * 2);
    return {};
}

bool CaptureReader::fill()
{
    if (m_eof)
        return false;
    // Keep the unread tail, then append a chunk.
    m_buffer.remove(0, m_pos);
    m_pos = 0;
    const qsizetype old = m_buffer.size();
    m_buffer.resize(old + CHUNK_BYTES);
    const qint64 got = m_file.read(m_buffer.data() + old, CHUNK_BYTES);
    m_buffer.resize(old + std::max<qint64>(got, 0));
    if (got <= 0)
        m_eof = true;
    return got > 0;
}

CaptureReader::Item CaptureReader::next(Advertisement& advert, QString& reason, AdProblem& adProblem)
{
    for (;;) {
        const char* begin = m_buffer.constData() + m_pos;
        const qsizetype available = m_buffer.size() - m_pos;
        const char* newline = static_cast<const char*>(std::memchr(begin, '\n', static_cast<size_t>(available)));
        if (!newline && !m_eof && available <= MAX_LINE_BYTES) {
            fill();
            if (m_file.error() != QFileDevice::NoError) {
                reason = tr("reading stopped: %1").arg(m_file.errorString());
                return Item::Failed;
            }
            continue;
        }
        if (!newline && available == 0)
            return Item::End;
        const qsizetype length = newline ? newline - begin : available;
        const bool tooLong = length > MAX_LINE_BYTES;
        if (tooLong && !newline) {
            // Drop what we have of the long line and keep reading until its end.
            m_pos = m_buffer.size();
            if (!m_skippingLongLine) {
                m_skippingLongLine = true;
                ++m_lineNumber;
                reason = tr("line longer than %1 bytes").arg(MAX_LINE_BYTES);
                return Item::Rejected;
            }
            continue;
        }
        m_pos += length + (newline ? 1 : 0);
        if (m_skippingLongLine) {
            m_skippingLongLine = false;
            continue; // the tail of a line already reported
        }
        ++m_lineNumber;
        std::string_view line(begin, static_cast<size_t>(length));
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (line.find_first_not_of(" \t") == std::string_view::npos)
            continue; // blank lines (a trailing newline) are no advert and no error
        if (tooLong) {
            reason = tr("line longer than %1 bytes").arg(MAX_LINE_BYTES);
            return Item::Rejected;
        }
        CaptureLineParser::Outcome outcome = CaptureLineParser::parse(line, advert);
        if (!outcome.accepted) {
            reason = outcome.reason;
            return Item::Rejected;
        }
        adProblem = outcome.adProblem;
        return Item::Advert;
    }
}
