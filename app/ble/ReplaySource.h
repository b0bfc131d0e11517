// Adverts from a capture file, at the speed they were recorded (or N times it), or as fast as
// the machine goes: the kiosk's demo mode, the CLI's `scan --replay` and the tests.
#pragma once

#include "ble/AdvertisementSource.h"
#include "ble/CaptureReader.h"
#include "common/Clock.h"

#include <QTimer>

class ReplaySource : public AdvertisementSource
{
    Q_OBJECT

public:
    // speed: 0 for as fast as possible, else a multiple of real time (1 = as recorded).
    ReplaySource(QString path, double speed, const Clock& clock, QObject* parent = nullptr);

    void start() override;
    void stop() override;
    // Delivers every remaining advert now, without the event loop; for batch use (the CLI).
    void runToEnd();

    qint64 rejectedLines() const { return m_rejectedLines; }
    qint64 damagedAdverts() const { return m_damagedAdverts; }
    qint64 adverts() const { return m_adverts; }
    qint64 lastTimeMs() const { return m_lastTimeMs; }
    // Where a number of lineRejected() or adDataDamaged() is in the file, as a user reads it:
    // "line 12" of a JSONL capture, "record 12" of a btsnoop recording, "block 12" of a pcapng one.
    QString place(qint64 number) const { return m_reader.place(number); }

signals:
    // A line (record, block) that is not a valid advert: reported, skipped, and the replay goes on.
    void lineRejected(qint64 lineNumber, const QString& reason);
    // An advert whose AD data held a malformed structure; the structures before it were kept.
    void adDataDamaged(qint64 lineNumber, const QString& reason);

private:
    // Delivers adverts until one is not yet due (real speed) or a batch is done (max speed).
    void pump();
    bool readNext();

    QString m_path;
    double m_speed;
    const Clock& m_clock;
    CaptureReader m_reader;
    QTimer m_timer;
    bool m_running = false;
    bool m_pending = false; // m_next holds an advert not yet delivered
    Advertisement m_next;
    qint64 m_firstCaptureMs = -1;
    qint64 m_startedAtMs = 0;
    qint64 m_rejectedLines = 0;
    qint64 m_damagedAdverts = 0;
    qint64 m_adverts = 0;
    qint64 m_lastTimeMs = 0;
};
