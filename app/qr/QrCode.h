// One code found in a frame: its text and where it was.
#pragma once

#include <QPolygon>
#include <QString>

struct QrCode
{
    QString text;     // UTF-8 decoded as the code's ECI or content says
    QString format;   // "QRCode" (the only one read: QrDecoder.cpp)
    QPolygon corners; // in frame pixels, clockwise from top-left
};
