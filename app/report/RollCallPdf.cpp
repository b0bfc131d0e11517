// The evacuation roll call's pages.
#include "RollCallPdf.h"

#include "A4Pdf.h"
#include "crypto/Sha256.h"
#include "export/RollCallRequest.h"

#include <QBuffer>
#include <QPainter>

namespace {
QString typeName(Entry::PersonType type)
{
    switch (type) {
    case Entry::PersonType::Visitor:
        return RollCallPdf::tr("Visitor");
    case Entry::PersonType::Staff:
        return RollCallPdf::tr("Staff");
    case Entry::PersonType::Guest:
        return RollCallPdf::tr("Guest");
    }
    return {};
}
} // namespace

Result<void> RollCallPdf::write(const CheckInService::SitePresence& inside, const QString& siteName,
                                const SiteTime& siteTime, const QDateTime& at, QIODevice& out, Sha256* hash)
{
    QBuffer bytes; // held whole so that its hash is that of the bytes written
    bytes.open(QIODevice::WriteOnly);
    A4Pdf pdf(&bytes, tr("Evacuation roll call"), 15);
    QPainter painter;
    if (!painter.begin(&pdf))
        return Error(Error::Kind::Failed, tr("The roll call could not be started."));

    const QRect page = painter.viewport();
    const int mm = pdf.mm();
    const RollCallRequest::Counts counts = RollCallRequest::Counts::of(inside.entries);
    const int total = int(inside.entries.size());
    const int pages = std::max(1, (total + RowsPerPage - 1) / RowsPerPage);
    const QString when = siteTime.format(at, QStringLiteral("HH:mm dd/MM/yyyy"));
    // Columns: the box, name, type, since, door, ID's last digits.
    const QList<double> widths = {0.05, 0.35, 0.12, 0.14, 0.16, 0.18};
    QList<int> left;
    int x = 0;
    for (double share : widths) {
        left << x;
        x += int(page.width() * share);
    }
    const int rowHeight = 8 * mm;

    for (int number = 0; number < pages; ++number) {
        if (number > 0)
            pdf.newPage();
        int y = 0;
        painter.setPen(Qt::black);
        painter.setFont(A4Pdf::font(17, true));
        painter.drawText(QRect(0, y, page.width(), 10 * mm), Qt::AlignLeft | Qt::AlignVCenter,
                         tr("Evacuation roll call"));
        painter.setFont(A4Pdf::font(10));
        painter.drawText(QRect(0, y, page.width(), 10 * mm), Qt::AlignRight | Qt::AlignVCenter,
                         tr("Page %1 of %2").arg(number + 1).arg(pages));
        y += 11 * mm;
        painter.setFont(A4Pdf::font(11));
        const QString heading = tr("%1 · inside at %2").arg(siteName.isEmpty() ? tr("This site") : siteName, when);
        painter.drawText(QRect(0, y, page.width(), 7 * mm), Qt::AlignLeft | Qt::AlignVCenter, heading);
        y += 7 * mm;
        painter.setFont(A4Pdf::font(12, true));
        painter.drawText(
            QRect(0, y, page.width(), 8 * mm), Qt::AlignLeft | Qt::AlignVCenter,
            tr("%n people inside: ", nullptr, total) +
                tr("%1 visitors, %2 staff, %3 guests").arg(counts.visitors).arg(counts.staff).arg(counts.guests));
        y += 9 * mm;
        if (inside.central && !inside.everyEntrance) {
            // The list is this door's alone: whoever came in at another door is not on it.
            painter.setFont(A4Pdf::font(9.5));
            painter.drawText(QRect(0, y, page.width(), 6 * mm), Qt::AlignLeft,
                             tr("This entrance only: the other doors could not be asked."));
            y += 6 * mm;
        }

        const QStringList headers = {tr("✓"), tr("Name"), tr("Type"), tr("Since"), tr("Door"), tr("ID (last 4)")};
        painter.setFont(A4Pdf::font(10, true));
        painter.fillRect(QRect(0, y, page.width(), rowHeight), QColor(0xe8, 0xef, 0xea));
        for (int column = 0; column < headers.size(); ++column) {
            const QRect cell(left[column] + mm, y, int(page.width() * widths[column]) - 2 * mm, rowHeight);
            painter.drawText(cell, Qt::AlignLeft | Qt::AlignVCenter,
                             painter.fontMetrics().elidedText(headers[column], Qt::ElideRight, cell.width()));
        }
        y += rowHeight;
        painter.setFont(A4Pdf::font(11));
        const int first = number * RowsPerPage;
        for (int index = first; index < std::min(total, first + RowsPerPage); ++index) {
            const Entry& entry = inside.entries[index];
            const QString digits = entry.idNumber.right(4);
            const QStringList cells = {QString(),
                                       entry.fullName,
                                       typeName(entry.personType),
                                       siteTime.format(entry.checkedInAt, QStringLiteral("HH:mm dd/MM")),
                                       entry.entrance,
                                       digits.isEmpty() ? QString() : QStringLiteral("…") + digits};
            painter.setPen(QColor(0x99, 0x99, 0x99));
            painter.drawLine(0, y + rowHeight, page.width(), y + rowHeight);
            painter.setPen(Qt::black);
            painter.drawRect(QRect(left[0] + mm, y + int(1.5 * mm), 5 * mm, 5 * mm)); // the box to tick
            for (int column = 1; column < cells.size(); ++column) {
                const QRect cell(left[column] + mm, y, int(page.width() * widths[column]) - 2 * mm, rowHeight);
                painter.drawText(cell, Qt::AlignLeft | Qt::AlignVCenter,
                                 painter.fontMetrics().elidedText(cells[column], Qt::ElideRight, cell.width()));
            }
            y += rowHeight;
        }
        if (total == 0) {
            painter.setFont(A4Pdf::font(12));
            painter.drawText(QRect(0, y + 2 * mm, page.width(), 10 * mm), Qt::AlignLeft,
                             tr("Nobody is inside by the entry log."));
        }
    }
    painter.end();
    const QByteArray written = bytes.data();
    if (out.write(written) != written.size())
        return Error(Error::Kind::Failed, tr("The roll call could not be written (%1).").arg(out.errorString()));
    if (hash)
        hash->addData(written);
    return {};
}
