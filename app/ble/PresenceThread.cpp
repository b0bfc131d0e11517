// Scanning off the GUI thread.
#include "ble/PresenceThread.h"

#include "ble/GattIdReader.h"
#include "ble/QtBluetoothSource.h"
#include "common/Clock.h"
#include "common/Logging.h"

#include <QTimer>

struct PresenceThread::Scan
{
    std::unique_ptr<PresenceTracker> tracker;
    std::unique_ptr<AdvertisementSource> source;
    std::unique_ptr<GattIdReader> gatt;
    std::unique_ptr<QTimer> tick;
    bool working = false;
};

PresenceThread::PresenceThread(AppProfileTable profiles, PresenceTracker::Config config, const Clock& clock,
                               QObject* parent)
    : QObject(parent), m_profiles(std::move(profiles)), m_config(config), m_clock(clock)
{
    m_thread.setObjectName(QStringLiteral("gatehouse-scanner"));
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
}

PresenceThread::~PresenceThread()
{
    QMetaObject::invokeMethod(
        m_context,
        [this] {
            if (m_scan && m_scan->source)
                m_scan->source->stop();
            m_scan.reset();
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void PresenceThread::start(SourceFactory make, bool loop)
{
    QMetaObject::invokeMethod(m_context, [this, make = std::move(make), loop] {
        m_scan = std::make_unique<Scan>();
        Scan& scan = *m_scan;
        scan.tracker = std::make_unique<PresenceTracker>(m_profiles, m_config);
        scan.source.reset(make());
        // Signals of this object are sent from the scanning thread: queued to the GUI's receivers.
        connect(scan.tracker.get(), &PresenceTracker::verified, this, &PresenceThread::verified);
        connect(scan.source.get(), &AdvertisementSource::advertisementReceived, m_context,
                [this](const Advertisement& advert) {
                    m_scan->tracker->feed(advert);
                    if (!std::exchange(m_scan->working, true))
                        emit working(true);
                });
        connect(scan.source.get(), &AdvertisementSource::errorOccurred, m_context, [this](const Error& error) {
            qCWarning(lcBle).noquote() << error.message();
            emit problem(error.message());
            if (std::exchange(m_scan->working, false))
                emit working(false);
        });
        if (auto* bluetooth = qobject_cast<QtBluetoothSource*>(scan.source.get())) {
            // iOS phones in the background hide their app behind Apple's overflow area: their ID
            // is read over GATT before they count (ble/GattIdReader.h).
            scan.gatt = std::make_unique<GattIdReader>();
            connect(scan.tracker.get(), &PresenceTracker::confirmationWanted, m_context,
                    [this, bluetooth](quint64 address, const AppProfile& profile) {
                        m_scan->gatt->request(bluetooth->deviceInfo(address), profile);
                    });
            connect(scan.gatt.get(), &GattIdReader::idRead, scan.tracker.get(), &PresenceTracker::confirm);
            // Live scans stamp epoch times: phones that went quiet leave by the clock.
            scan.tick = std::make_unique<QTimer>();
            connect(scan.tick.get(), &QTimer::timeout, m_context,
                    [this] { m_scan->tracker->advanceTo(m_clock.now().toMSecsSinceEpoch()); });
            scan.tick->start(500);
        }
        if (loop) {
            connect(scan.source.get(), &AdvertisementSource::finished, m_context, [this, make, loop] {
                // Not from inside the source's own signal: the next turn of the loop replaces it.
                QTimer::singleShot(0, m_context, [this, make, loop] { start(make, loop); });
            });
        }
        scan.source->start();
    });
}
