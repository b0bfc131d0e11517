// Draws a QR code (visitor passes, the app's install link) with ZXing-cpp's writer.
#pragma once

#include <QImage>
#include <QString>

class QrEncoder
{
public:
    // A black-on-white QR of text, each module `moduleSize` pixels, with the 4-module quiet zone
    // ISO/IEC 18004 asks for. Error correction M (15 %). A null image when text does not fit.
    static QImage encode(const QString& text, int moduleSize = 8);
};
