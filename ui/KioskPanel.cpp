// How big the kiosk's screens are drawn on the panel at hand.
#include "KioskPanel.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace {
constexpr double DESIGN_LONG_PX = 1280;
constexpr double DESIGN_SHORT_PX = 800;
constexpr double MM_PER_INCH = 25.4;
constexpr double MINIMUM_TEXT_MM = 3.0;
} // namespace

KioskPanel KioskPanel::of(QSize pixels)
{
    KioskPanel panel;
    const double longPx = std::max(pixels.width(), pixels.height());
    const double shortPx = std::min(pixels.width(), pixels.height());
    const bool sevenInch = shortPx <= 600;
    panel.m_pixelsPerMm = sevenInch ? std::hypot(pixels.width(), pixels.height()) / (7.0 * MM_PER_INCH)
                                    : std::hypot(DESIGN_LONG_PX, DESIGN_SHORT_PX) / (10.1 * MM_PER_INCH);
    panel.m_scale = std::clamp(std::min(longPx / DESIGN_LONG_PX, shortPx / DESIGN_SHORT_PX), 0.5, 1.0);
    panel.m_minimumTextPx = int(std::ceil(MINIMUM_TEXT_MM * panel.m_pixelsPerMm));
    panel.m_minimumTouchPx = int(std::ceil((sevenInch ? 9.0 : 15.0) * panel.m_pixelsPerMm));
    return panel;
}

int KioskPanel::px(int designPx) const
{
    return designPx <= 0 ? designPx : std::max(1, int(std::lround(designPx * m_scale)));
}

int KioskPanel::fontPx(int designPx) const
{
    return std::max(px(designPx), m_minimumTextPx);
}

int KioskPanel::touchPx(int designPx) const
{
    return std::max(px(designPx), std::min(designPx, m_minimumTouchPx));
}

QString KioskPanel::scaleStyleSheet(const QString& styleSheet) const
{
    // One declaration at a time ("min-height: 96px;"), its lengths redrawn by what it sizes.
    static const QRegularExpression declaration(QStringLiteral("([a-z-]+)\\s*:\\s*([^;{}]*)"));
    static const QRegularExpression length(QStringLiteral("(\\d+)px"));
    QString scaled;
    qsizetype done = 0;
    for (const QRegularExpressionMatch& match : declaration.globalMatch(styleSheet)) {
        const QString property = match.captured(1);
        QString value = match.captured(2);
        if (!value.contains(QLatin1String("px")))
            continue;
        QString redrawn;
        qsizetype at = 0;
        for (const QRegularExpressionMatch& number : length.globalMatch(value)) {
            const int designPx = number.captured(1).toInt();
            int newPx = px(designPx);
            if (property == QLatin1String("font-size"))
                newPx = fontPx(designPx);
            else if (property == QLatin1String("min-height"))
                newPx = touchPx(designPx);
            else if (property.startsWith(QLatin1String("border")) && !property.endsWith(QLatin1String("radius")))
                newPx = designPx; // a line stays a line
            redrawn += value.mid(at, number.capturedStart() - at) + QString::number(newPx) + QLatin1String("px");
            at = number.capturedEnd();
        }
        redrawn += value.mid(at);
        scaled += styleSheet.mid(done, match.capturedStart(2) - done) + redrawn;
        done = match.capturedEnd(2);
    }
    scaled += styleSheet.mid(done);
    return scaled;
}
