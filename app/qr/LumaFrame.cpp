// One frame as its luminance plane.
#include "qr/LumaFrame.h"

#include <QImage>
#include <QVideoFrame>

#include <algorithm>
#include <array>
#include <cstring>

namespace {
// ITU-R BT.601 luma weights in 10-bit fixed point, with rounding: what ZXing itself computes
// from RGB pixels (zxing-cpp RGBLuminanceSource.cpp).
int lumaOf(QRgb rgb)
{
    return (306 * qRed(rgb) + 601 * qGreen(rgb) + 117 * qBlue(rgb) + 0x200) >> 10;
}

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
    LumaFrame luma;
    switch (image.format()) {
    case QImage::Format_Grayscale8:
        luma = copyPlane(image.constBits(), int(image.bytesPerLine()), image.width(), image.height(), 0, 1);
        break;
    case QImage::Format_Indexed8: {
        // A palette image (many PNGs): map the palette once, then look each pixel up.
        std::array<uchar, 256> gray{};
        const QList<QRgb> colours = image.colorTable();
        for (qsizetype i = 0; i < colours.size() && i < 256; ++i)
            gray[size_t(i)] = uchar(lumaOf(colours[i]));
        luma = copyPlane(image.constBits(), int(image.bytesPerLine()), image.width(), image.height(), 0, 1);
        for (char& pixel : luma.pixels)
            pixel = char(gray[uchar(pixel)]);
        break;
    }
    default: {
        // QImage's own conversion to Grayscale8 goes through colour-space handling and costs
        // as much as decoding the QR; a direct weighted sum is all a decoder needs.
        const QImage rgb = image.format() == QImage::Format_RGB32 || image.format() == QImage::Format_ARGB32
                               ? image
                               : image.convertToFormat(QImage::Format_RGB32);
        luma.width = rgb.width();
        luma.height = rgb.height();
        luma.stride = rgb.width();
        luma.pixels.resize(qsizetype(luma.width) * luma.height);
        auto* out = reinterpret_cast<uchar*>(luma.pixels.data());
        for (int y = 0; y < luma.height; ++y) {
            const auto* row = reinterpret_cast<const QRgb*>(rgb.constScanLine(y));
            for (int x = 0; x < luma.width; ++x)
                out[qsizetype(y) * luma.width + x] = uchar(lumaOf(row[x]));
        }
        break;
    }
    }
    luma.timeMs = timeMs;
    return luma;
}

QImage LumaFrame::preview(int maxWidth) const
{
    if (isNull() || maxWidth <= 0)
        return {};
    const int step = std::max(1, (width + maxWidth - 1) / maxWidth);
    QImage picture(width / step, height / step, QImage::Format_Grayscale8);
    const auto* source = reinterpret_cast<const uchar*>(pixels.constData());
    for (int row = 0; row < picture.height(); ++row) {
        const uchar* from = source + qsizetype(row) * step * stride;
        uchar* to = picture.scanLine(row);
        for (int column = 0; column < picture.width(); ++column)
            to[column] = from[column * step];
    }
    return picture;
}
