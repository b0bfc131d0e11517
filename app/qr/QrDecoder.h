// Finds QR codes in frames with ZXing-cpp (the only file that includes it for reading), with a
// second look (FinderPatternScan, ZbarReader) at a region where it read nothing. Frames
// are decoded on one worker thread and dropped while it is busy, never queued, so the GUI thread
// never waits; the same code seen again within a few seconds is reported once.
#pragma once

#include "common/Clock.h"
#include "qr/LumaFrame.h"
#include "qr/QrCode.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QThreadPool>

class QrDecoder : public QObject
{
    Q_OBJECT

public:
    // Codes seen again within this long are not reported again.
    static constexpr qint64 DEFAULT_REPEAT_MS = 3000;

    explicit QrDecoder(const Clock& clock, qint64 repeatMs = DEFAULT_REPEAT_MS, QObject* parent = nullptr);
    ~QrDecoder() override;

    // Decodes every code in frame, here and now (CLI, tests, the worker).
    static QList<QrCode> decode(const LumaFrame& frame);

    // Hands frame to the worker; returns false (and drops it) while the worker is busy.
    bool submit(const LumaFrame& frame);
    // Blocks until the worker is idle (tests, shutdown).
    void waitForIdle();
    qint64 droppedFrames() const { return m_dropped; }
    qint64 decodedFrames() const { return m_decoded; }

signals:
    // A code not reported within the repeat window; frameTimeMs is when its frame arrived.
    void codeFound(const QrCode& code, qint64 frameTimeMs);

private:
    void report(const QList<QrCode>& codes, qint64 frameTimeMs);

    const Clock& m_clock;
    qint64 m_repeatMs;
    QThreadPool m_worker;
    QHash<QString, qint64> m_lastReported; // text -> Clock::monotonicMs()
    qint64 m_dropped = 0;
    qint64 m_decoded = 0;
};
