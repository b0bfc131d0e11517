// Draws a QR code with ZXing-cpp's writer.
#include "qr/QrEncoder.h"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <algorithm>

namespace {
// ISO/IEC 18004:2015, Section 9.1: a quiet zone of 4 modules on every side.
constexpr int QUIET_ZONE_MODULES = 4;
} // namespace

QImage QrEncoder::encode(const QString& text, int moduleSize)
{
    if (text.isEmpty() || moduleSize < 1)
        return {};
    ZXing::BitMatrix matrix;
    try {
        // ZXing reports a text too long for any QR version by throwing; nothing crosses here.
        ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::QRCode);
        // ZXing maps level 0-8 onto L, M, Q, H as (level - 1) / 2 (MultiFormatWriter.cpp): 4 is M.
        writer.setEncoding(ZXing::CharacterSet::UTF8).setEccLevel(4).setMargin(0);
        matrix = writer.encode(text.toStdWString(), 0, 0);
    } catch (const std::exception&) {
        return {};
    }
    const int modules = matrix.width();
    const int size = (modules + 2 * QUIET_ZONE_MODULES) * moduleSize;
    QImage image(size, size, QImage::Format_Grayscale8);
    image.fill(255);
    for (int y = 0; y < modules; ++y) {
        for (int x = 0; x < modules; ++x) {
            if (!matrix.get(x, y))
                continue;
            for (int dy = 0; dy < moduleSize; ++dy) {
                uchar* row = image.scanLine((y + QUIET_ZONE_MODULES) * moduleSize + dy);
                std::fill_n(row + (x + QUIET_ZONE_MODULES) * moduleSize, moduleSize, uchar(0));
            }
        }
    }
    return image;
}
