// How big the kiosk's screens are drawn on the panel at hand. The screens are designed for a
// 10-inch 1280x800 panel (5.9 px/mm); on the 7-inch 800x480 and 1024x600 panels a site also buys
// (issue 15), and on 1280x720, everything is drawn smaller in proportion, except that no text goes
// under 3 mm and no touch target under 15 mm, or 9 mm on a 7-inch panel, whose 86-90 mm of height
// cannot hold a title, two fields and a row of 15 mm buttons.
//
// The physical size is assumed from the resolution, not asked of the screen (the EDID of cheap
// panels is often empty or wrong, and an offscreen or headless output has none): a short side of
// 600 px or less is a 7-inch panel (the Raspberry Pi Touch Display, 154 x 86 mm; the cheapest
// HDMI panels), anything else is taken to be as dense as the design (a 10.1-inch 1280x800 or
// 1280x720, a 15.6-inch 1920x1080 are 5.6-5.9 px/mm).
#pragma once

#include <QSize>
#include <QString>

class KioskPanel
{
public:
    // pixels: the window's size (the panel's, full screen).
    static KioskPanel of(QSize pixels);

    double pixelsPerMm() const { return m_pixelsPerMm; }
    // The design's sizes at this panel: 1.0 at 1280x800 and 800x1280 and above.
    double scale() const { return m_scale; }
    int px(int designPx) const;
    int fontPx(int designPx) const;
    int touchPx(int designPx) const;
    int minimumTouchPx() const { return m_minimumTouchPx; }

    // The style sheet with every length in px redrawn for this panel: font sizes with fontPx(),
    // heights of what a finger hits (min-height) with touchPx(), borders kept, the rest with px().
    QString scaleStyleSheet(const QString& styleSheet) const;

    bool operator==(const KioskPanel& other) const = default;

private:
    double m_pixelsPerMm = 0;
    double m_scale = 1.0;
    int m_minimumTextPx = 0;
    int m_minimumTouchPx = 0;
};
