// Connections to the central store shared by threads.
#include "central/CentralPool.h"

#include <QDeadlineTimer>

CentralPool::CentralPool(QString uri, int size) : m_uri(std::move(uri)), m_size(size) {}

CentralPool::~CentralPool() = default;

Result<std::unique_ptr<CentralConnection>> CentralPool::borrow()
{
    QMutexLocker lock(&m_mutex);
    const QDeadlineTimer deadline(10000);
    while (m_idle.empty() && m_open >= m_size) {
        if (!m_returned.wait(&m_mutex, deadline))
            return Error(Error::Kind::Failed,
                         tr("The central store is busy: every connection is in use. Try again in a moment."));
    }
    if (!m_idle.empty()) {
        std::unique_ptr<CentralConnection> connection = std::move(m_idle.back());
        m_idle.pop_back();
        return connection;
    }
    ++m_open;
    lock.unlock(); // connecting takes a while; others may borrow meanwhile
    auto opened = CentralConnection::open(m_uri, {}, 5);
    if (!opened) {
        lock.relock();
        --m_open;
        m_returned.wakeOne();
        return opened.error();
    }
    return std::move(opened.value());
}

void CentralPool::giveBack(std::unique_ptr<CentralConnection> connection)
{
    QMutexLocker lock(&m_mutex);
    if (connection && connection->isOk())
        m_idle.push_back(std::move(connection));
    else
        --m_open; // broken (a restart, a failover): the next borrower opens a new one
    m_returned.wakeOne();
}

Result<void> CentralPool::use(const std::function<Result<void>(CentralConnection&)>& work)
{
    auto borrowed = borrow();
    if (!borrowed)
        return borrowed.error();
    std::unique_ptr<CentralConnection> connection = std::move(borrowed.value());
    Result<void> done = work(*connection);
    giveBack(std::move(connection));
    return done;
}

Result<void> CentralPool::asScope(const QString& role, const std::function<Result<void>(CentralConnection&)>& work)
{
    return use([&](CentralConnection& connection) -> Result<void> {
        // set_config('role', …, true) is SET LOCAL ROLE with the role as a parameter, never pasted.
        const auto begun = connection.exec(QStringLiteral("BEGIN"));
        if (!begun)
            return begun.error();
        const auto role_set = connection.exec(QStringLiteral("SELECT set_config('role', $1, true)"), {role});
        Result<void> done = role_set ? work(connection) : Result<void>(role_set.error());
        if (!done) {
            (void)connection.exec(QStringLiteral("ROLLBACK"));
            return done;
        }
        const auto committed = connection.exec(QStringLiteral("COMMIT"));
        if (!committed)
            return committed.error();
        return {};
    });
}
