// Frames from a video file, played through Qt Multimedia.
#include "qr/ClipSource.h"

#include <QFileInfo>
#include <QUrl>

ClipSource::ClipSource(QString path, const Clock& clock, double rate, bool loop, QObject* parent)
    : FrameSource(parent), m_path(std::move(path)), m_clock(clock)
{
    m_player.setVideoSink(&m_sink);
    m_player.setPlaybackRate(rate);
    m_player.setLoops(loop ? QMediaPlayer::Infinite : QMediaPlayer::Once);
    connect(&m_sink, &QVideoSink::videoFrameChanged, this, [this](const QVideoFrame& frame) {
        if (!m_running)
            return;
        const LumaFrame luma = LumaFrame::fromVideoFrame(frame, m_clock.monotonicMs());
        if (luma.isNull())
            return;
        ++m_frames;
        emit frameArrived(luma);
    });
    connect(&m_player, &QMediaPlayer::mediaStatusChanged, this, &ClipSource::onStatus);
    connect(&m_player, &QMediaPlayer::errorOccurred, this, [this](QMediaPlayer::Error, const QString& message) {
        if (!m_running)
            return;
        m_running = false;
        emit errorOccurred(Error(Error::Kind::Input, tr("The video %1 cannot be played (%2).").arg(m_path, message)));
        emit finished();
    });
}

void ClipSource::start()
{
    if (!QFileInfo::exists(m_path)) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                emit errorOccurred(Error(Error::Kind::Input, tr("The video %1 does not exist.").arg(m_path)));
                emit finished();
            },
            Qt::QueuedConnection);
        return;
    }
    m_running = true;
    m_frames = 0;
    m_player.setSource(QUrl::fromLocalFile(QFileInfo(m_path).absoluteFilePath()));
    m_player.play();
}

void ClipSource::stop()
{
    m_running = false;
    m_player.stop();
}

void ClipSource::onStatus(QMediaPlayer::MediaStatus status)
{
    if (!m_running)
        return;
    if (status == QMediaPlayer::EndOfMedia) {
        m_running = false;
        if (m_frames == 0)
            emit errorOccurred(Error(Error::Kind::Input, tr("The video %1 has no frames.").arg(m_path)));
        emit finished();
    } else if (status == QMediaPlayer::InvalidMedia) {
        m_running = false;
        emit errorOccurred(Error(Error::Kind::Input, tr("The file %1 is not a video Gatehouse can play.").arg(m_path)));
        emit finished();
    }
}
