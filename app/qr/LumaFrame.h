// One camera frame, or still image, as its luminance plane: all a QR decoder needs. Taken
// straight from the Y plane of YUV camera formats, so no RGB conversion happens on the way.
#pragma once

#include <QByteArray>

class QImage;
class QVideoFrame;

struct LumaFrame
{
    QByteArray pixels; // 8-bit luminance, row after row
    int width = 0;
    int height = 0;
    int stride = 0;    // bytes from one row to the next
    qint64 timeMs = 0; // when the frame arrived (Clock::monotonicMs())

    bool isNull() const { return width <= 0 || height <= 0 || pixels.size() < qsizetype(stride) * height; }

    // The Y plane of a video frame (NV12, NV21, YUV420P, YV12, YUV422P, YUYV, UYVY, Y8, Y16...);
    // RGB frames are reduced to luminance. A null frame when the format is unknown or the frame
    // cannot be mapped.
    static LumaFrame fromVideoFrame(const QVideoFrame& frame, qint64 timeMs = 0);
    static LumaFrame fromImage(const QImage& image, qint64 timeMs = 0);

    // A small grey picture of the frame for the viewfinder, at most maxWidth pixels wide (every
    // n-th pixel of every n-th row: a fraction of a millisecond for a 1280x720 frame, so that the
    // GUI thread can afford it several times a second). A null image for a null frame.
    QImage preview(int maxWidth) const;
};
