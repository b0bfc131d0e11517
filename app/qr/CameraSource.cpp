// Frames from the kiosk's camera.
#include "qr/CameraSource.h"

#include "common/Logging.h"

#include <QCameraDevice>

CameraSource::CameraSource(QString cameraName, const Clock& clock, QObject* parent)
    : FrameSource(parent), m_cameraName(std::move(cameraName)), m_clock(clock)
{
    m_session.setVideoSink(&m_sink);
    connect(&m_sink, &QVideoSink::videoFrameChanged, this, [this](const QVideoFrame& frame) {
        const LumaFrame luma = LumaFrame::fromVideoFrame(frame, m_clock.monotonicMs());
        if (!luma.isNull())
            emit frameArrived(luma);
    });
    connect(&m_devices, &QMediaDevices::videoInputsChanged, this, &CameraSource::onDevicesChanged);
}

CameraSource::~CameraSource()
{
    if (m_camera)
        m_camera->stop();
}

QCameraDevice CameraSource::find(const QString& cameraName, const QList<QCameraDevice>& devices)
{
    if (cameraName.isEmpty()) {
        for (const QCameraDevice& device : devices) {
            if (device.isDefault())
                return device;
        }
        return devices.isEmpty() ? QCameraDevice() : devices.first();
    }
    for (const QCameraDevice& device : devices) {
        if (device.description() == cameraName || QString::fromUtf8(device.id()) == cameraName)
            return device;
    }
    return QCameraDevice();
}

void CameraSource::start()
{
    m_wanted = true;
    open();
}

void CameraSource::stop()
{
    m_wanted = false;
    if (m_camera)
        m_camera->stop();
}

bool CameraSource::isActive() const
{
    return m_camera && m_camera->isActive();
}

QString CameraSource::cameraDescription() const
{
    return m_camera ? m_camera->cameraDevice().description() : QString();
}

void CameraSource::open()
{
    const QCameraDevice device = find(m_cameraName, QMediaDevices::videoInputs());
    if (device.isNull()) {
        const QString sentence = m_cameraName.isEmpty()
                                     ? tr("No camera was found. Plug one in; Gatehouse starts it when it appears.")
                                     : tr("The camera \"%1\" was not found. Plug it in; Gatehouse starts it when it "
                                          "appears.")
                                           .arg(m_cameraName);
        // From the event loop, so a caller can start() before it listens.
        QMetaObject::invokeMethod(
            this, [this, sentence] { emit errorOccurred(Error(Error::Kind::Device, sentence)); }, Qt::QueuedConnection);
        return;
    }
    m_camera = std::make_unique<QCamera>(device);
    m_cameraId = device.id();
    connect(m_camera.get(), &QCamera::errorOccurred, this, [this](QCamera::Error, const QString& message) {
        emit errorOccurred(Error(Error::Kind::Device, tr("The camera stopped working (%1).").arg(message)));
    });
    m_session.setCamera(m_camera.get());
    m_camera->start();
    qCInfo(lcQr) << "camera started:" << device.description();
}

void CameraSource::onDevicesChanged()
{
    if (!m_wanted)
        return;
    const QList<QCameraDevice> devices = QMediaDevices::videoInputs();
    const bool present =
        std::any_of(devices.cbegin(), devices.cend(), [this](const QCameraDevice& d) { return d.id() == m_cameraId; });
    if (m_camera && !present) {
        // Unplugged: let go of it, say so, and wait for it (or another) to come back.
        m_session.setCamera(nullptr);
        m_camera.reset();
        emit errorOccurred(Error(Error::Kind::Device, tr("The camera was unplugged. Plug it back in; Gatehouse "
                                                         "starts it when it appears.")));
    } else if (!m_camera) {
        open();
    }
}
