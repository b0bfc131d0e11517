// Frames from still images.
#include "qr/ImageSource.h"

#include <QImageReader>
#include <QTimer>

ImageSource::ImageSource(QStringList paths, const Clock& clock, QObject* parent)
    : FrameSource(parent), m_paths(std::move(paths)), m_clock(clock)
{}

Result<LumaFrame> ImageSource::read(const QString& path, qint64 timeMs)
{
    QImageReader reader(path);
    // Phones and cameras write rotation into EXIF; honour it as a viewer would.
    reader.setAutoTransform(true);
    const QImage image = reader.read();
    if (image.isNull()) {
        return Error(Error::Kind::Input, QCoreApplication::translate("ImageSource", "The image %1 cannot be read (%2).")
                                             .arg(path, reader.errorString()));
    }
    return LumaFrame::fromImage(image, timeMs);
}

void ImageSource::start()
{
    m_running = true;
    m_index = 0;
    QTimer::singleShot(0, this, &ImageSource::next);
}

void ImageSource::stop()
{
    m_running = false;
}

void ImageSource::next()
{
    if (!m_running)
        return;
    if (m_index >= m_paths.size()) {
        m_running = false;
        emit finished();
        return;
    }
    auto frame = read(m_paths[m_index++], m_clock.monotonicMs());
    if (frame)
        emit frameArrived(frame.value());
    else
        emit errorOccurred(frame.error());
    QTimer::singleShot(0, this, &ImageSource::next);
}
