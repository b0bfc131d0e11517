// Reads the advertising reports out of a btsnoop file.
//
// HCI event layouts: Bluetooth Core 5.3, Vol 4, Part E, 7.7.65.2 (LE Advertising Report) and
// 7.7.65.13 (LE Extended Advertising Report). The reports of one event are read one after the
// other, as the Linux kernel reads them (net/bluetooth/hci_event.c): event type, address type,
// address (little-endian), data length, data, RSSI for 0x02; event type (2 bytes), address type,
// address, primary and secondary PHY, SID, TX power, RSSI, periodic interval (2), direct address
// type and address (7), data length, data for 0x0D.
#include "ble/BtsnoopReader.h"

#include <QIODevice>

#include <cstring>

namespace {
constexpr qint64 HEADER_BYTES = 16;
constexpr qint64 RECORD_HEADER_BYTES = 24;
constexpr qint64 BLOCK = 1 << 20;
// A record larger than this is not an HCI packet (an HCI event is at most 257 bytes; ACL data
// a few kilobytes): the file is damaged from there.
constexpr quint32 MAX_RECORD_BYTES = 65536;
// Microseconds from 0000-01-01 to 1970-01-01 in the btsnoop epoch (BlueZ src/shared/btsnoop.c).
constexpr qint64 EPOCH_DELTA_US = 0x00dcddb30f2f8000LL;
// Datalink types (BlueZ src/shared/btsnoop.h).
constexpr quint32 DATALINK_HCI = 1001;
constexpr quint32 DATALINK_UART = 1002;
constexpr quint32 DATALINK_MONITOR = 2001;
// H4 packet indicator of an HCI event; monitor opcode of one (btsnoop.h BTSNOOP_OPCODE_EVENT_PKT).
constexpr quint8 H4_EVENT = 0x04;
constexpr quint32 MONITOR_EVENT = 0x0003;
// Flags of datalinks 1001/1002: bit 0 received, bit 1 command or event.
constexpr quint32 FLAG_RECEIVED_EVENT = 0x03;
constexpr quint8 LE_META_EVENT = 0x3E;
constexpr quint8 ADVERTISING_REPORT = 0x02;
constexpr quint8 EXTENDED_ADVERTISING_REPORT = 0x0D;

quint32 be32(const char* p)
{
    const auto* b = reinterpret_cast<const quint8*>(p);
    return quint32(b[0]) << 24 | quint32(b[1]) << 16 | quint32(b[2]) << 8 | quint32(b[3]);
}

qint64 be64(const char* p)
{
    return qint64(quint64(be32(p)) << 32 | be32(p + 4));
}

quint64 address(const quint8* littleEndian)
{
    quint64 value = 0;
    for (int i = 5; i >= 0; --i)
        value = value << 8 | littleEndian[i];
    return value;
}
} // namespace

BtsnoopReader::BtsnoopReader(QIODevice& device) : m_device(device) {}

bool BtsnoopReader::fill(qint64 wanted)
{
    while (m_buffer.size() - m_pos < wanted && !m_eof) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
        const QByteArray block = m_device.read(BLOCK);
        if (block.isEmpty())
            m_eof = true;
        m_buffer += block;
    }
    return m_buffer.size() - m_pos >= wanted;
}

bool BtsnoopReader::open(QString& reason)
{
    if (!fill(HEADER_BYTES) || m_buffer.mid(m_pos, 8) != magic()) {
        reason = tr("not a btsnoop file");
        return false;
    }
    const quint32 version = be32(m_buffer.constData() + m_pos + 8);
    m_datalink = be32(m_buffer.constData() + m_pos + 12);
    m_pos += HEADER_BYTES;
    if (version != 1) {
        reason = tr("btsnoop version %1, not 1").arg(version);
        return false;
    }
    if (m_datalink != DATALINK_HCI && m_datalink != DATALINK_UART && m_datalink != DATALINK_MONITOR) {
        reason = tr("btsnoop datalink %1 holds no HCI events Gatehouse reads (1001, 1002 or 2001)").arg(m_datalink);
        return false;
    }
    return true;
}

