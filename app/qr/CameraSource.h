// Frames from the kiosk's camera: QCamera -> QMediaCaptureSession -> QVideoSink. Picks the
// camera named in the settings (or the default one), and recovers when it is unplugged and
// plugged back in.
#pragma once

#include "common/Clock.h"
#include "qr/FrameSource.h"

#include <QCamera>
#include <QMediaCaptureSession>
#include <QMediaDevices>
#include <QVideoSink>

#include <memory>

class CameraSource : public FrameSource
{
    Q_OBJECT

public:
    // cameraName: the description (or id) of the camera to use; empty for the system default.
    CameraSource(QString cameraName, const Clock& clock, QObject* parent = nullptr);
    ~CameraSource() override;

    void start() override;
    void stop() override;
    bool isActive() const;
    QString cameraDescription() const;

    // The camera that cameraName names among devices, or a null device.
    static QCameraDevice find(const QString& cameraName, const QList<QCameraDevice>& devices);

private:
    void open();
    void onDevicesChanged();

    QString m_cameraName;
    const Clock& m_clock;
    QMediaDevices m_devices;
    QMediaCaptureSession m_session;
    QVideoSink m_sink;
    std::unique_ptr<QCamera> m_camera;
    QByteArray m_cameraId;
    bool m_wanted = false;
};
