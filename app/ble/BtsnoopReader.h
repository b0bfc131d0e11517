// Reads the advertising reports out of a btsnoop file: Android's "Bluetooth HCI snoop log" and
// BlueZ's `btmon -w FILE` (formats/ble-capture.md, "Recordings from other tools"). The file format
// is the one of RFC 1761 "snoop" adapted by BlueZ/Android (header "btsnoop\0", version 1, a
// datalink type; then records of original length, included length, flags, drops and a timestamp in
// microseconds since midnight, January 1st of year 0, all big-endian). Datalinks: 1001 (HCI
// packets without an indicator), 1002 (HCI UART, H4: a packet indicator byte first) and 2001
// (BlueZ's monitor, which btmon writes: the opcode in the flags). From each HCI LE Meta event it
// takes the LE Advertising Reports (subevent 0x02) and LE Extended Advertising Reports (0x0D);
// every other record is skipped. A malformed or truncated record is reported with its number.
#pragma once

#include "ble/AdvertisingReport.h"

#include <QCoreApplication>
#include <QList>

class QIODevice;

class BtsnoopReader
{
    Q_DECLARE_TR_FUNCTIONS(BtsnoopReader)

public:
    // The file starts with these 8 bytes.
    static QByteArray magic() { return QByteArray("btsnoop\0", 8); }

    explicit BtsnoopReader(QIODevice& device);

    // Reads the file header; false with reason when the version or datalink is not one of these.
    bool open(QString& reason);
    // The next report; Malformed with reason for a record that cannot be read (the reading goes
    // on), End at the end.
    ReportRead next(AdvertisingReport& report, QString& reason);
    // The number of the record last read, from 1.
    qint64 recordNumber() const { return m_record; }

private:
    bool fill(qint64 wanted);
    // Queues the reports of one HCI event (without the H4 indicator); false when malformed.
    bool readEvent(const quint8* event, qsizetype size, qint64 timeMs, QString& reason);

    QIODevice& m_device;
    quint32 m_datalink = 0;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    bool m_eof = false;
    qint64 m_record = 0;
    QList<AdvertisingReport> m_queue;
    qsizetype m_queued = 0;
    // Extended reports arrive in fragments (data status "incomplete, more to come"): the data so
    // far of each address.
    QList<QPair<quint64, QByteArray>> m_fragments;
};
