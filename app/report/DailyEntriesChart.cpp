// The adoption report's chart.
#include "DailyEntriesChart.h"

#include "export/AdoptionReport.h"

#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

const QColor DailyEntriesChart::Visitors(0x0b, 0x5d, 0x3b);
const QColor DailyEntriesChart::Staff(0xe0, 0x8a, 0x1e);
const QColor DailyEntriesChart::Guests(0x6c, 0xa6, 0xd9);
const QColor DailyEntriesChart::Share(0xc0, 0x1c, 0x28);

namespace {
QFont type(double pixels, bool bold = false)
{
    QFont font(QStringLiteral("Noto Sans")); // Vietnamese glyphs, as the page around it
    font.setPixelSize(int(pixels));
    font.setBold(bold);
    return font;
}
} // namespace

int DailyEntriesChart::axisTop(int highest)
{
    const int wanted = std::max(4, highest + highest / 10);
    for (int power = 1;; power *= 10) {
        // Four gridlines at a round step: 1, 2, 2.5 or 5 times a power of ten, in whole entries.
        for (const int tenths : {10, 20, 25, 50}) {
            if (tenths * power % 10 == 0 && tenths * power / 10 * 4 >= wanted)
                return tenths * power / 10 * 4;
        }
    }
}

void DailyEntriesChart::paint(QPainter& painter, const QRectF& target, const AdoptionReport& report)
{
    painter.save();
    painter.translate(target.topLeft());
    painter.scale(target.width() / Layout.width(), target.height() / Layout.height());
    painter.setRenderHint(QPainter::Antialiasing);

    const QList<AdoptionReport::Day>& days = report.days();
    const int count = int(days.size());
    int highest = 0;
    for (const AdoptionReport::Day& day : days)
        highest = std::max(highest, day.entries());
    const int top = axisTop(highest);
    const QFont labels = type(15);
    const QFont titles = type(16, true);
    const QFontMetricsF metrics(labels);

    // The plot area leaves room for the axes' titles and labels, and for the dates below (turned
    // upright when more than ten days would crowd them) and the legend.
    const bool upright = count > 10;
    const double dateRoom = upright ? metrics.horizontalAdvance(QStringLiteral("00/00")) + 12 : metrics.height() + 10;
    const double legendRoom = metrics.height() + 24;
    const QRectF plot(QPointF(40 + metrics.horizontalAdvance(QString::number(top)) + 10, 20),
                      QPointF(Layout.width() - 40 - metrics.horizontalAdvance(QStringLiteral("100%")) - 10,
                              Layout.height() - dateRoom - legendRoom));
    const auto yOfEntries = [&](double entries) { return plot.bottom() - entries / top * plot.height(); };
    const auto yOfShare = [&](double share) { return plot.bottom() - share / 100 * plot.height(); };
    const double slot = plot.width() / std::max(1, count);
    const auto xOfDay = [&](int i) { return plot.left() + (i + 0.5) * slot; };

    // Gridlines with the entries on the left and the share on the right.
    painter.setFont(labels);
    for (int i = 0; i <= 4; ++i) {
        const double y = yOfEntries(top * i / 4.0);
        painter.setPen(QPen(QColor(0xdd, 0xdd, 0xdd), 1));
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        painter.setPen(Qt::black);
        painter.drawText(QRectF(0, y - 12, plot.left() - 8, 24), Qt::AlignRight | Qt::AlignVCenter,
                         QString::number(top * i / 4));
        painter.setPen(Share);
        painter.drawText(QRectF(plot.right() + 8, y - 12, 80, 24), Qt::AlignLeft | Qt::AlignVCenter,
                         QStringLiteral("%1%").arg(25 * i));
    }
    // The axes' titles, upright along them.
    const auto axisTitle = [&](const QString& title, const QColor& colour, double x, int angle) {
        painter.save();
        painter.setFont(titles);
        painter.setPen(colour);
        painter.translate(x, plot.center().y());
        painter.rotate(angle);
        painter.drawText(QRectF(-plot.height() / 2, -12, plot.height(), 24), Qt::AlignCenter, title);
        painter.restore();
    };
    axisTitle(tr("Entries"), Qt::black, 14, -90);
    axisTitle(tr("With the app"), Share, Layout.width() - 14, 90);

    // The bars, stacked; a date under every `step`-th day so that long windows stay readable.
    const int step = std::max(1, (count + 30) / 31);
    painter.setFont(labels);
    for (int i = 0; i < count; ++i) {
        const AdoptionReport::Day& day = days[i];
        double base = 0;
        for (const auto& [value, colour] :
             {std::pair(day.visitors, Visitors), std::pair(day.staff, Staff), std::pair(day.guests, Guests)}) {
            const QRectF bar(QPointF(xOfDay(i) - slot * 0.4, yOfEntries(base + value)),
                             QPointF(xOfDay(i) + slot * 0.4, yOfEntries(base)));
            painter.fillRect(bar, colour);
            base += value;
        }
        if (i % step != 0)
            continue;
        painter.setPen(Qt::black);
        const QString date = day.date.toString(QStringLiteral("dd/MM"));
        if (upright) {
            painter.save();
            painter.translate(xOfDay(i), plot.bottom() + 6);
            painter.rotate(-90);
            painter.drawText(QRectF(-dateRoom, -metrics.height() / 2, dateRoom - 6, metrics.height()),
                             Qt::AlignRight | Qt::AlignVCenter, date);
            painter.restore();
        } else {
            painter.drawText(QRectF(xOfDay(i) - slot / 2, plot.bottom() + 4, slot, metrics.height()), Qt::AlignCenter,
                             date);
        }
    }
    painter.setPen(QPen(Qt::black, 1.5));
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());

    // The share: a line through the days that had entries; a day without entries has no share,
    // a gap rather than 0 %.
    painter.setPen(QPen(Share, 3));
    QPainterPath line;
    bool drawing = false;
    for (int i = 0; i < count; ++i) {
        if (!days[i].entries()) {
            drawing = false;
            continue;
        }
        const QPointF point(xOfDay(i), yOfShare(AdoptionReport::share(days[i])));
        if (drawing)
            line.lineTo(point);
        else
            line.moveTo(point);
        drawing = true;
    }
    painter.drawPath(line);
    painter.setBrush(Share);
    for (int i = 0; i < count; ++i) {
        if (days[i].entries())
            painter.drawEllipse(QPointF(xOfDay(i), yOfShare(AdoptionReport::share(days[i]))), 4, 4);
    }

    // The legend, centred below.
    const QList<std::pair<QString, QColor>> legend = {
        {tr("Visitors"), Visitors}, {tr("Staff"), Staff}, {tr("Guests"), Guests}, {tr("App verified (%)"), Share}};
    double width = 0;
    for (const auto& [name, colour] : legend)
        width += 18 + 6 + metrics.horizontalAdvance(name) + 24;
    double x = (Layout.width() - width) / 2;
    const double y = Layout.height() - legendRoom / 2;
    for (const auto& [name, colour] : legend) {
        painter.fillRect(QRectF(x, y - 8, 18, 16), colour);
        x += 24;
        painter.setPen(Qt::black);
        painter.drawText(QRectF(x, y - metrics.height() / 2, metrics.horizontalAdvance(name) + 2, metrics.height()),
                         Qt::AlignLeft | Qt::AlignVCenter, name);
        x += metrics.horizontalAdvance(name) + 24;
    }
    painter.restore();
}
