// The real Clock: the machine's wall clock and a monotonic timer.
#include "common/SystemClock.h"

SystemClock::SystemClock()
{
    m_started.start();
}

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTimeUtc();
}

qint64 SystemClock::monotonicMs() const
{
    return m_started.elapsed();
}
