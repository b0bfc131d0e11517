// One frame as its luminance plane.
#include "qr/LumaFrame.h"

#include <QImage>
#include <QVideoFrame>

#include <cstring>

namespace {
// Copies a plane of 8-bit samples taking every `step`th byte from `offset`, so packed YUV
// (YUYV: Y at 0, step 2; UYVY: Y at 1, step 2) and planar formats share one path.
LumaFrame copyPlane(const uchar* bits, int bytesPerLine, int width, int height, int offset, int step)
{
    LumaFrame frame;
    frame.width = width;
    frame.height = height;
    frame.stride = width;
    frame.pixels.resize(qsizetype(width) * height);
    auto* out = reinterpret_cast<uchar*>(frame.pixels.data());
    for (int y = 0; y < height; ++y) {
        const uchar* row = bits + qsizetype(y) * bytesPerLine + offset;
        uchar* target = out + qsizetype(y) * width;
        if (step == 1) {
            std::memcpy(target, row, size_t(width));
        } else {
            for (int x = 0; x < width; ++x)
                target[x] = row[x * step];
        }
    }
    return frame;
}
} // namespace

LumaFrame LumaFrame::fromVideoFrame(const QVideoFrame& source, qint64 timeMs)
{
    QVideoFrame frame(source);
    if (!frame.isValid() || !frame.map(QVideoFrame::ReadOnly))
        return {};
    LumaFrame luma;
    const int width = frame.width();
    const int height = frame.height();
    switch (frame.pixelFormat()) {
    case QVideoFrameFormat::Format_NV12:
    case QVideoFrameFormat::Format_NV21:
    case QVideoFrameFormat::Format_YUV420P:
    case QVideoFrameFormat::Format_YUV422P:
    case QVideoFrameFormat::Format_YV12:
    case QVideoFrameFormat::Format_IMC1:
    case QVideoFrameFormat::Format_IMC2:
    case QVideoFrameFormat::Format_IMC3:
    case QVideoFrameFormat::Format_IMC4:
    case QVideoFrameFormat::Format_Y8:
        luma = copyPlane(frame.bits(0), frame.bytesPerLine(0), width, height, 0, 1);
        break;
    case QVideoFrameFormat::Format_YUYV:
        luma = copyPlane(frame.bits(0), frame.bytesPerLine(0), width, height, 0, 2);
        break;
    case QVideoFrameFormat::Format_UYVY:
        luma = copyPlane(frame.bits(0), frame.bytesPerLine(0), width, height, 1, 2);
        break;
    case QVideoFrameFormat::Format_P010:
    case QVideoFrameFormat::Format_P016:
    case QVideoFrameFormat::Format_Y16:
        // 16-bit little-endian samples: the high byte is the 8-bit luminance.
        luma = copyPlane(frame.bits(0), frame.bytesPerLine(0), width, height, 1, 2);
        break;
    default:
        // RGB and compressed formats: let Qt convert, then take luminance.
        frame.unmap();
        return fromImage(frame.toImage(), timeMs);
    }
    frame.unmap();
    luma.timeMs = timeMs;
    return luma;
}

LumaFrame LumaFrame::fromImage(const QImage& image, qint64 timeMs)
{
    if (image.isNull())
        return {};
    const QImage gray =
        image.format() == QImage::Format_Grayscale8 ? image : image.convertToFormat(QImage::Format_Grayscale8);
    LumaFrame luma = copyPlane(gray.constBits(), int(gray.bytesPerLine()), gray.width(), gray.height(), 0, 1);
    luma.timeMs = timeMs;
    return luma;
}
