// The seam for time (ARCHITECTURE.md "Seams"): code that needs "now" asks a Clock it was given,
// so tests can step time exactly (tests/fakes/FakeClock.h).
#pragma once

#include <QDateTime>

class Clock
{
public:
    virtual ~Clock() = default;
    // Wall-clock time in UTC; what entries are stamped with.
    virtual QDateTime now() const = 0;
    // Milliseconds from an arbitrary fixed start that never goes backwards; what timeouts use.
    virtual qint64 monotonicMs() const = 0;
};
