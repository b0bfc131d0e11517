// What feeds the kiosk's flow.
#include "KioskDevices.h"

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
    : QObject(parent), m_flow(flow), m_clock(clock), m_presence(std::move(profiles), presence, clock), m_decoder(clock)
{
    connect(&m_presence, &PresenceThread::verified, &m_flow, &KioskFlow::appVerified);
    connect(&m_presence, &PresenceThread::working, this, &KioskDevices::bluetoothWorking);
    connect(&m_presence, &PresenceThread::problem, this, &KioskDevices::problem);
    connect(&m_decoder, &QrDecoder::codeFound, &m_flow, [this](const QrCode& code, qint64) {
        emit codeSeen(code.corners, m_frameSize); // outlined before the screen moves on
        m_flow.codeScanned(code.text);
    });
    // A USB scanner types its code wherever the focus is; the filter takes the burst first.
    m_scanner = new HidScannerInput(clock, this);
    QCoreApplication::instance()->installEventFilter(m_scanner);
    connect(m_scanner, &HidScannerInput::scanned, &m_flow, &KioskFlow::codeScanned);
}

KioskDevices::~KioskDevices()
{
    if (m_frames)
        m_frames->stop();
    m_decoder.waitForIdle(); // the worker must not report into a flow that is going away
}

void KioskDevices::useFrames(FrameSource* source)
{
    m_frames = source;
    connect(source, &FrameSource::frameArrived, &m_decoder, &QrDecoder::submit);
    connect(source, &FrameSource::frameArrived, this, [this](const LumaFrame& frame) {
        if (!std::exchange(m_cameraWorking, true))
            emit cameraWorking(true);
        m_frameSize = QSize(frame.width, frame.height);
        const qint64 now = m_clock.monotonicMs();
        if (m_viewfinderWanted && now - m_lastPreviewMs >= ViewfinderIntervalMs) {
            m_lastPreviewMs = now;
            emit viewfinderFrame(frame.preview(ViewfinderWidth), m_frameSize);
        }
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
    const Clock& clock = m_clock;
    start([adapterAddress, &clock] { return new QtBluetoothSource(QBluetoothAddress(adapterAddress), clock); },
          new CameraSource(cameraName, m_clock));
}

void KioskDevices::startDemo(const Demo& demo)
{
    m_demo = demo;
    // The capture's times are its own and start over with every loop: so does the tracker, and
    // the lobby never empties.
    if (!m_demo.capture.isEmpty()) {
        const QString capture = m_demo.capture;
        const Clock& clock = m_clock;
        m_presence.start([capture, &clock] { return new ReplaySource(capture, 1.0, clock); }, true);
    }
    if (m_demo.clips.isEmpty())
        return;
    // The next visitor comes after the kiosk has stood idle a while; a clip nobody could read
    // (the flow stayed idle) is followed by the next one.
    m_nextVisitor = new QTimer(this);
    m_nextVisitor->setSingleShot(true);
    m_nextVisitor->setInterval(int(m_demo.idleBeforeNextMs));
    connect(m_nextVisitor, &QTimer::timeout, this, &KioskDevices::nextDemoVisitor);
    connect(&m_flow, &KioskFlow::stateChanged, m_nextVisitor, [this](KioskFlow::State state) {
        if (state == KioskFlow::State::Idle)
            m_nextVisitor->start();
        else
            m_nextVisitor->stop();
    });
    m_nextVisitor->start();
}

void KioskDevices::start(const PresenceThread::SourceFactory& adverts, FrameSource* frames)
{
    if (adverts)
        m_presence.start(adverts, false);
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

void KioskDevices::nextDemoVisitor()
{
    auto* clip = new ClipSource(m_demo.clips[m_nextClip], m_clock, 1.0, false);
    m_nextClip = (m_nextClip + 1) % int(m_demo.clips.size());
    connect(clip, &FrameSource::finished, this, [this] {
        if (m_flow.state() == KioskFlow::State::Idle)
            m_nextVisitor->start();
    });
    start({}, clip);
}
