// The kiosk's one writer.
#include "checkin/ThreadedCheckIn.h"

#include "checkin/Housekeeping.h"
#include "checkin/SiteRecords.h"

struct ThreadedCheckIn::Log
{
    std::unique_ptr<SiteRecords> records;
    std::unique_ptr<Housekeeping> housekeeping;
};

ThreadedCheckIn::ThreadedCheckIn(CheckInService::Site site, const Clock& clock, QObject* parent)
    : QObject(parent), m_site(std::move(site)), m_clock(clock)
{
    m_thread.setObjectName(QStringLiteral("gatehouse-writer"));
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
}

ThreadedCheckIn::~ThreadedCheckIn()
{
    // The log closes on the thread that opened it; then the thread ends.
    QMetaObject::invokeMethod(
        m_context, [this] { m_log.reset(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

Result<void> ThreadedCheckIn::open(const QString& path, bool housekeeping)
{
    Result<void> opened;
    QMetaObject::invokeMethod(
        m_context,
        [&] {
            auto records = SiteRecords::open(path, Database::Check::Quick, m_site, m_clock);
            if (!records) {
                opened = records.error();
                return;
            }
            auto log = std::make_unique<Log>();
            log->records = std::move(records).value();
            if (housekeeping) {
                log->housekeeping = std::make_unique<Housekeeping>(log->records->service(), m_clock);
                connect(log->housekeeping.get(), &Housekeeping::problem, this, &ThreadedCheckIn::problem);
                log->housekeeping->start();
            }
            m_log = std::move(log);
        },
        Qt::BlockingQueuedConnection);
    return opened;
}

void ThreadedCheckIn::checkIn(const CheckInService::Request& request, CheckedIn done)
{
    QMetaObject::invokeMethod(m_context, [this, request, done = std::move(done)] {
        const Result<CheckInService::Outcome> outcome =
            m_log ? m_log->records->service().checkIn(request)
                  : Result<CheckInService::Outcome>(
                        Error(Error::Kind::Failed, tr("The entry log is not open: nothing was recorded.")));
        // Back on the GUI thread (this object's), in order.
        QMetaObject::invokeMethod(
            this, [done, outcome] { done(outcome); }, Qt::QueuedConnection);
    });
}

void ThreadedCheckIn::checkOutPerson(const QString& idNumber, Entry::CheckoutKind kind, CheckedOut done)
{
    QMetaObject::invokeMethod(m_context, [this, idNumber, kind, done = std::move(done)] {
        const Result<Entry> left =
            m_log ? m_log->records->service().checkOutPerson(idNumber, kind)
                  : Result<Entry>(Error(Error::Kind::Failed, tr("The entry log is not open: nothing was recorded.")));
        QMetaObject::invokeMethod(
            this, [done, left] { done(left); }, Qt::QueuedConnection);
    });
}
