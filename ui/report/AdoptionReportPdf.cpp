// The adoption report's page.
#include "AdoptionReportPdf.h"

#include "A4Pdf.h"
#include "Version.h"
#include "common/SiteTime.h"
#include "crypto/Sha256.h"
#include "export/AdoptionReport.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QBuffer>
#include <QChart>
#include <QGraphicsScene>
#include <QLineSeries>
#include <QLocale>
#include <QPainter>
#include <QStackedBarSeries>
#include <QValueAxis>

namespace {
// Colours that stay apart in grey print: dark green, orange, light blue; the share in red.
const QColor Visitors(0x0b, 0x5d, 0x3b);
const QColor Staff(0xe0, 0x8a, 0x1e);
const QColor Guests(0x6c, 0xa6, 0xd9);
const QColor Share(0xc0, 0x1c, 0x28);

QString percent(double value)
{
    return QLocale().toString(value, 'f', 1) + QLatin1Char('%');
}
} // namespace

QChart* AdoptionReportPdf::chart(const AdoptionReport& report)
{
    auto* visitors = new QBarSet(tr("Visitors"));
    auto* staff = new QBarSet(tr("Staff"));
    auto* guests = new QBarSet(tr("Guests"));
    visitors->setColor(Visitors);
    staff->setColor(Staff);
    guests->setColor(Guests);
    auto* share = new QLineSeries;
    share->setName(tr("App verified (%)"));
    share->setPen(QPen(Share, 3));
    share->setPointsVisible(true);
    QStringList dates;
    int highest = 0;
    const int count = int(report.days().size());
    // Long windows would crowd the axis: a date label every `step` days, the others blank (a
    // category must be unique, so a blank is made of a different number of spaces).
    const int step = std::max(1, (count + 30) / 31);
    for (int i = 0; i < count; ++i) {
        const AdoptionReport::Day& day = report.days()[i];
        *visitors << day.visitors;
        *staff << day.staff;
        *guests << day.guests;
        if (day.entries()) // a day without entries has no share: a gap, not 0 %
            share->append(i, AdoptionReport::share(day));
        highest = std::max(highest, day.entries());
        dates << (i % step == 0 ? day.date.toString(QStringLiteral("dd/MM")) : QString(i, QLatin1Char(' ')));
    }
    auto* bars = new QStackedBarSeries;
    bars->append({visitors, staff, guests});
    bars->setBarWidth(0.8);

    auto* chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->addSeries(bars);
    chart->addSeries(share);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setBackgroundVisible(false);

    auto* days = new QBarCategoryAxis;
    days->append(dates);
    days->setLabelsAngle(count > 10 ? -90 : 0);
    auto* entries = new QValueAxis;
    entries->setRange(0, std::max(4, highest + highest / 10));
    entries->setLabelFormat(QStringLiteral("%d"));
    entries->setTitleText(tr("Entries"));
    entries->applyNiceNumbers();
    auto* shareAxis = new QValueAxis;
    shareAxis->setRange(0, 100);
    shareAxis->setLabelFormat(QStringLiteral("%d%%"));
    shareAxis->setTitleText(tr("With the app"));
    shareAxis->setLinePenColor(Share);
    shareAxis->setLabelsColor(Share);
    chart->addAxis(days, Qt::AlignBottom);
    chart->addAxis(entries, Qt::AlignLeft);
    chart->addAxis(shareAxis, Qt::AlignRight);
    bars->attachAxis(days);
    bars->attachAxis(entries);
    // The line's x values are category indexes: a hidden value axis from -0.5 puts each point
    // over the middle of its day's bar.
    auto* index = new QValueAxis;
    index->setRange(-0.5, count - 0.5);
    index->setVisible(false);
    chart->addAxis(index, Qt::AlignBottom);
    share->attachAxis(index);
    share->attachAxis(shareAxis);
    return chart;
}

