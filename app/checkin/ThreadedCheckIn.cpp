// The kiosk's one writer.
#include "checkin/ThreadedCheckIn.h"

#include "checkin/Housekeeping.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/EntryLog.h"
#include "storage/StaffRoster.h"

struct ThreadedCheckIn::Log
{
    std::unique_ptr<Database> database;
    std::unique_ptr<EntryLog> entries;
    std::unique_ptr<AuditLog> audit;
    std::unique_ptr<StaffRoster> roster;
    std::unique_ptr<CheckInService> service;
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
            auto database = Database::open(path);
            if (!database) {
                opened = database.error();
                return;
            }
            auto log = std::make_unique<Log>();
            log->database = std::move(database.value());
            log->entries = std::make_unique<EntryLog>(*log->database);
            log->audit = std::make_unique<AuditLog>(*log->database);
            log->roster = std::make_unique<StaffRoster>(*log->database);
            log->service =
                std::make_unique<CheckInService>(m_site, *log->entries, *log->audit, m_clock, log->roster.get());
            if (housekeeping) {
                log->housekeeping = std::make_unique<Housekeeping>(*log->service, m_clock);
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
            m_log ? m_log->service->checkIn(request)
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
            m_log ? m_log->service->checkOutPerson(idNumber, kind)
                  : Result<Entry>(Error(Error::Kind::Failed, tr("The entry log is not open: nothing was recorded.")));
        QMetaObject::invokeMethod(
            this, [done, left] { done(left); }, Qt::QueuedConnection);
    });
}
