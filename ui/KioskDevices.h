// What feeds the kiosk's flow: the Bluetooth scanner (adverts -> PresenceTracker -> the app
// verified, on a thread of its own: ble/PresenceThread.h), the camera (frames -> QrDecoder on its
// worker -> codes) and a USB QR scanner (keys -> HidScannerInput -> codes). On a site, the real
// devices; in demo mode, a lobby capture replayed in a loop and one short QR clip per demo
// visitor, played when the kiosk has been idle a while, so that visitors come and go on screen.
// Sources are injected behind their interfaces: the flow never knows which it hears.
#pragma once

#include "ble/PresenceThread.h"
#include "qr/QrDecoder.h"

#include <QImage>
#include <QObject>
#include <QPolygon>
#include <QSize>
#include <QStringList>

#include <memory>

class Clock;
class FrameSource;
class HidScannerInput;
class KioskFlow;
class QTimer;

class KioskDevices : public QObject
{
    Q_OBJECT

public:
    // The demo's data: a capture file and the QR clips, one visitor each.
    struct Demo
    {
        QString capture;
        QStringList clips;
        qint64 idleBeforeNextMs = 4000; // the pause on the idle screen before the next visitor
    };

    KioskDevices(KioskFlow& flow, const Clock& clock, AppProfileTable profiles, PresenceTracker::Config presence,
                 QObject* parent = nullptr);
    ~KioskDevices() override;

    // The site's hardware: the adapter (empty: the default one) and the camera (empty: the default).
    void startHardware(const QString& cameraName, const QString& adapterAddress);
    // Demo mode.
    void startDemo(const Demo& demo);
    // Any sources (benchmarks, tests, a site's own): adverts are made on the scanning thread by
    // the factory; the frame source is taken over (and replaces the camera there was).
    void start(const PresenceThread::SourceFactory& adverts, FrameSource* frames);

    // While true (the identify screen is up), viewfinderFrame() brings what the camera sees.
    void setViewfinderWanted(bool wanted) { m_viewfinderWanted = wanted; }
    // A viewfinder picture at most this often, this wide: enough to aim by, and a fraction of a
    // millisecond of the GUI thread each (LumaFrame::preview).
    static constexpr qint64 ViewfinderIntervalMs = 125;
    static constexpr int ViewfinderWidth = 480;

signals:
    // A small grey picture of the latest frame (frameSize: the frame's own size).
    void viewfinderFrame(const QImage& picture, QSize frameSize);
    // A code was read there (frame pixels), just before the flow hears it.
    void codeSeen(const QPolygon& corners, QSize frameSize);
    // A device's problem, as a sentence for the status line and the log.
    void problem(const QString& sentence);
    // The live indicator: whether Bluetooth adverts and camera frames are arriving; sent when
    // it changes (an error stops it, the next advert or frame starts it again).
    void bluetoothWorking(bool working);
    void cameraWorking(bool working);

private:
    void useFrames(FrameSource* source);
    void nextDemoVisitor();

    KioskFlow& m_flow;
    const Clock& m_clock;
    PresenceThread m_presence;
    QrDecoder m_decoder;
    HidScannerInput* m_scanner = nullptr;
    FrameSource* m_frames = nullptr;
    QTimer* m_nextVisitor = nullptr; // demo mode only
    Demo m_demo;
    int m_nextClip = 0;
    bool m_cameraWorking = false;
    bool m_viewfinderWanted = false;
    qint64 m_lastPreviewMs = -ViewfinderIntervalMs;
    QSize m_frameSize; // of the latest frame, for where a code was seen
};
