// The kiosk's link to the central store, on its own thread.
#include "central/CentralSync.h"

#include "central/CentralSyncWorker.h"

#include <QThread>

CentralSync::CentralSync(OutboxSender::Config config, QString databasePath, const Clock& clock, int intervalSeconds,
                         QObject* parent)
    : QObject(parent), m_thread(new QThread(this)),
      m_worker(new CentralSyncWorker(std::move(config), std::move(databasePath), clock, intervalSeconds))
{
    qRegisterMetaType<CentralSync::State>();
    m_thread->setObjectName(QStringLiteral("central-sync"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &CentralSyncWorker::stateChanged, this, &CentralSync::stateChanged, Qt::QueuedConnection);
}

CentralSync::~CentralSync()
{
    if (m_thread->isRunning())
        stop();
    else
        delete m_worker; // never started: it has no thread to delete it
}

void CentralSync::start()
{
    if (m_thread->isRunning())
        return;
    m_thread->start(QThread::LowPriority);
    QMetaObject::invokeMethod(m_worker, &CentralSyncWorker::open, Qt::QueuedConnection);
}

void CentralSync::stop()
{
    if (!m_thread->isRunning())
        return;
    // The worker's database and connection are closed on the thread that opened them.
    QMetaObject::invokeMethod(m_worker, &CentralSyncWorker::close, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    m_worker = nullptr; // deleted by the thread's finished()
}

void CentralSync::sendSoon()
{
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, &CentralSyncWorker::round, Qt::QueuedConnection);
}
