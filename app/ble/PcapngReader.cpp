// Reads the advertising PDUs out of a pcapng file of Bluetooth LE link-layer packets.
//
// LINKTYPE_BLUETOOTH_LE_LL_WITH_PHDR (256), per tcpdump.org/linktypes: a 10-byte pseudo-header
// (RF channel, signal power in dBm (signed), noise power, access-address offenses, reference
// access address (4), flags (2, little-endian: 0x0002 signal power valid, 0x0400 CRC checked,
// 0x0800 CRC valid)), then the LE packet: access address (4), PDU header (2), payload, CRC (3).
// LINKTYPE_NORDIC_BLE (272), the nRF Sniffer's (Wireshark's epan/dissectors/packet-nordic_ble.c,
// protocol versions 1 to 3): board id (1), a 6-byte header with the protocol version in its third
// byte, then a packet header (its length (10), flags (bit 0: CRC good), channel, RSSI as a positive
// number of -dBm, event counter (2), time (4)), then the LE packet as above.
// Advertising PDU (Core 5.3, Vol 6, Part B, 2.3): header byte 0 bits 0-3 the PDU type (0 ADV_IND,
// 2 ADV_NONCONN_IND, 4 SCAN_RSP, 6 ADV_SCAN_IND), byte 1 the payload length; the payload starts
// with AdvA (6 bytes, little-endian), then the AD data.
#include "ble/PcapngReader.h"

#include <QIODevice>

namespace {
constexpr qint64 BLOCK = 1 << 20;
constexpr quint32 SECTION_HEADER = 0x0A0D0D0A;
constexpr quint32 INTERFACE_DESCRIPTION = 0x00000001;
constexpr quint32 SIMPLE_PACKET = 0x00000003;
constexpr quint32 ENHANCED_PACKET = 0x00000006;
constexpr quint32 BYTE_ORDER_MAGIC = 0x1A2B3C4D;
// A block larger than this is no packet of a sniffer: the file is damaged from there.
constexpr quint32 MAX_BLOCK_BYTES = 1 << 20;
constexpr quint16 LINKTYPE_BLUETOOTH_LE_LL_WITH_PHDR = 256;
constexpr quint16 LINKTYPE_NORDIC_BLE = 272;
constexpr quint32 ADVERTISING_ACCESS_ADDRESS = 0x8E89BED6;
constexpr quint16 PHDR_SIGNAL_VALID = 0x0002;
constexpr quint16 PHDR_CRC_CHECKED = 0x0400;
constexpr quint16 PHDR_CRC_VALID = 0x0800;

quint32 le32(const quint8* p)
{
    return quint32(p[0]) | quint32(p[1]) << 8 | quint32(p[2]) << 16 | quint32(p[3]) << 24;
}
} // namespace

PcapngReader::PcapngReader(QIODevice& device) : m_device(device) {}

qint64 PcapngReader::Interface::milliseconds(quint64 timestamp) const
{
    // In integers: a double's 53 bits are too few for nanoseconds since 1970 (text2pcap's unit).
    // An overflow wraps (unsigned) to a time the caller refuses.
    if (binary) {
        const quint64 fraction = timestamp & ((quint64(1) << exponent) - 1);
        return qint64((timestamp >> exponent) * 1000 + ((fraction * 1000) >> exponent));
    }
    quint64 scale = 1;
    for (int i = 3; i < exponent; ++i)
        scale *= 10;
    for (int i = exponent; i < 3; ++i)
        timestamp *= 10;
    return qint64(timestamp / scale);
}

bool PcapngReader::fill(qint64 wanted)
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

quint32 PcapngReader::u32(const char* p) const
{
    const auto* b = reinterpret_cast<const quint8*>(p);
    return m_bigEndian ? quint32(b[0]) << 24 | quint32(b[1]) << 16 | quint32(b[2]) << 8 | quint32(b[3]) : le32(b);
}

quint16 PcapngReader::u16(const char* p) const
{
    const auto* b = reinterpret_cast<const quint8*>(p);
    return m_bigEndian ? quint16(b[0] << 8 | b[1]) : quint16(b[0] | b[1] << 8);
}

bool PcapngReader::open(QString& reason)
{
    if (!fill(12) || m_buffer.left(4) != magic()) {
        reason = tr("not a pcapng file");
        return false;
    }
    return true;
}

