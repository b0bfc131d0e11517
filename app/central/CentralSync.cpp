// The kiosk's link to the central store, on its own thread.
#include "central/CentralSync.h"

#include "central/CentralSyncWorker.h"

CentralSync::CentralSync(OutboxSender::Config config, QString databasePath, const Clock& clock, int intervalSeconds,
                         QObject* parent)
    : QObject(parent),
      m_worker(new CentralSyncWorker(std::move(config), std::move(databasePath), clock, intervalSeconds))
{
    qRegisterMetaType<CentralSync::State>();
    m_thread.adopt(m_worker);
    connect(m_worker, &CentralSyncWorker::stateChanged, this, &CentralSync::stateChanged, Qt::QueuedConnection);
}

CentralSync::~CentralSync()
{
    stop();
}

void CentralSync::start()
{
    if (m_thread.isRunning() || !m_worker)
        return;
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, &CentralSyncWorker::open, Qt::QueuedConnection);
}

void CentralSync::stop()
{
    if (!m_thread.isRunning())
        return;
    // The worker's database and connection are closed on the thread that opened them.
    m_thread.stop([worker = m_worker] { worker->close(); });
    m_worker = nullptr; // deleted as the thread ended
}

void CentralSync::sendSoon()
{
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, &CentralSyncWorker::round, Qt::QueuedConnection);
}
