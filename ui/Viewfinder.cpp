// What the camera sees.
#include "Viewfinder.h"

#include <QPainter>
#include <QPainterPath>
#include <QTimer>

namespace {
const QColor GUIDE(0xff, 0xff, 0xff);
const QColor FOUND(0x2e, 0xcc, 0x71);
const QColor NO_PICTURE(0x33, 0x33, 0x33);
} // namespace

Viewfinder::Viewfinder(bool mirror, QWidget* parent) : QWidget(parent), m_mirror(mirror)
{
    setObjectName(QStringLiteral("Viewfinder"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void Viewfinder::showFrame(const QImage& picture, QSize frameSize)
{
    m_picture = picture;
    m_frameSize = frameSize;
    ++m_framesShown;
    update();
}

void Viewfinder::highlight(const QPolygon& corners, QSize frameSize)
{
    m_code = corners;
    m_frameSize = frameSize;
    m_codeShown.start();
    update();
    // Gone again after HighlightMs, even when no frame comes to repaint.
    QTimer::singleShot(HighlightMs + 50, this, qOverload<>(&QWidget::update));
}

void Viewfinder::clear()
{
    m_picture = QImage();
    m_code.clear();
    m_codeShown.invalidate();
    update();
}

bool Viewfinder::isHighlighting() const
{
    return !m_code.isEmpty() && m_codeShown.isValid() && m_codeShown.elapsed() < HighlightMs;
}

QRect Viewfinder::pictureRect() const
{
    const QSize picture = m_frameSize.isEmpty() ? QSize(16, 9) : m_frameSize;
    const QSize fitted = picture.scaled(size(), Qt::KeepAspectRatio);
    return {QPoint((width() - fitted.width()) / 2, (height() - fitted.height()) / 2), fitted};
}

QRect Viewfinder::guideRect() const
{
    // A card held at arm's length fills about half the picture's height: a square there.
    const QRect picture = pictureRect();
    const int side = picture.height() * 3 / 4;
    return {picture.center().x() - side / 2 + 1, picture.center().y() - side / 2 + 1, side, side};
}

QPolygonF Viewfinder::toWidget(const QPolygon& corners) const
{
    const QRect picture = pictureRect();
    const double scale = double(picture.width()) / m_frameSize.width();
    QPolygonF mapped;
    for (const QPoint& corner : corners) {
        const double x = m_mirror ? m_frameSize.width() - corner.x() : corner.x();
        mapped << QPointF(picture.left() + x * scale, picture.top() + corner.y() * scale);
    }
    return mapped;
}

void Viewfinder::paintEvent(QPaintEvent*)
{
    QPainter painter(this); // around the picture, the screen's own background
    const QRect picture = pictureRect();
    if (m_picture.isNull()) {
        painter.fillRect(picture, NO_PICTURE);
    } else {
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.drawImage(picture, m_mirror ? m_picture.mirrored(true, false) : m_picture);
    }
    // Darker outside the guide, so that the eye goes to it.
    const QRect guide = guideRect();
    QPainterPath outside;
    outside.addRect(picture);
    outside.addRoundedRect(guide, 12, 12);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillPath(outside, QColor(0, 0, 0, 110));
    // The guide's corners, thick and white.
    painter.setPen(QPen(GUIDE, std::max(4, guide.width() / 40), Qt::SolidLine, Qt::RoundCap));
    const int arm = guide.width() / 5;
    for (const QPoint& corner : {guide.topLeft(), guide.topRight(), guide.bottomLeft(), guide.bottomRight()}) {
        const int dx = corner.x() == guide.left() ? arm : -arm;
        const int dy = corner.y() == guide.top() ? arm : -arm;
        painter.drawLine(corner, corner + QPoint(dx, 0));
        painter.drawLine(corner, corner + QPoint(0, dy));
    }
    if (isHighlighting() && !m_frameSize.isEmpty()) {
        painter.setPen(QPen(FOUND, std::max(4, guide.width() / 30)));
        painter.setBrush(QColor(FOUND.red(), FOUND.green(), FOUND.blue(), 70));
        painter.drawPolygon(toWidget(m_code));
    }
}
