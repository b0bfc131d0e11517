// Writes frames as a Motion-JPEG AVI clip: how Gatehouse makes its own demo and test clips
// (a QR shown to the camera) without an encoder library; every player, and Qt Multimedia's
// FFmpeg backend, plays it.
#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QFile>
#include <QImage>
#include <QList>

class MjpegClipWriter
{
    Q_DECLARE_TR_FUNCTIONS(MjpegClipWriter)

public:
    [[nodiscard]] Result<void> open(const QString& path, QSize size, int framesPerSecond);
    // Appends image, scaled to the clip's size when it differs.
    [[nodiscard]] Result<void> add(const QImage& image, int quality = 85);
    // Writes the index and the final sizes; the clip is playable after this.
    [[nodiscard]] Result<void> close();

private:
    [[nodiscard]] Result<void> failed();

    QFile m_file;
    QSize m_size;
    int m_framesPerSecond = 25;
    QList<QPair<quint32, quint32>> m_index; // offset from 'movi', size
    qint64 m_moviStart = 0;
    quint32 m_largestFrame = 0;
};
