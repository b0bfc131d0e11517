// The electronic poster: the entrance poster (report/EntrancePoster.h) full screen, shown in turns
// with the idle screen after a minute without anyone (KioskWindow), until someone touches the
// screen or a phone with the app comes close. A touch only brings the idle screen back: it does
// not press what lies under it.
#pragma once

#include <QWidget>

class PosterScreen : public QWidget
{
    Q_OBJECT

public:
    PosterScreen(QString siteName, QString installUrl, QWidget* parent = nullptr);

signals:
    void touched();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    QString m_siteName;
    QString m_installUrl;
};
