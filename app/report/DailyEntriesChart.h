// The adoption report's chart: entries a day as stacked bars (visitors, staff, guests), the share
// with the tracing app verified as a line over them, the entries' axis on the left, the share's on
// the right and a legend below. Painted with QPainter alone, so that the report needs Qt GUI and no
// widgets: Qt Charts is built on Qt Widgets' graphics view, which kept the CLI linking Qt Widgets
// and the report on the GUI thread (issue 24).
#pragma once

#include <QCoreApplication>
#include <QRectF>

class AdoptionReport;
class QPainter;

class DailyEntriesChart
{
    Q_DECLARE_TR_FUNCTIONS(DailyEntriesChart)

public:
    // The size the chart is laid out at, in screen-like pixels; paint() scales it to its target so
    // that its type keeps its proportions on paper.
    static constexpr QSizeF Layout{1000, 560};

    // Colours that stay apart in grey print: dark green, orange, light blue; the share in red.
    static const QColor Visitors;
    static const QColor Staff;
    static const QColor Guests;
    static const QColor Share;

    // Paints the chart of report into target.
    static void paint(QPainter& painter, const QRectF& target, const AdoptionReport& report);

    // The top of the entries' axis for a busiest day of highest entries: four gridlines at 1, 2,
    // 2.5 or 5 times a power of ten, with room above the highest bar; at least 4.
    static int axisTop(int highest);
};
