// Frames from a video file, played through Qt Multimedia (QMediaPlayer -> QVideoSink): the
// kiosk's demo mode and the tests. With QT_MEDIA_BACKEND=ffmpeg it plays offscreen and honours
// the playback rate.
#pragma once

#include "common/Clock.h"
#include "qr/FrameSource.h"

#include <QCoreApplication>
#include <QMediaPlayer>
#include <QVideoSink>

class ClipSource : public FrameSource
{
    Q_OBJECT

public:
    ClipSource(QString path, const Clock& clock, double rate = 1.0, bool loop = false, QObject* parent = nullptr);

    void start() override;
    void stop() override;
    qint64 framesDelivered() const { return m_frames; }

private:
    void onStatus(QMediaPlayer::MediaStatus status);

    QString m_path;
    const Clock& m_clock;
    QMediaPlayer m_player;
    QVideoSink m_sink;
    qint64 m_frames = 0;
    bool m_running = false;
};
