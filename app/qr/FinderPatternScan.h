// A cheap look for QR finder patterns, to tell a frame worth a second, slower attempt from an
// empty one. ZXing-cpp 1.4 finds finder patterns itself but does not say when it saw some and
// could not read the code, so the decoder cannot otherwise know where to look harder without
// looking harder everywhere (and a kiosk's camera mostly sees an empty lobby).
#pragma once

#include "qr/LumaFrame.h"

#include <QList>
#include <QPointF>
#include <QRect>

class FinderPatternScan
{
public:
    struct Candidate
    {
        QPointF centre; // in frame pixels
        double module;  // estimated module size in pixels
        int rows;       // how many scanned rows crossed it
    };

    // Every finder pattern seen (each confirmed across a row and its column).
    static QList<Candidate> candidates(const LumaFrame& frame);

    // Where a QR code probably is: around three finder patterns that can be one symbol's corners
    // (one size, about square, at distances a symbol allows); an empty rectangle when none are.
    // module, when given, receives the smallest module size (pixels) of those patterns.
    static QRect suspectRegion(const LumaFrame& frame, double* module = nullptr);
};
