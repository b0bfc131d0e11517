// A Clock that tests step by hand, so that time-dependent behaviour is exact.
#pragma once

#include "common/Clock.h"

#include <atomic>

class FakeClock final : public Clock
{
public:
    explicit FakeClock(QDateTime start = QDateTime(QDate(2020, 8, 1), QTime(8, 0), Qt::UTC)) : m_now(std::move(start))
    {}

    QDateTime now() const override { return m_now.addMSecs(m_elapsedMs); }
    qint64 monotonicMs() const override { return m_elapsedMs; }
    void advance(qint64 ms) { m_elapsedMs += ms; }

private:
    QDateTime m_now;
    // Atomic: a kiosk's writer thread reads the time the test thread steps.
    std::atomic<qint64> m_elapsedMs = 0;
};
