// The kiosk's one writer: a thread of its own that opens the entry log (its own SQLite
// connection: Qt SQL connections belong to the thread that made them), runs the CheckInService
// and the site's housekeeping there, and answers on the GUI thread through queued calls. A slow
// disk or a database held by a backup then delays a result, never a repaint or a scan.
#pragma once

#include "checkin/CheckInGateway.h"
#include "common/WorkerThread.h"

#include <QObject>

#include <memory>

class ThreadedCheckIn final : public QObject, public CheckInGateway
{
    Q_OBJECT

public:
    ThreadedCheckIn(Site site, const Clock& clock, QObject* parent = nullptr);
    ~ThreadedCheckIn() override;

    // Opens the database at path on the writer thread and waits for it (start-up only: the
    // kiosk says why it cannot start). housekeeping: retention and closing time run there too.
    [[nodiscard]] Result<void> open(const QString& path, bool housekeeping);

    const Site& site() const override { return m_site; }
    // The site's rules anew, here and on the writer (CheckInService::setSite).
    void setSite(const Site& site);
    void checkIn(const CheckInService::Request& request, CheckedIn done) override;
    void checkOutPerson(const QString& idNumber, Entry::CheckoutKind kind, CheckedOut done) override;
    void checkOutTyped(const QString& idNumber, CheckedOutTyped done) override;
    void admitRefused(const CheckInService::Request& request, const QString& account, const QString& pin,
                      CheckedIn done) override;
    void receptionists(Names done) override;

signals:
    // A problem of the writer's own (housekeeping), as a sentence.
    void problem(const QString& sentence);

private:
    struct Log; // lives and dies on the writer thread

    // Runs work(service) on the writer thread and hands its result to done on this object's
    // thread; without an open log, done hears that nothing was recorded.
    template <typename T>
    void onWriter(std::function<Result<T>(CheckInService&)> work, std::function<void(const Result<T>&)> done);

    Site m_site;
    const Clock& m_clock;
    std::unique_ptr<Log> m_log; // opened and closed on m_thread
    WorkerThread m_thread{QStringLiteral("gatehouse-writer")};
};