bool PcapngReader::readSectionHeader(const char* body, qsizetype size, QString& reason)
{
    if (size < 16) {
        reason = tr("a section header block too short");
        return false;
    }
    m_interfaces.clear();
    // Byte-order magic (4), major version (2), minor version (2), section length (8).
    const quint16 major = u16(body + 4);
    if (major != 1) {
        reason = tr("pcapng version %1, not 1").arg(major);
        return false;
    }
    return true;
}

bool PcapngReader::readInterface(const char* body, qsizetype size, QString& reason)
{
    if (size < 8) {
        reason = tr("an interface description block too short");
        return false;
    }
    Interface interface;
    interface.linkType = u16(body);
    // Options: code (2), length (2), value padded to 4 bytes; if_tsresol is code 9 (one byte:
    // high bit clear, 10^-n seconds; set, 2^-n).
    qsizetype at = 8;
    while (at + 4 <= size) {
        const quint16 code = u16(body + at);
        const quint16 length = u16(body + at + 2);
        if (code == 0 || at + 4 + length > size)
            break;
        if (code == 9 && length >= 1) {
            const quint8 resolution = quint8(body[at + 4]);
            interface.exponent = resolution & 0x7F;
            interface.binary = resolution & 0x80;
            // Finer than 10^-19 s or 2^-54 s is no clock, and would overflow the arithmetic below.
            if (interface.exponent > (interface.binary ? 54 : 19)) {
                reason = tr("an interface whose timestamps are finer than any clock");
                return false;
            }
        }
        at += 4 + ((length + 3) & ~3);
    }
    m_interfaces.append(interface);
    return true;
}

bool PcapngReader::advertisingPdu(const quint8* packet, qsizetype size, AdvertisingReport& report)
{
    // Access address (4), header (2), AdvA (6), CRC (3) at the least.
    if (size < 15 || le32(packet) != ADVERTISING_ACCESS_ADDRESS)
        return false;
    const quint8 type = packet[4] & 0x0F;
    const int length = packet[5];
    if (length < 6 || 6 + length + 3 > size)
        return false;
    switch (type) {
    case 0x00: // ADV_IND
    case 0x02: // ADV_NONCONN_IND
    case 0x06: // ADV_SCAN_IND
        report.kind = AdvertisingReport::Kind::Advert;
        break;
    case 0x04: // SCAN_RSP
        report.kind = AdvertisingReport::Kind::ScanResponse;
        break;
    default:
        return false;
    }
    quint64 address = 0;
    for (int i = 5; i >= 0; --i)
        address = address << 8 | packet[6 + i];
    report.address = address;
    report.data = QByteArray(reinterpret_cast<const char*>(packet + 12), length - 6);
    return true;
}

bool PcapngReader::packet(const Interface& interface, quint64 timestamp, const quint8* data, qsizetype size,
                          AdvertisingReport& report) const
{
    report.timeMs = interface.milliseconds(timestamp);
    if (interface.linkType == LINKTYPE_BLUETOOTH_LE_LL_WITH_PHDR) {
        if (size < 10)
            return false;
        const quint16 flags = quint16(data[8] | data[9] << 8);
        // Good CRC only: checked by the sniffer and found valid.
        if (!(flags & PHDR_CRC_CHECKED) || !(flags & PHDR_CRC_VALID))
            return false;
        report.rssi = (flags & PHDR_SIGNAL_VALID) ? qint8(data[1]) : 127;
        return advertisingPdu(data + 10, size - 10, report);
    }
    if (interface.linkType == LINKTYPE_NORDIC_BLE) {
        // Board id, then a 6-byte header whose fourth byte is the protocol version (version 1:
        // header length, payload length, version, counter (2), packet id; 2 and 3: payload
        // length (2), version, counter (2), packet id); the legacy 0xBEEF format is not read.
        // Then the packet header, its first byte its own length (10).
        constexpr qsizetype UART_HEADER = 1 + 6;
        if (size < UART_HEADER + 10 || (data[0] == 0xBE && data[1] == 0xEF))
            return false;
        const quint8 version = data[3];
        if (version < 1 || version > 3)
            return false;
        const quint8* packetHeader = data + UART_HEADER;
        const int packetHeaderLength = packetHeader[0];
        if (packetHeaderLength < 10 || UART_HEADER + packetHeaderLength > size)
            return false;
        if (!(packetHeader[1] & 0x01))
            return false; // CRC not good
        report.rssi = -int(packetHeader[3]);
        const qsizetype offset = UART_HEADER + packetHeaderLength;
        return advertisingPdu(data + offset, size - offset, report);
    }
    return false;
}

