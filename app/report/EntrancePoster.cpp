// The poster for the entrance.
#include "EntrancePoster.h"

#include "A4Pdf.h"
#include "qr/QrEncoder.h"

#include <QPainter>
#include <QSaveFile>

namespace {
const QColor GREEN(0x0b, 0x5d, 0x3b);
const QColor GREY(0x44, 0x44, 0x44);

struct Words
{
    QString vietnamese;
    QString english;
};
// Both languages always: the poster is for everyone at the door.
const Words TITLE = {QStringLiteral("Cài Bluezone trước khi vào"),
                     QStringLiteral("Install Bluezone before you come in")};
const Words STEPS[] = {
    {QStringLiteral("Quét mã QR này bằng camera điện thoại"),
     QStringLiteral("Scan this QR code with your phone's camera")},
    {QStringLiteral("Cài Bluezone và bật Bluetooth"), QStringLiteral("Install Bluezone and turn Bluetooth on")},
    {QStringLiteral("Mở Bluezone và khai báo tại kiốt khi vào"),
     QStringLiteral("Keep Bluezone open and check in at the kiosk")},
};

QFont font(double pixels, bool bold = false)
{
    QFont f(QStringLiteral("Noto Sans"));
    f.setPixelSize(std::max(1, int(pixels)));
    f.setBold(bold);
    return f;
}
} // namespace

void EntrancePoster::paint(QPainter& painter, const QRect& area, const QString& siteName, const QString& installUrl)
{
    painter.save();
    painter.fillRect(area, Qt::white);
    const bool landscape = area.width() > area.height();
    // Sizes follow the shorter side, so the same poster reads on A4 and on a 7-inch panel.
    const double unit = std::min(area.width(), area.height()) / 100.0;
    const int margin = int(5 * unit);
    QRect inner = area.adjusted(margin, margin, -margin, -margin);
    int y = inner.top();
    const auto text = [&](const QRect& box, const QString& words, const QFont& f, const QColor& colour,
                          int flags = Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap) {
        painter.setFont(f);
        painter.setPen(colour);
        const QRect used = painter.boundingRect(box, flags, words);
        painter.drawText(box, flags, words);
        return used.height();
    };
    if (!siteName.isEmpty())
        y += text(QRect(inner.left(), y, inner.width(), inner.height()), siteName, font(4.5 * unit), GREY) + int(unit);
    y += text(QRect(inner.left(), y, inner.width(), inner.height()), TITLE.vietnamese, font(8 * unit, true), GREEN);
    y += text(QRect(inner.left(), y, inner.width(), inner.height()), TITLE.english, font(5 * unit), GREEN) +
         int(3 * unit);

    // The code, as big as the room allows: beside the steps on a landscape screen, above them on A4.
    const QImage code = QrEncoder::encode(installUrl, 1);
    const int room =
        landscape ? std::min(inner.bottom() - y, inner.width() / 2) : int(std::min(inner.width() * 0.5, 42 * unit));
    const int modules = code.width();
    const int side = modules > 0 ? room / modules * modules : 0; // whole pixels per module: sharp
    QRect codeBox;
    QRect steps;
    if (landscape) {
        codeBox = QRect(inner.left(), y, side, side);
        steps = QRect(inner.left() + side + int(4 * unit), y, inner.width() - side - int(4 * unit), inner.bottom() - y);
    } else {
        codeBox = QRect(inner.center().x() - side / 2, y, side, side);
        steps = QRect(inner.left(), y + side + int(3 * unit), inner.width(), inner.bottom() - y - side);
    }
    // Module by module as filled squares: sharp at any size, and never compressed into grey
    // speckles by a PDF writer's image encoding.
    if (modules > 0) {
        const int module = side / modules;
        painter.setPen(Qt::NoPen);
        painter.setBrush(Qt::black);
        for (int row = 0; row < code.height(); ++row) {
            for (int column = 0; column < code.width(); ++column) {
                if (qGray(code.pixel(column, row)) < 128)
                    painter.drawRect(codeBox.left() + column * module, codeBox.top() + row * module, module, module);
            }
        }
    }
    int stepY = steps.top();
    int number = 1;
    for (const Words& step : STEPS) {
        const QRect circle(steps.left(), stepY, int(7 * unit), int(7 * unit));
        painter.setPen(Qt::NoPen);
        painter.setBrush(GREEN);
        painter.drawEllipse(circle);
        text(circle, QString::number(number++), font(4.5 * unit, true), Qt::white, Qt::AlignCenter);
        const QRect words(circle.right() + int(2.5 * unit), stepY, steps.right() - circle.right() - int(2.5 * unit),
                          steps.bottom() - stepY);
        const int vi = text(words, step.vietnamese, font(4.2 * unit, true), Qt::black,
                            Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap);
        const int en = text(words.adjusted(0, vi, 0, 0), step.english, font(3.4 * unit), GREY,
                            Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap);
        stepY += std::max(circle.height(), vi + en) + int(3 * unit);
    }
    painter.restore();
}

Result<void> EntrancePoster::writePdf(const QString& path, const QString& siteName, const QString& installUrl)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error(Error::Kind::Failed, tr("The poster cannot be written to %1 (%2).").arg(path, file.errorString()));
    {
        A4Pdf pdf(&file, TITLE.vietnamese, 0); // the poster's own margins are in paint()
        QPainter painter;
        if (!painter.begin(&pdf))
            return Error(Error::Kind::Failed, tr("The poster could not be started."));
        paint(painter, painter.viewport(), siteName, installUrl);
        painter.end();
    }
    if (!file.commit())
        return Error(Error::Kind::Failed, tr("The poster cannot be written to %1 (%2).").arg(path, file.errorString()));
    return {};
}