Result<void> AdoptionReportPdf::write(const AdoptionReport& report, const QString& siteName, QIODevice& out,
                                      Sha256* hash)
{
    // The page is held whole (tens of kilobytes) so that its hash is that of the bytes written.
    QBuffer bytes;
    bytes.open(QIODevice::WriteOnly);
    A4Pdf pdf(&bytes, tr("Tracing app adoption report"), 15);
    QPainter painter;
    if (!painter.begin(&pdf))
        return Error(Error::Kind::Failed, tr("The PDF report could not be started."));

    const QRect page = painter.viewport(); // the printable area in device pixels (300 dpi)
    const int mm = pdf.mm();
    int y = 0;
    const auto line = [&](const QString& text, const QFont& f, const QColor& colour = Qt::black) {
        painter.setFont(f);
        painter.setPen(colour);
        const QRect box = painter.boundingRect(QRect(0, y, page.width(), page.height() - y), Qt::TextWordWrap, text);
        painter.drawText(box, Qt::TextWordWrap, text);
        y = box.bottom() + mm;
    };

    const SiteTime siteTime(report.utcOffsetMinutes());
    const QString window = tr("%1 to %2 (UTC%3)")
                               .arg(siteTime.format(report.from(), QStringLiteral("dd/MM/yyyy HH:mm")),
                                    siteTime.format(report.to(), QStringLiteral("dd/MM/yyyy HH:mm")),
                                    siteTime.toSite(report.from()).timeZoneAbbreviation().mid(3));
    line(tr("Tracing app adoption report"), A4Pdf::font(18, true), Visitors);
    line(siteName.isEmpty() ? window : siteName + QStringLiteral(" · ") + window, A4Pdf::font(10.5),
         QColor(0x33, 0x33, 0x33));
    y += 2 * mm;

    // The totals, three boxes across.
    const AdoptionReport::Day total = report.total();
    const QList<QPair<QString, QString>> figures = {
        {QString::number(total.entries()), tr("entries")},
        {percent(AdoptionReport::share(total)),
         tr("with the app verified at the door (%1 entries)").arg(total.appVerified)},
        {QString::number(total.staffWithoutApp), tr("staff entries without the app")}};
    const int boxWidth = (page.width() - 4 * mm) / 3;
    const int boxHeight = 24 * mm;
    for (int i = 0; i < figures.size(); ++i) {
        const QRect box(i * (boxWidth + 2 * mm), y, boxWidth, boxHeight);
        painter.setPen(QPen(QColor(0xcc, 0xcc, 0xcc), mm / 3));
        painter.setBrush(QColor(0xf3, 0xf7, 0xf4));
        painter.drawRoundedRect(box, 2 * mm, 2 * mm);
        painter.setPen(i == 2 && total.staffWithoutApp ? Share : Visitors);
        painter.setFont(A4Pdf::font(20, true));
        painter.drawText(box.adjusted(3 * mm, 2 * mm, -3 * mm, 0), Qt::AlignLeft | Qt::AlignTop, figures[i].first);
        painter.setPen(Qt::black);
        painter.setFont(A4Pdf::font(8.5));
        painter.drawText(box.adjusted(3 * mm, 12 * mm, -3 * mm, -mm), Qt::AlignLeft | Qt::TextWordWrap,
                         figures[i].second);
    }
    y += boxHeight + 4 * mm;

    // The chart, drawn from a scene at screen-like pixel sizes so that its fonts stay readable.
    line(tr("Entries a day and the share with the app"), A4Pdf::font(12, true));
    std::unique_ptr<QChart> chart(AdoptionReportPdf::chart(report));
    QGraphicsScene scene;
    scene.addItem(chart.get());
    const QSizeF chartSize(1000, 560);
    chart->resize(chartSize);
    const int chartHeight = int(page.width() * chartSize.height() / chartSize.width());
    scene.render(&painter, QRectF(0, y, page.width(), chartHeight), QRectF(QPointF(0, 0), chartSize));
    scene.removeItem(chart.get());
    y += chartHeight + 4 * mm;

    // The staff without the app, as many as fit; the CSV report has them all.
    line(tr("Staff who entered without the app"), A4Pdf::font(12, true));
    const QList<AdoptionReport::StaffLapse>& lapses = report.staffWithoutApp();
    painter.setFont(A4Pdf::font(9.5));
    const int rowHeight = painter.fontMetrics().height() + mm;
    const int footer = 8 * mm;
    if (lapses.isEmpty()) {
        line(tr("None: every staff entry had the app verified."), A4Pdf::font(9.5), Visitors);
    } else {
        const int columns[] = {0, int(page.width() * 0.55), int(page.width() * 0.75)};
        painter.setFont(A4Pdf::font(9.5, true));
        painter.drawText(columns[0], y, columns[1], rowHeight, Qt::AlignVCenter, tr("Name"));
        painter.drawText(columns[1], y, columns[2] - columns[1], rowHeight, Qt::AlignVCenter, tr("Entries"));
        painter.drawText(columns[2], y, page.width() - columns[2], rowHeight, Qt::AlignVCenter, tr("Last entry"));
        y += rowHeight;
        painter.setFont(A4Pdf::font(9.5));
        const int room = std::max(1, (page.height() - footer - y) / rowHeight);
        const qsizetype shown = lapses.size() <= room ? lapses.size() : room - 1;
        for (qsizetype i = 0; i < shown; ++i) {
            if (i % 2 == 0)
                painter.fillRect(0, y, page.width(), rowHeight, QColor(0xf5, 0xf5, 0xf5));
            painter.drawText(columns[0] + mm, y, columns[1] - mm, rowHeight, Qt::AlignVCenter,
                             painter.fontMetrics().elidedText(lapses[i].fullName, Qt::ElideRight, columns[1] - 2 * mm));
            painter.drawText(columns[1], y, columns[2] - columns[1], rowHeight, Qt::AlignVCenter,
                             QString::number(lapses[i].entries));
            painter.drawText(columns[2], y, page.width() - columns[2], rowHeight, Qt::AlignVCenter,
                             lapses[i].lastDate.toString(QStringLiteral("dd/MM/yyyy")));
            y += rowHeight;
        }
        if (shown < lapses.size()) {
            painter.drawText(0, y, page.width(), rowHeight, Qt::AlignVCenter,
                             tr("… and %n more in the CSV report.", nullptr, int(lapses.size() - shown)));
        }
    }

    painter.setFont(A4Pdf::font(7.5));
    painter.setPen(QColor(0x66, 0x66, 0x66));
    painter.drawText(QRect(0, page.height() - footer, page.width(), footer), Qt::AlignBottom | Qt::AlignLeft,
                     tr("Made by Gatehouse %1. Entries are counted on the day they came in, in the site's time.")
                         .arg(QString::fromLatin1(Gatehouse::VERSION)));
    if (!painter.end())
        return Error(Error::Kind::Failed, tr("The PDF report could not be finished."));
    if (hash)
        hash->addData(bytes.data());
    if (out.write(bytes.data()) != bytes.size())
        return Error(Error::Kind::Failed, tr("The report could not be written (%1).").arg(out.errorString()));
    return {};
}