ReportRead PcapngReader::next(AdvertisingReport& report, QString& reason)
{
    for (;;) {
        if (!fill(8)) {
            if (m_buffer.size() == m_pos)
                return ReportRead::End;
            ++m_block;
            m_pos = m_buffer.size();
            reason = tr("the file ends inside a block's header (truncated)");
            return ReportRead::Malformed;
        }
        const char* head = m_buffer.constData() + m_pos;
        const auto* raw = reinterpret_cast<const quint8*>(head);
        const quint32 rawType = le32(raw);
        if (rawType == SECTION_HEADER) {
            // The byte order of this section, from its byte-order magic.
            if (!fill(12)) {
                ++m_block;
                m_pos = m_buffer.size();
                reason = tr("the file ends inside a section header (truncated)");
                return ReportRead::Malformed;
            }
            head = m_buffer.constData() + m_pos;
            const quint32 order = le32(reinterpret_cast<const quint8*>(head + 8));
            if (order == BYTE_ORDER_MAGIC) {
                m_bigEndian = false;
            } else if (order == 0x4D3C2B1A) {
                m_bigEndian = true;
            } else {
                ++m_block;
                m_pos = m_buffer.size();
                m_eof = true;
                reason = tr("a section header with an unknown byte order: the file is damaged from here");
                return ReportRead::Malformed;
            }
        }
        const quint32 type = u32(head);
        const quint32 length = u32(head + 4);
        ++m_block;
        if (length < 12 || length % 4 != 0 || length > MAX_BLOCK_BYTES) {
            m_pos = m_buffer.size();
            m_eof = true;
            reason = tr("a block of %1 bytes: the file is damaged from here").arg(length);
            return ReportRead::Malformed;
        }
        if (!fill(length)) {
            m_pos = m_buffer.size();
            reason = tr("the file ends inside a block (truncated)");
            return ReportRead::Malformed;
        }
        head = m_buffer.constData() + m_pos;
        const char* body = head + 8;
        const qsizetype bodySize = qsizetype(length) - 12;
        m_pos += length;
        if (u32(head + length - 4) != length) {
            reason = tr("a block whose trailing length does not match its leading one");
            return ReportRead::Malformed;
        }
        if (type == SECTION_HEADER) {
            if (!readSectionHeader(body, bodySize, reason))
                return ReportRead::Malformed;
            continue;
        }
        if (type == INTERFACE_DESCRIPTION) {
            if (!readInterface(body, bodySize, reason))
                return ReportRead::Malformed;
            continue;
        }
        if (type != ENHANCED_PACKET && type != SIMPLE_PACKET)
            continue; // statistics, name resolution, custom blocks: not adverts
        quint32 interfaceId = 0;
        quint64 timestamp = 0;
        const char* data = nullptr;
        qint64 captured = 0;
        if (type == ENHANCED_PACKET) {
            if (bodySize < 20) {
                reason = tr("an enhanced packet block too short");
                return ReportRead::Malformed;
            }
            interfaceId = u32(body);
            timestamp = quint64(u32(body + 4)) << 32 | u32(body + 8);
            captured = u32(body + 12);
            data = body + 20;
            if (captured > bodySize - 20) {
                reason = tr("a packet longer than its block");
                return ReportRead::Malformed;
            }
        } else {
            if (bodySize < 4) {
                reason = tr("a simple packet block too short");
                return ReportRead::Malformed;
            }
            captured = std::min<qint64>(u32(body), bodySize - 4);
            data = body + 4;
        }
        if (interfaceId >= quint32(m_interfaces.size())) {
            reason = tr("a packet of interface %1, which no interface block described").arg(interfaceId);
            return ReportRead::Malformed;
        }
        report = AdvertisingReport();
        if (packet(m_interfaces[qsizetype(interfaceId)], timestamp, reinterpret_cast<const quint8*>(data),
                   qsizetype(captured), report))
            return ReportRead::Report;
    }
}
