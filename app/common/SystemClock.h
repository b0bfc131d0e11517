// The real Clock: the machine's wall clock and a monotonic timer.
#pragma once

#include "common/Clock.h"

#include <QElapsedTimer>

class SystemClock final : public Clock
{
public:
    SystemClock();
    QDateTime now() const override;
    qint64 monotonicMs() const override;

private:
    QElapsedTimer m_started;
};
