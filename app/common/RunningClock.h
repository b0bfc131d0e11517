// A Clock that starts at a given instant and runs at the machine's pace from there: the CLI's
// --now for a command that runs on (a live scan stamps its adverts from that instant, so a
// recording replayed through an adapter keeps its own times, and with them Bluezone's UTC slots).
#pragma once

#include "common/Clock.h"

#include <QElapsedTimer>

class RunningClock final : public Clock
{
public:
    explicit RunningClock(QDateTime from) : m_from(std::move(from)) { m_started.start(); }
    QDateTime now() const override { return m_from.addMSecs(m_started.elapsed()); }
    qint64 monotonicMs() const override { return m_started.elapsed(); }

private:
    QDateTime m_from;
    QElapsedTimer m_started;
};
