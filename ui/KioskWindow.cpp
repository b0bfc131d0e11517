// The kiosk's one full-screen window.
#include "KioskWindow.h"

#include "IdleScreen.h"
#include "common/Translation.h"

#include <QEvent>
#include <QFile>
#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>

KioskWindow::KioskWindow(const Settings& settings, Translation& translation, bool demo, QWidget* parent)
    : QWidget(parent), m_translation(translation)
{
    setObjectName(QStringLiteral("KioskWindow"));
    setAttribute(Qt::WA_StyledBackground);
    QFile style(QStringLiteral(":/styles/kiosk.qss"));
    if (style.open(QIODevice::ReadOnly))
        setStyleSheet(QString::fromUtf8(style.readAll()));

    m_demoBanner = new QLabel(this);
    m_demoBanner->setObjectName(QStringLiteral("DemoBanner"));
    m_demoBanner->setAlignment(Qt::AlignCenter);
    m_demoBanner->setWordWrap(true);
    m_demoBanner->setVisible(demo);

    m_idle = new IdleScreen(settings.siteName(), settings.installUrl(), translation.language(), this);
    connect(m_idle, &IdleScreen::languageRequested, this, [this](const QString& language) {
        if (m_translation.apply(language))
            m_idle->setLanguage(language);
    });

    m_screens = new QStackedWidget(this);
    m_screens->addWidget(m_idle);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_demoBanner);
    layout->addWidget(m_screens, 1);
    retranslate();
}

void KioskWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void KioskWindow::retranslate()
{
    setWindowTitle(tr("Gatehouse check-in"));
    m_demoBanner->setText(
        tr("Demo mode: no Bluetooth adapter or camera was found. Nothing shown here is a real check-in."));
}
