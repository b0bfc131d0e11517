// Reads a BLE capture file (formats/ble-capture.md) advert by advert, in large chunks, reporting
// each rejected line or record with its number and reason and going on. The file's first bytes,
// not its name, choose the format: Gatehouse's own JSONL, a btsnoop recording (btmon, Android's
// HCI snoop log) or a pcapng recording of a link-layer sniffer (nRF Sniffer).
#pragma once

#include "ble/AdvertisingReport.h"
#include "ble/CaptureLineParser.h"
#include "common/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QFile>
#include <QHash>

#include <memory>
#include <optional>

class BtsnoopReader;
class PcapngReader;

class CaptureReader
{
    Q_DECLARE_TR_FUNCTIONS(CaptureReader)

public:
    enum class Format { Jsonl, Btsnoop, Pcapng };
    enum class Item {
        Advert,   // advert holds the next one (adProblem may say its AD data was cut short)
        Rejected, // the line (record, block) at lineNumber() was rejected for reason
        End,      // no more lines
        Failed,   // the file could not be read further (reason says why)
    };

    // A line longer than this is rejected unread: no real advert comes near it.
    static constexpr qsizetype MAX_LINE_BYTES = 64 * 1024;

    CaptureReader();
    ~CaptureReader();

    [[nodiscard]] Result<void> open(const QString& path);
    Item next(Advertisement& advert, QString& reason, AdProblem& adProblem);
    Format format() const { return m_format; }
    // The number of the line (JSONL), record (btsnoop) or block (pcapng) last read, from 1.
    qint64 lineNumber() const;
    // "line 12", "record 12" or "block 12", as a user reads where a problem is in this format.
    QString place(qint64 number) const;

private:
    bool fill();
    Item nextLine(Advertisement& advert, QString& reason, AdProblem& adProblem);
    Item nextRecorded(Advertisement& advert, QString& reason, AdProblem& adProblem);
    // The next report of the recording with its record (block) number.
    ReportRead readReport(AdvertisingReport& report, qint64& number, QString& reason);
    // The report as an advert, its scan response (if any) joined to it.
    AdProblem toAdvertisement(const AdvertisingReport& report, Advertisement& advert);

    QFile m_file;
    Format m_format = Format::Jsonl;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    qint64 m_lineNumber = 0;
    bool m_eof = false;
    bool m_skippingLongLine = false;
    std::unique_ptr<BtsnoopReader> m_btsnoop;
    std::unique_ptr<PcapngReader> m_pcapng;
    // An advert waits for the next report, which may be its scan response: the pair is one
    // advert, as a JSONL line's "ad" holds advert and scan response (formats/ble-capture.md).
    std::optional<AdvertisingReport> m_waiting;
    qint64 m_waitingNumber = 0;
    // A report read while an advert waited, to be taken next.
    std::optional<AdvertisingReport> m_held;
    qint64 m_heldNumber = 0;
    qint64 m_itemNumber = 0; // the line (record, block) of what next() returned last
    // A scan response that does not follow its advert is joined with the last advert data of
    // its address.
    QHash<quint64, QByteArray> m_lastAdvertData;
};
