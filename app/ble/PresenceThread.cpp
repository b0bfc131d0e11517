// Scanning off the GUI thread.
#include "ble/PresenceThread.h"

#include "ble/GattIdReader.h"
#include "ble/QtBluetoothSource.h"
#include "common/Clock.h"
#include "common/Logging.h"

#include <QTimer>

#include <limits>

namespace {
// How often time passes for a live tracker when no advert comes (a phone gone quiet leaves).
constexpr int TICK_MS = 500;
} // namespace

struct PresenceThread::Scan
{
    std::unique_ptr<PresenceTracker> tracker;
    std::unique_ptr<AdvertisementSource> source;
    std::unique_ptr<GattIdReader> gatt;
    std::unique_ptr<QTimer> tick;
    AdvertTap tap;
    bool working = false;
};

PresenceThread::PresenceThread(AppProfileTable profiles, PresenceTracker::Config config, const Clock& clock,
                               QObject* parent)
    : QObject(parent), m_profiles(std::move(profiles)), m_config(config), m_clock(clock)
{}

PresenceThread::~PresenceThread()
{
    m_thread.stop([this] {
        if (m_scan && m_scan->source)
            m_scan->source->stop();
        m_scan.reset();
    });
}

void PresenceThread::start(SourceFactory make, bool loop, AdvertTap tap)
{
    m_thread.post([this, make = std::move(make), loop, tap = std::move(tap)] {
        m_scan = std::make_unique<Scan>();
        Scan& scan = *m_scan;
        scan.source.reset(make());
        scan.tap = tap;
        auto* bluetooth = qobject_cast<QtBluetoothSource*>(scan.source.get());
        PresenceTracker::Config config = m_config;
        config.gattReads = bluetooth != nullptr;
        scan.tracker = std::make_unique<PresenceTracker>(m_profiles, config);
        // Signals of this object are sent from the scanning thread: queued to the GUI's receivers.
        connect(scan.tracker.get(), &PresenceTracker::verified, this, &PresenceThread::verified);
        connect(scan.tracker.get(), &PresenceTracker::left, this, &PresenceThread::left);
        const auto works = [this](bool works) {
            if (std::exchange(m_scan->working, works) != works)
                emit working(works);
        };
        connect(scan.source.get(), &AdvertisementSource::advertisementReceived, m_thread.context(),
                [this, works](const Advertisement& advert) {
                    if (m_scan->tap)
                        m_scan->tap(advert);
                    m_scan->tracker->feed(advert);
                    works(true);
                });
        connect(scan.source.get(), &AdvertisementSource::listening, m_thread.context(), [works] { works(true); });
        connect(scan.source.get(), &AdvertisementSource::errorOccurred, m_thread.context(),
                [this, works](const Error& error) {
                    qCWarning(lcBle).noquote() << error.message();
                    emit problem(error.message());
                    works(false);
                });
        if (bluetooth) {
            // iPhones' identifiers are read over GATT (ble/GattIdReader.h): in background only a
            // read proves Bluezone, in foreground it names the phone.
            scan.gatt = std::make_unique<GattIdReader>(bluetooth->adapter());
            connect(scan.tracker.get(), &PresenceTracker::readIdWanted, scan.gatt.get(), &GattIdReader::request);
            connect(scan.gatt.get(), &GattIdReader::idRead, scan.tracker.get(), &PresenceTracker::idRead);
            // Live scans stamp epoch times: phones that went quiet leave by the clock.
            scan.tick = std::make_unique<QTimer>();
            connect(scan.tick.get(), &QTimer::timeout, m_thread.context(),
                    [this] { m_scan->tracker->advanceTo(m_clock.now().toMSecsSinceEpoch()); });
            scan.tick->start(TICK_MS);
        }
        if (loop) {
            connect(scan.source.get(), &AdvertisementSource::finished, m_thread.context(), [this, make, loop, tap] {
                // Not from inside the source's own signal: the next turn of the loop replaces it.
                QTimer::singleShot(0, m_thread.context(), [this, make, loop, tap] { start(make, loop, tap); });
            });
        }
        scan.source->start();
    });
}

void PresenceThread::finish()
{
    m_thread.run([this] {
        if (!m_scan)
            return;
        m_scan->source->stop();
        if (m_scan->tick)
            m_scan->tick->stop();
        // A live scan ends now; a replay where its capture ends.
        m_scan->tracker->finish(m_scan->tick ? m_clock.now().toMSecsSinceEpoch() : std::numeric_limits<qint64>::min());
    });
}
