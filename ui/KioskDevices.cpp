// What feeds the kiosk's flow.
#include "KioskDevices.h"

#include "ble/GattIdReader.h"
#include "ble/QtBluetoothSource.h"
#include "ble/ReplaySource.h"
#include "checkin/KioskFlow.h"
#include "common/Clock.h"
#include "common/Logging.h"
#include "qr/CameraSource.h"
#include "qr/ClipSource.h"
#include "qr/HidScannerInput.h"

#include <QCoreApplication>
#include <QTimer>

KioskDevices::KioskDevices(KioskFlow& flow, const Clock& clock, AppProfileTable profiles,
                           PresenceTracker::Config presence, QObject* parent)
    : QObject(parent), m_flow(flow), m_clock(clock), m_profiles(std::move(profiles)), m_presence(presence),
      m_decoder(clock)
{
    resetTracker();
    connect(&m_decoder, &QrDecoder::codeFound, &m_flow,
            [this](const QrCode& code, qint64) { m_flow.codeScanned(code.text); });
    // A USB scanner types its code wherever the focus is; the filter takes the burst first.
    m_scanner = new HidScannerInput(clock, this);
    QCoreApplication::instance()->installEventFilter(m_scanner);
    connect(m_scanner, &HidScannerInput::scanned, &m_flow, &KioskFlow::codeScanned);
    m_tick = new QTimer(this);
    m_tick->setInterval(500);
    m_tick->start();
}

KioskDevices::~KioskDevices()
{
    if (m_adverts)
        m_adverts->stop();
    if (m_frames)
        m_frames->stop();
    m_decoder.waitForIdle(); // the worker must not report into a flow that is going away
}

void KioskDevices::resetTracker()
{
    m_tracker = std::make_unique<PresenceTracker>(m_profiles, m_presence);
    connect(m_tracker.get(), &PresenceTracker::verified, &m_flow, &KioskFlow::appVerified);
}

void KioskDevices::useAdvertisements(AdvertisementSource* source)
{
    m_adverts = source;
    connect(source, &AdvertisementSource::advertisementReceived, this, [this](const Advertisement& advert) {
        m_tracker->feed(advert);
        if (!std::exchange(m_bluetoothWorking, true))
            emit bluetoothWorking(true);
    });
    connect(source, &AdvertisementSource::errorOccurred, this, [this](const Error& error) {
        qCWarning(lcBle).noquote() << error.message();
        emit problem(error.message());
        if (std::exchange(m_bluetoothWorking, false))
            emit bluetoothWorking(false);
    });
}

void KioskDevices::useFrames(FrameSource* source)
{
    m_frames = source;
    connect(source, &FrameSource::frameArrived, &m_decoder, &QrDecoder::submit);
    connect(source, &FrameSource::frameArrived, this, [this] {
        if (!std::exchange(m_cameraWorking, true))
            emit cameraWorking(true);
    });
    connect(source, &FrameSource::errorOccurred, this, [this](const Error& error) {
        qCWarning(lcQr).noquote() << error.message();
        emit problem(error.message());
        if (std::exchange(m_cameraWorking, false))
            emit cameraWorking(false);
    });
}

void KioskDevices::startHardware(const QString& cameraName, const QString& adapterAddress)
{
    auto* bluetooth = new QtBluetoothSource(QBluetoothAddress(adapterAddress), m_clock, this);
    useAdvertisements(bluetooth);
    // iOS phones in the background hide their app behind Apple's overflow area: their ID is read
    // over GATT before they count (ble/GattIdReader.h).
    m_gatt = new GattIdReader(GattIdReader::DEFAULT_TIMEOUT_MS, this);
    connect(m_tracker.get(), &PresenceTracker::confirmationWanted, m_gatt,
            [this, bluetooth](quint64 address, const AppProfile& profile) {
                m_gatt->request(bluetooth->deviceInfo(address), profile);
            });
    connect(m_gatt, &GattIdReader::idRead, m_tracker.get(), &PresenceTracker::confirm);
    connect(m_tick, &QTimer::timeout, this, [this] { m_tracker->advanceTo(m_clock.now().toMSecsSinceEpoch()); });
    bluetooth->start();
    auto* camera = new CameraSource(cameraName, m_clock, this);
    useFrames(camera);
    camera->start();
}

void KioskDevices::startDemo(const Demo& demo)
{
    m_demo = demo;
    if (!m_demo.capture.isEmpty())
        replayLobby();
    if (m_demo.clips.isEmpty())
        return;
    connect(m_tick, &QTimer::timeout, this, [this] {
        if (m_flow.state() != KioskFlow::State::Idle) {
            m_idleSinceMs = -1;
            return;
        }
        const qint64 now = m_clock.monotonicMs();
        if (m_idleSinceMs < 0)
            m_idleSinceMs = now;
        if (now - m_idleSinceMs >= m_demo.idleBeforeNextMs) {
            m_idleSinceMs = -1;
            nextDemoVisitor();
        }
    });
}

void KioskDevices::start(AdvertisementSource* adverts, FrameSource* frames)
{
    if (adverts) {
        adverts->setParent(this);
        useAdvertisements(adverts);
        adverts->start();
    }
    if (frames) {
        if (m_frames) { // one camera at a time
            m_frames->stop();
            m_frames->deleteLater();
        }
        frames->setParent(this);
        useFrames(frames);
        frames->start();
    }
}

void KioskDevices::replayLobby()
{
    // The capture's times are its own and start over with every loop: so does the tracker, and
    // the lobby never empties.
    auto* source = new ReplaySource(m_demo.capture, 1.0, m_clock, this);
    useAdvertisements(source);
    connect(source, &AdvertisementSource::finished, this, [this, source] {
        source->deleteLater();
        m_adverts = nullptr;
        QTimer::singleShot(0, this, [this] {
            resetTracker();
            replayLobby();
        });
    });
    source->start();
}

void KioskDevices::nextDemoVisitor()
{
    if (m_frames) {
        m_frames->stop();
        m_frames->deleteLater();
        m_frames = nullptr;
    }
    auto* clip = new ClipSource(m_demo.clips[m_nextClip], m_clock, 1.0, false, this);
    m_nextClip = (m_nextClip + 1) % int(m_demo.clips.size());
    useFrames(clip);
    clip->start();
}
