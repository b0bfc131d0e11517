// Reads the advertising PDUs out of a pcapng file of Bluetooth LE link-layer packets, as the
// Nordic nRF Sniffer writes it through Wireshark (formats/ble-capture.md, "Recordings from other
// tools"). pcapng: blocks of type, length, body, length (the pcapng specification,
// draft-ietf-opsawg-pcapng: Section Header 0x0A0D0D0A with its byte-order magic, Interface
// Description 1 with the link type and the timestamp resolution, Enhanced Packet 6, Simple
// Packet 3). Link types (tcpdump.org/linktypes): 256, LINKTYPE_BLUETOOTH_LE_LL_WITH_PHDR, and
// 272, LINKTYPE_NORDIC_BLE. Only advertising PDUs (access address 0x8E89BED6: ADV_IND,
// ADV_NONCONN_IND, ADV_SCAN_IND, SCAN_RSP) whose CRC the sniffer found good are taken; a malformed
// or truncated block is reported with its number.
#pragma once

#include "ble/AdvertisingReport.h"

#include <QCoreApplication>
#include <QHash>

class QIODevice;

class PcapngReader
{
    Q_DECLARE_TR_FUNCTIONS(PcapngReader)

public:
    // The file starts with the Section Header Block's type.
    static QByteArray magic() { return QByteArray("\x0A\x0D\x0D\x0A", 4); }

    explicit PcapngReader(QIODevice& device);

    bool open(QString& reason);
    ReportRead next(AdvertisingReport& report, QString& reason);
    // The number of the block last read, from 1 (the section header is block 1).
    qint64 blockNumber() const { return m_block; }

    // The advertising PDU of one LE link-layer packet (access address, header, payload, CRC) as a
    // report; false when it is no advertising PDU this reader takes.
    static bool advertisingPdu(const quint8* packet, qsizetype size, AdvertisingReport& report);

private:
    struct Interface
    {
        quint16 linkType = 0;
        // Timestamp units: 10^-exponent seconds, or 2^-exponent when binary (if_tsresol;
        // microseconds by default).
        bool binary = false;
        int exponent = 6;

        qint64 milliseconds(quint64 timestamp) const;
    };

    bool fill(qint64 wanted);
    quint32 u32(const char* p) const;
    quint16 u16(const char* p) const;
    bool readSectionHeader(const char* body, qsizetype size, QString& reason);
    bool readInterface(const char* body, qsizetype size, QString& reason);
    // A packet of an interface: a report when it holds an advertising PDU with a good CRC.
    bool packet(const Interface& interface, quint64 timestamp, const quint8* data, qsizetype size,
                AdvertisingReport& report) const;

    QIODevice& m_device;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    bool m_eof = false;
    bool m_bigEndian = false;
    qint64 m_block = 0;
    QList<Interface> m_interfaces; // of the current section
};
