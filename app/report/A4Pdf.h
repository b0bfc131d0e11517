// An A4 PDF page set as every printed page of Gatehouse has it (the adoption report, the
// evacuation roll call, the entrance poster): 300 dpi, the given margins, Gatehouse as its creator
// and a title, and a millimetre in device pixels to lay the page out by.
#pragma once

#include <QFont>
#include <QPdfWriter>

class QIODevice;

class A4Pdf : public QPdfWriter
{
public:
    A4Pdf(QIODevice* out, const QString& title, double marginMm);

    // One millimetre in device pixels.
    int mm() const { return resolution() * 10 / 254; }
    // The printed pages' type: Noto Sans (Vietnamese glyphs), in points.
    static QFont font(double points, bool bold = false);
};
