// Reads a BLE capture file advert by advert.
#include "ble/CaptureReader.h"

#include "ble/AdParser.h"
#include "ble/BtsnoopReader.h"
#include "ble/PcapngReader.h"

#include <cstring>

namespace {
constexpr qsizetype CHUNK_BYTES = 1 << 20;
// Scan responses are joined with the last advert of their address; a lobby has a few hundred
// addresses in a quarter of an hour, so this many is plenty, and memory stays bounded.
constexpr qsizetype MAX_JOINED_ADDRESSES = 4096;
} // namespace

CaptureReader::CaptureReader() = default;
CaptureReader::~CaptureReader() = default;

Result<void> CaptureReader::open(const QString& path)
{
    m_file.setFileName(path);
    if (!m_file.exists())
        return Error(Error::Kind::Input, tr("The capture file %1 does not exist.").arg(path));
    if (!m_file.open(QIODevice::ReadOnly))
        return Error(Error::Kind::Input,
                     tr("The capture file %1 cannot be read (%2).").arg(path, m_file.errorString()));
    const QByteArray head = m_file.peek(8);
    QString reason;
    if (head.startsWith(BtsnoopReader::magic())) {
        m_format = Format::Btsnoop;
        m_btsnoop = std::make_unique<BtsnoopReader>(m_file);
        if (!m_btsnoop->open(reason))
            return Error(Error::Kind::Input,
                         tr("The capture file %1 is a btsnoop recording Gatehouse cannot read: %2.").arg(path, reason));
        return {};
    }
    if (head.startsWith(PcapngReader::magic())) {
        m_format = Format::Pcapng;
        m_pcapng = std::make_unique<PcapngReader>(m_file);
        if (!m_pcapng->open(reason))
            return Error(Error::Kind::Input,
                         tr("The capture file %1 is a pcapng recording Gatehouse cannot read: %2.").arg(path, reason));
        return {};
    }
    m_format = Format::Jsonl;
    m_buffer.reserve(CHUNK_BYTES * 2);
    return {};
}

qint64 CaptureReader::lineNumber() const
{
    return m_format == Format::Jsonl ? m_lineNumber : m_itemNumber;
}

QString CaptureReader::place(qint64 number) const
{
    switch (m_format) {
    case Format::Btsnoop:
        return tr("record %1").arg(number);
    case Format::Pcapng:
        return tr("block %1").arg(number);
    case Format::Jsonl:
        break;
    }
    return tr("line %1").arg(number);
}

CaptureReader::Item CaptureReader::next(Advertisement& advert, QString& reason, AdProblem& adProblem)
{
    if (m_format == Format::Jsonl)
        return nextLine(advert, reason, adProblem);
    return nextRecorded(advert, reason, adProblem);
}

ReportRead CaptureReader::readReport(AdvertisingReport& report, qint64& number, QString& reason)
{
    if (m_held) {
        report = *m_held;
        number = m_heldNumber;
        m_held.reset();
        return ReportRead::Report;
    }
    const ReportRead read = m_btsnoop ? m_btsnoop->next(report, reason) : m_pcapng->next(report, reason);
    number = m_btsnoop ? m_btsnoop->recordNumber() : m_pcapng->blockNumber();
    return read;
}

CaptureReader::Item CaptureReader::nextRecorded(Advertisement& advert, QString& reason, AdProblem& adProblem)
{
    for (;;) {
        AdvertisingReport report;
        qint64 number = 0;
        const ReportRead read = readReport(report, number, reason);
        if (m_file.error() != QFileDevice::NoError) {
            reason = tr("reading stopped: %1").arg(m_file.errorString());
            return Item::Failed;
        }
        if (read == ReportRead::Malformed) {
            m_itemNumber = number;
            return Item::Rejected;
        }
        if (read == ReportRead::End && !m_waiting)
            return Item::End;
        if (read == ReportRead::Report && (report.timeMs < 0 || report.timeMs > CaptureLineParser::MAX_TIME_MS)) {
            // As for a JSONL line: no capture is from before 1970 or after year 9999, and such
            // times overflowed the tracker's arithmetic (issue 12).
            m_itemNumber = number;
            reason = tr("a time outside the years 1970 to 9999");
            return Item::Rejected;
        }
        if (read == ReportRead::Report && !m_waiting && report.kind == AdvertisingReport::Kind::Advert) {
            m_waiting = report;
            m_waitingNumber = number;
            continue;
        }
        if (read == ReportRead::Report && m_waiting && report.kind == AdvertisingReport::Kind::ScanResponse &&
            report.address == m_waiting->address) {
            // The scan response of the waiting advert: one advert of both.
            m_waiting->data += report.data;
            adProblem = toAdvertisement(*m_waiting, advert);
            m_itemNumber = m_waitingNumber;
            m_waiting.reset();
            return Item::Advert;
        }
        if (m_waiting) {
            // Not its scan response: the waiting advert goes out alone, the report waits its turn.
            if (read == ReportRead::Report) {
                m_held = report;
                m_heldNumber = number;
            }
            adProblem = toAdvertisement(*m_waiting, advert);
            m_itemNumber = m_waitingNumber;
            m_waiting.reset();
            return Item::Advert;
        }
        // A scan response whose advert was not heard right before it.
        const auto last = m_lastAdvertData.constFind(report.address);
        if (last != m_lastAdvertData.constEnd())
            report.data.prepend(*last);
        adProblem = toAdvertisement(report, advert);
        m_itemNumber = number;
        return Item::Advert;
    }
}

AdProblem CaptureReader::toAdvertisement(const AdvertisingReport& report, Advertisement& advert)
{
    advert = Advertisement();
    advert.timeMs = report.timeMs;
    advert.address = report.address;
    advert.rssi = report.rssi;
    if (report.kind == AdvertisingReport::Kind::Advert) {
        if (m_lastAdvertData.size() >= MAX_JOINED_ADDRESSES && !m_lastAdvertData.contains(report.address))
            m_lastAdvertData.clear();
        m_lastAdvertData.insert(report.address, report.data);
    }
    return AdParser::parse(
        {reinterpret_cast<const quint8*>(report.data.constData()), static_cast<size_t>(report.data.size())}, advert);
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

CaptureReader::Item CaptureReader::nextLine(Advertisement& advert, QString& reason, AdProblem& adProblem)
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
