// The kiosk's one writer.
#include "records/ThreadedCheckIn.h"

#include "checkin/Housekeeping.h"
#include "records/SiteRecords.h"

struct ThreadedCheckIn::Log
{
    std::unique_ptr<SiteRecords> records;
    std::unique_ptr<Housekeeping> housekeeping;
};

ThreadedCheckIn::ThreadedCheckIn(Site site, const Clock& clock, QObject* parent)
    : QObject(parent), m_site(std::move(site)), m_clock(clock)
{}

ThreadedCheckIn::~ThreadedCheckIn()
{
    // The log closes on the thread that opened it; then the thread ends.
    m_thread.stop([this] { m_log.reset(); });
}

Result<void> ThreadedCheckIn::open(const QString& path, bool housekeeping)
{
    Result<void> opened;
    m_thread.run([&] {
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
    });
    return opened;
}

void ThreadedCheckIn::setSite(const Site& site)
{
    const QString id = m_site.id;
    m_site = site;
    m_site.id = id;
    m_thread.post([this, site] {
        if (m_log)
            m_log->records->service().setSite(site);
    });
}

template <typename T>
void ThreadedCheckIn::onWriter(std::function<Result<T>(CheckInService&)> work,
                               std::function<void(const Result<T>&)> done)
{
    m_thread.post([this, work = std::move(work), done = std::move(done)] {
        const Result<T> result =
            m_log ? work(m_log->records->service())
                  : Result<T>(Error(Error::Kind::Failed, tr("The entry log is not open: nothing was recorded.")));
        // Back on the GUI thread (this object's), in order.
        WorkerThread::answer(this, [done, result] { done(result); });
    });
}

void ThreadedCheckIn::checkIn(const CheckInService::Request& request, CheckedIn done)
{
    onWriter<CheckInService::Outcome>([request](CheckInService& service) { return service.checkIn(request); },
                                      std::move(done));
}

void ThreadedCheckIn::checkOutPerson(const QString& idNumber, Entry::CheckoutKind kind, CheckedOut done)
{
    onWriter<Entry>([idNumber, kind](CheckInService& service) { return service.checkOutPerson(idNumber, kind); },
                    std::move(done));
}

void ThreadedCheckIn::checkOutTyped(const QString& idNumber, CheckedOutTyped done)
{
    onWriter<bool>([idNumber](CheckInService& service) { return service.checkOutTyped(idNumber); }, std::move(done));
}

void ThreadedCheckIn::admitRefused(const CheckInService::Request& request, const QString& account, const QString& pin,
                                   CheckedIn done)
{
    onWriter<CheckInService::Outcome>(
        [request, account, pin](CheckInService& service) { return service.admitRefused(request, account, pin); },
        std::move(done));
}

void ThreadedCheckIn::receptionists(Names done)
{
    onWriter<QStringList>([](CheckInService& service) { return service.receptionists(); }, std::move(done));
}
