// A thread of Gatehouse's own.
#include "common/WorkerThread.h"

WorkerThread::WorkerThread(const QString& name, bool startNow, QThread::Priority priority)
    : m_priority(priority), m_context(new QObject)
{
    m_thread.setObjectName(name);
    m_context->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    if (startNow)
        start();
}

WorkerThread::~WorkerThread()
{
    stop();
    // Never started: the context and what it adopted have no thread to delete them.
    delete m_context;
}

void WorkerThread::start()
{
    if (!m_thread.isRunning() && m_context)
        m_thread.start(m_priority);
}

void WorkerThread::adopt(QObject* object)
{
    // A child of the context: deleted with it, on the thread as it ends, or here if it never ran.
    object->moveToThread(&m_thread);
    object->setParent(m_context);
}

void WorkerThread::post(std::function<void()> work) const
{
    if (m_context)
        QMetaObject::invokeMethod(m_context, std::move(work), Qt::QueuedConnection);
}

void WorkerThread::run(const std::function<void()>& work) const
{
    if (m_thread.isRunning())
        QMetaObject::invokeMethod(m_context, work, Qt::BlockingQueuedConnection);
}

void WorkerThread::stop(const std::function<void()>& last)
{
    if (!m_thread.isRunning())
        return;
    if (last)
        run(last);
    m_thread.quit();
    m_thread.wait();
    m_context = nullptr; // deleted as the thread finished
}
