// Reads tracing apps' identifiers over GATT, on a thread of its own.
#include "ble/GattIdReader.h"

#include "ble/BluetoothStack.h"
#include "ble/GattRead.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QTimer>

#include <deque>

namespace {
// A request that waited this long behind others is dropped unread: a phone walks past the kiosk
// in less time, and one still there is asked for again (PresenceTracker).
constexpr qint64 STALE_AFTER_MS = 30000;
} // namespace

class GattIdReader::Worker : public QObject
{
    Q_OBJECT

public:
    // The timer is a child, so that it moves to the reader's thread with the worker.
    Worker(const QBluetoothAddress& adapter, Config config) : m_adapter(adapter), m_config(config), m_retry(this)
    {
        m_retry.setSingleShot(true);
        connect(&m_retry, &QTimer::timeout, this, &Worker::next);
    }

    void request(quint64 address, const QList<AppProfile::GattId>& where)
    {
        if (m_reading.contains(address) ||
            std::any_of(m_queue.cbegin(), m_queue.cend(), [address](const Request& r) { return r.address == address; }))
            return;
        m_queue.push_back({address, where, QDeadlineTimer(STALE_AFTER_MS)});
        next();
    }

signals:
    void done(quint64 address, const QByteArray& appId);

private:
    struct Request
    {
        quint64 address = 0;
        QList<AppProfile::GattId> where;
        QDeadlineTimer stale; // still queued by then: the phone has most likely gone
    };

    // Starts what may start: a free slot, and the first queued phone not resting after a failure.
    void next()
    {
        qint64 soonestMs = -1;
        for (auto it = m_queue.begin(); it != m_queue.end() && m_reading.size() < m_config.parallel;) {
            if (it->stale.hasExpired()) {
                const quint64 address = it->address;
                it = m_queue.erase(it);
                emit done(address, {}); // not read: asked again if it is still there
                continue;
            }
            const auto rest = m_resting.constFind(it->address);
            if (rest != m_resting.cend() && !rest->hasExpired()) {
                const qint64 left = rest->remainingTime();
                soonestMs = soonestMs < 0 ? left : std::min(soonestMs, left);
                ++it;
                continue;
            }
            m_resting.remove(it->address);
            auto* read = new GattRead(it->address, it->where, m_adapter, m_config.timeoutMs, this);
            m_reading.insert(it->address, read);
            connect(read, &GattRead::finished, this, &Worker::finished);
            it = m_queue.erase(it);
            read->start();
        }
        if (soonestMs >= 0 && (!m_retry.isActive() || m_retry.remainingTime() > soonestMs))
            m_retry.start(int(soonestMs) + 1);
    }

    void finished(quint64 address, const QByteArray& value)
    {
        if (GattRead* read = m_reading.take(address))
            read->deleteLater();
        if (value.isEmpty())
            m_resting.insert(address, QDeadlineTimer(m_config.retryAfterMs));
        // A lobby's passers-by never come back: forget rests long over.
        if (m_resting.size() > 4096)
            m_resting.removeIf([](const auto& entry) { return entry.value().hasExpired(); });
        emit done(address, value);
        next();
    }

    QBluetoothAddress m_adapter;
    Config m_config;
    std::deque<Request> m_queue;
    QHash<quint64, GattRead*> m_reading;
    QHash<quint64, QDeadlineTimer> m_resting;
    QTimer m_retry;
};

GattIdReader::GattIdReader(const QBluetoothAddress& adapter, QObject* parent) : GattIdReader(adapter, Config(), parent)
{}

GattIdReader::GattIdReader(const QBluetoothAddress& adapter, Config config, QObject* parent) : QObject(parent)
{
    BluetoothStack::chooseDbusGatt(); // before the first controller: Qt decides once
    m_thread.setObjectName(QStringLiteral("gatehouse-gatt"));
    m_worker = new Worker(adapter, config);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    // Queued to whoever listens, on their thread.
    connect(m_worker, &Worker::done, this, &GattIdReader::idRead);
    m_thread.start();
}

GattIdReader::~GattIdReader()
{
    // The reads still open are closed on their own thread (their controllers live there).
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { qDeleteAll(worker->findChildren<GattRead*>(Qt::FindDirectChildrenOnly)); },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void GattIdReader::request(quint64 address, const AppProfile& profile)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, address, where = profile.gattIds] { worker->request(address, where); });
}

#include "GattIdReader.moc"