ReportRead BtsnoopReader::next(AdvertisingReport& report, QString& reason)
{
    for (;;) {
        if (m_queued < m_queue.size()) {
            report = m_queue[m_queued++];
            return ReportRead::Report;
        }
        m_queue.clear();
        m_queued = 0;
        if (!fill(RECORD_HEADER_BYTES)) {
            if (m_buffer.size() == m_pos)
                return ReportRead::End;
            ++m_record;
            m_pos = m_buffer.size();
            reason = tr("the file ends inside a record's header (truncated)");
            return ReportRead::Malformed;
        }
        const char* header = m_buffer.constData() + m_pos;
        const quint32 included = be32(header + 4);
        const quint32 flags = be32(header + 8);
        // Before 1970 (a clock never set) stays negative, for the caller to refuse.
        const qint64 timestampUs = be64(header + 16);
        const qint64 timeMs = timestampUs < EPOCH_DELTA_US ? -1 : (timestampUs - EPOCH_DELTA_US) / 1000;
        ++m_record;
        if (included > MAX_RECORD_BYTES) {
            // Nothing after it can be trusted to start where it says.
            m_pos = m_buffer.size();
            m_eof = true;
            reason = tr("a record of %1 bytes: the file is damaged from here").arg(included);
            return ReportRead::Malformed;
        }
        if (!fill(RECORD_HEADER_BYTES + included)) {
            m_pos = m_buffer.size();
            reason = tr("the file ends inside a record (truncated)");
            return ReportRead::Malformed;
        }
        const auto* packet = reinterpret_cast<const quint8*>(m_buffer.constData() + m_pos + RECORD_HEADER_BYTES);
        m_pos += RECORD_HEADER_BYTES + included;
        const quint8* event = nullptr;
        qsizetype size = 0;
        if (m_datalink == DATALINK_UART && included >= 1 && packet[0] == H4_EVENT) {
            event = packet + 1;
            size = included - 1;
        } else if (m_datalink == DATALINK_HCI && (flags & FLAG_RECEIVED_EVENT) == FLAG_RECEIVED_EVENT) {
            event = packet;
            size = included;
        } else if (m_datalink == DATALINK_MONITOR && (flags & 0xFFFF) == MONITOR_EVENT) {
            event = packet;
            size = included;
        }
        if (!event || size < 3 || event[0] != LE_META_EVENT)
            continue; // another packet: skipped
        if (!readEvent(event, size, timeMs, reason))
            return ReportRead::Malformed;
    }
}

bool BtsnoopReader::readEvent(const quint8* event, qsizetype size, qint64 timeMs, QString& reason)
{
    // Event code, parameter length, then the LE Meta subevent and its parameters.
    const qsizetype length = std::min<qsizetype>(event[1], size - 2);
    const quint8* p = event + 3;
    const quint8* end = event + 2 + length;
    const quint8 subevent = event[2];
    if (subevent != ADVERTISING_REPORT && subevent != EXTENDED_ADVERTISING_REPORT)
        return true;
    if (p >= end) {
        reason = tr("an advertising report event without reports");
        return false;
    }
    int reports = *p++;
    while (reports-- > 0) {
        AdvertisingReport report;
        report.timeMs = timeMs;
        if (subevent == ADVERTISING_REPORT) {
            if (end - p < 9 || end - p < 10 + p[8]) {
                reason = tr("an advertising report runs past its event");
                return false;
            }
            // Event types 0x00-0x03 are adverts, 0x04 a scan response.
            report.kind = p[0] == 0x04 ? AdvertisingReport::Kind::ScanResponse : AdvertisingReport::Kind::Advert;
            report.address = address(p + 2);
            const int dataLength = p[8];
            report.data = QByteArray(reinterpret_cast<const char*>(p + 9), dataLength);
            report.rssi = qint8(p[9 + dataLength]);
            p += 10 + dataLength;
            m_queue.append(report);
            continue;
        }
        if (end - p < 24 || end - p < 24 + p[23]) {
            reason = tr("an extended advertising report runs past its event");
            return false;
        }
        const quint16 type = quint16(p[0] | p[1] << 8);
        // Event type bit 3: scan response; bits 5-6: data status (0 complete, 1 incomplete with
        // more to come, 2 incomplete and truncated).
        report.kind = (type & 0x08) ? AdvertisingReport::Kind::ScanResponse : AdvertisingReport::Kind::Advert;
        report.address = address(p + 3);
        report.rssi = qint8(p[13]);
        const int dataLength = p[23];
        QByteArray data(reinterpret_cast<const char*>(p + 24), dataLength);
        p += 24 + dataLength;
        const int status = (type >> 5) & 0x03;
        auto fragment = std::find_if(m_fragments.begin(), m_fragments.end(),
                                     [&report](const auto& f) { return f.first == report.address; });
        if (fragment != m_fragments.end()) {
            data.prepend(fragment->second);
            m_fragments.erase(fragment);
        }
        if (status == 1) {
            // At most a few phones send fragments at once; a stale one is dropped.
            if (m_fragments.size() >= 64)
                m_fragments.removeFirst();
            m_fragments.append({report.address, data});
            continue;
        }
        report.data = data;
        m_queue.append(report);
    }
    return true;
}
