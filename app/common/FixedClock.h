// A Clock stopped at one instant: the CLI's --now, which evaluates time-dependent checks (pass
// validity, retention, closing time) as of a given moment.
#pragma once

#include "common/Clock.h"

class FixedClock final : public Clock
{
public:
    explicit FixedClock(QDateTime at) : m_at(std::move(at)) {}
    QDateTime now() const override { return m_at; }
    qint64 monotonicMs() const override { return m_at.toMSecsSinceEpoch(); }

private:
    QDateTime m_at;
};
