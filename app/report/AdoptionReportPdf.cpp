// The adoption report's page.
#include "AdoptionReportPdf.h"

#include "A4Pdf.h"
#include "DailyEntriesChart.h"
#include "Version.h"
#include "common/SiteTime.h"
#include "crypto/Sha256.h"
#include "export/AdoptionReport.h"

#include <QBuffer>
#include <QLocale>
#include <QPainter>

namespace {
QString percent(double value)
{
    return QLocale().toString(value, 'f', 1) + QLatin1Char('%');
}
} // namespace

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
    line(tr("Tracing app adoption report"), A4Pdf::font(18, true), DailyEntriesChart::Visitors);
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
        painter.setPen(i == 2 && total.staffWithoutApp ? DailyEntriesChart::Share : DailyEntriesChart::Visitors);
        painter.setFont(A4Pdf::font(20, true));
        painter.drawText(box.adjusted(3 * mm, 2 * mm, -3 * mm, 0), Qt::AlignLeft | Qt::AlignTop, figures[i].first);
        painter.setPen(Qt::black);
        painter.setFont(A4Pdf::font(8.5));
        painter.drawText(box.adjusted(3 * mm, 12 * mm, -3 * mm, -mm), Qt::AlignLeft | Qt::TextWordWrap,
                         figures[i].second);
    }
    y += boxHeight + 4 * mm;

    // The chart, laid out at screen-like pixel sizes so that its type stays readable.
    line(tr("Entries a day and the share with the app"), A4Pdf::font(12, true));
    const QSizeF chartSize = DailyEntriesChart::Layout;
    const int chartHeight = int(page.width() * chartSize.height() / chartSize.width());
    DailyEntriesChart::paint(painter, QRectF(0, y, page.width(), chartHeight), report);
    y += chartHeight + 4 * mm;

    // The staff without the app, as many as fit; the CSV report has them all.
    line(tr("Staff who entered without the app"), A4Pdf::font(12, true));
    const QList<AdoptionReport::StaffLapse>& lapses = report.staffWithoutApp();
    painter.setFont(A4Pdf::font(9.5));
    const int rowHeight = painter.fontMetrics().height() + mm;
    const int footer = 8 * mm;
    if (lapses.isEmpty()) {
        line(tr("None: every staff entry had the app verified."), A4Pdf::font(9.5), DailyEntriesChart::Visitors);
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
