// The site's routine work while the kiosk runs.
#include "checkin/Housekeeping.h"

#include "common/Logging.h"

Housekeeping::Housekeeping(CheckInService& service, const Clock& clock, QObject* parent)
    : QObject(parent), m_service(service), m_clock(clock)
{
    connect(&m_timer, &QTimer::timeout, this, &Housekeeping::tick);
}

void Housekeeping::start()
{
    purge();
    m_timer.start(60 * 1000);
}

void Housekeeping::tick()
{
    auto closed = m_service.closeIfPastClosingTime();
    if (!closed)
        emit problem(closed.error().message());
    else if (closed.value() > 0)
        qCInfo(lcCheckIn) << "closing time:" << closed.value() << "checked out automatically";
    const QDate today = m_service.site().time().dayOf(m_clock.now());
    if (today != m_lastPurge)
        purge();
}

void Housekeeping::purge()
{
    auto purged = m_service.purge();
    if (!purged) {
        emit problem(purged.error().message());
        return;
    }
    m_lastPurge = m_service.site().time().dayOf(m_clock.now());
    qCInfo(lcCheckIn) << "retention:" << purged.value() << "entries deleted";
}
