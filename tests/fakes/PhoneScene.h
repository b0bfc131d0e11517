// A camera-like 1280x720 frame of a code shown on a phone held at a distance: the phone's dark
// body and light screen on a wall, the code drawn at moduleSize pixels (fractions allowed) and
// turned by angle degrees, camera noise of +-8 levels, saved and read back as JPEG (quality 88)
// as a webcam's MJPEG would deliver it. Shared by TestQrDecoder, TestFinderPatternScan and
// BenchDecode.
#pragma once

#include "qr/QrEncoder.h"

#include <QBuffer>
#include <QImage>
#include <QPainter>
#include <QRandomGenerator>

#include <algorithm>

// image with each pixel brightened or darkened by up to amplitude levels (all channels alike), as
// a camera's sensor noise.
inline QImage withCameraNoise(QImage image, int amplitude, quint32 seed)
{
    image = image.convertToFormat(QImage::Format_RGB32);
    QRandomGenerator random(seed);
    for (int y = 0; y < image.height(); ++y) {
        auto* row = reinterpret_cast<QRgb*>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            const int noise = random.bounded(-amplitude, amplitude + 1);
            const auto channel = [noise](int value) { return std::clamp(value + noise, 0, 255); };
            row[x] = qRgb(channel(qRed(row[x])), channel(qGreen(row[x])), channel(qBlue(row[x])));
        }
    }
    return image;
}

inline QImage phoneScene(const QString& text, double moduleSize, double angle, quint32 seed)
{
    const QImage code = QrEncoder::encode(text, 1); // one pixel a module, quiet zone included
    QImage frame(1280, 720, QImage::Format_RGB32);
    frame.fill(QColor(128, 120, 105));
    {
        QPainter painter(&frame);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.translate(600 + int(seed * 37 % 80), 340 + int(seed * 23 % 60));
        painter.rotate(angle);
        const double side = code.width() * moduleSize;
        painter.fillRect(QRectF(-side / 2 - 25, -side / 2 - 60, side + 50, side + 160), QColor(30, 30, 35));
        painter.fillRect(QRectF(-side / 2 - 15, -side / 2 - 40, side + 30, side + 110), QColor(235, 235, 240));
        painter.drawImage(QRectF(-side / 2, -side / 2, side, side), code);
    }
    frame = withCameraNoise(frame, 8, seed);
    QBuffer jpeg;
    jpeg.open(QIODevice::WriteOnly);
    frame.save(&jpeg, "JPG", 88);
    return QImage::fromData(jpeg.data(), "JPG");
}
