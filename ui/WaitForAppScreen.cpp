// Check-in, second step.
#include "WaitForAppScreen.h"

#include "checkin/KioskFlow.h"

#include <QEvent>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

WaitForAppScreen::WaitForAppScreen(KioskFlow& flow, qint64 waitMs, QWidget* parent)
    : TranslatedWidget(parent), m_flow(flow)
{
    m_title = addLabel(QStringLiteral("ScreenTitle"));
    m_hint = addLabel(QStringLiteral("Message"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("AppWait"));
    m_progress->setRange(0, int(waitMs / 100));
    m_progress->setTextVisible(false);
    m_cancel = new QPushButton(this);
    m_cancel->setObjectName(QStringLiteral("CancelButton"));
    connect(m_cancel, &QPushButton::clicked, this, [this] { m_flow.cancel(); });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(48, 32, 48, 32);
    layout->setSpacing(28);
    layout->addStretch(1);
    layout->addWidget(m_title);
    layout->addWidget(m_hint);
    layout->addWidget(m_progress);
    layout->addStretch(2);
    layout->addWidget(m_cancel, 0, Qt::AlignHCenter);
    retranslate();
}

void WaitForAppScreen::refresh()
{
    m_progress->setValue(int(m_flow.appWaitLeftMs() / 100));
}

void WaitForAppScreen::retranslate()
{
    m_title->setText(tr("Hold your phone near the kiosk"));
    m_hint->setText(tr("Open Bluezone (or your country's tracing app) and hold the phone here. It can take up to "
                       "30 seconds: the app sends its signal only every few seconds."));
    m_cancel->setText(tr("Cancel"));
}
