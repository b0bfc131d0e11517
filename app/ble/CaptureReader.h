// Reads a BLE capture file (formats/ble-capture.md) line by line, in large chunks, reporting
// each rejected line with its number and reason and going on.
#pragma once

#include "ble/CaptureLineParser.h"
#include "common/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QFile>

class CaptureReader
{
    Q_DECLARE_TR_FUNCTIONS(CaptureReader)

public:
    enum class Item {
        Advert,   // advert holds the next one (adProblem may say its AD data was cut short)
        Rejected, // the line at lineNumber() was rejected for reason
        End,      // no more lines
        Failed,   // the file could not be read further (reason says why)
    };

    // A line longer than this is rejected unread: no real advert comes near it.
    static constexpr qsizetype MAX_LINE_BYTES = 64 * 1024;

    [[nodiscard]] Result<void> open(const QString& path);
    Item next(Advertisement& advert, QString& reason, AdProblem& adProblem);
    qint64 lineNumber() const { return m_lineNumber; }

private:
    bool fill();

    QFile m_file;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    qint64 m_lineNumber = 0;
    bool m_eof = false;
    bool m_skippingLongLine = false;
};
