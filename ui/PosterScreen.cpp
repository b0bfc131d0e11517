// The electronic poster.
#include "PosterScreen.h"

#include "EntrancePoster.h"

#include <QMouseEvent>
#include <QPainter>

PosterScreen::PosterScreen(QString siteName, QString installUrl, QWidget* parent)
    : QWidget(parent), m_siteName(std::move(siteName)), m_installUrl(std::move(installUrl))
{
    setObjectName(QStringLiteral("PosterScreen"));
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void PosterScreen::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    EntrancePoster::paint(painter, rect(), m_siteName, m_installUrl);
}

void PosterScreen::mousePressEvent(QMouseEvent* event)
{
    event->accept();
    emit touched();
}
