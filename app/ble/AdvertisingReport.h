// One advertising report as a recording holds it, before its AD data is decoded: when, from which
// address, how loud, whether it was an advert or the answer to a scan request, and the raw AD
// bytes. What BtsnoopReader and PcapngReader read, and CaptureReader turns into Advertisements.
#pragma once

#include <QByteArray>

// What a recording's reader found next: a report, a record it could not read (it reads on), or
// the end of the file.
enum class ReportRead { Report, Malformed, End };

struct AdvertisingReport
{
    enum class Kind { Advert, ScanResponse };

    qint64 timeMs = 0;   // Unix epoch milliseconds
    quint64 address = 0; // most significant byte first, as written AA:BB:CC:DD:EE:FF
    int rssi = 127;      // dBm; 127: not available (HCI)
    Kind kind = Kind::Advert;
    QByteArray data; // the AD structures
};
