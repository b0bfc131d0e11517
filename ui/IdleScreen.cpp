// What a visitor sees when nobody is checking in.
#include "IdleScreen.h"

#include "LanguageSwitch.h"
#include "qr/QrEncoder.h"

#include <QBoxLayout>
#include <QEvent>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>
#include <QVBoxLayout>

IdleScreen::IdleScreen(const QString& siteName, const QString& installUrl, const QString& language, QWidget* parent)
    : QWidget(parent)
{
    m_title = new QLabel(QStringLiteral("Gatehouse"), this);
    m_title->setObjectName(QStringLiteral("Title"));
    m_title->setAlignment(Qt::AlignCenter);

    m_site = new QLabel(siteName, this);
    m_site->setObjectName(QStringLiteral("SiteName"));
    m_site->setAlignment(Qt::AlignCenter);
    m_site->setVisible(!siteName.isEmpty());

    m_instruction = new QLabel(this);
    m_instruction->setObjectName(QStringLiteral("Instruction"));
    m_instruction->setAlignment(Qt::AlignCenter);
    m_instruction->setWordWrap(true);

    // The install QR, for visitors who have no tracing app yet (the directive asks businesses to
    // recommend it at the door). 5 px modules stay sharp and scannable at arm's length.
    m_installCode = new QLabel(this);
    m_installCode->setObjectName(QStringLiteral("InstallCode"));
    m_installCode->setPixmap(QPixmap::fromImage(QrEncoder::encode(installUrl, 5)));
    m_installCode->setAlignment(Qt::AlignCenter);
    m_installCaption = new QLabel(this);
    m_installCaption->setObjectName(QStringLiteral("InstallCaption"));
    m_installCaption->setAlignment(Qt::AlignCenter);
    m_installCaption->setWordWrap(true);

    m_checkIn = new QPushButton(this);
    m_checkIn->setObjectName(QStringLiteral("CheckInButton"));
    connect(m_checkIn, &QPushButton::clicked, this, &IdleScreen::checkInRequested);
    m_checkOut = new QPushButton(this);
    m_checkOut->setObjectName(QStringLiteral("CheckOutButton"));
    connect(m_checkOut, &QPushButton::clicked, this, &IdleScreen::checkOutRequested);
    m_deviceStatus = new QLabel(this);
    m_deviceStatus->setObjectName(QStringLiteral("DeviceStatus"));
    m_deviceStatus->setAlignment(Qt::AlignCenter);
    m_deviceStatus->setWordWrap(true);

    m_languageSwitch = new LanguageSwitch(language, this);
    connect(m_languageSwitch, &LanguageSwitch::languageRequested, this, &IdleScreen::languageRequested);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(48, 48, 48, 48);
    layout->addStretch(2);
    layout->addWidget(m_title);
    layout->addWidget(m_site);
    layout->addSpacing(32);
    layout->addWidget(m_instruction);
    layout->addSpacing(24);
    m_buttons = new QBoxLayout(QBoxLayout::TopToBottom); // until the first resize says landscape
    m_buttons->setSpacing(32);
    m_buttons->addWidget(m_checkIn, 0, Qt::AlignCenter);
    m_buttons->addWidget(m_checkOut, 0, Qt::AlignCenter);
    layout->addLayout(m_buttons);
    layout->addStretch(2);
    layout->addWidget(m_installCode);
    layout->addWidget(m_installCaption);
    layout->addStretch(1);
    layout->addWidget(m_deviceStatus);
    layout->addWidget(m_languageSwitch, 0, Qt::AlignHCenter);
    retranslate();
}

void IdleScreen::setLanguage(const QString& language)
{
    m_languageSwitch->setLanguage(language);
}

void IdleScreen::setDeviceStatus(bool bluetooth, bool camera, bool demo)
{
    m_bluetooth = bluetooth;
    m_camera = camera;
    m_demo = demo;
    retranslate();
}

void IdleScreen::resizeEvent(QResizeEvent* event)
{
    // Side by side on a landscape screen, one above the other in portrait (800x1280).
    m_buttons->setDirection(width() < 1000 ? QBoxLayout::TopToBottom : QBoxLayout::LeftToRight);
    QWidget::resizeEvent(event);
}

void IdleScreen::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void IdleScreen::retranslate()
{
    m_instruction->setText(tr("Welcome. Please check in here before you enter."));
    m_installCaption->setText(tr("No Bluezone app yet? Scan this code with your phone to install it."));
    m_checkIn->setText(tr("Check in"));
    m_checkOut->setText(tr("Check out"));
    // ● works, ○ does not: shape as well as words, for those who cannot read the language shown.
    const auto mark = [](bool works) { return works ? QStringLiteral("●") : QStringLiteral("○"); };
    m_deviceStatus->setText(m_demo ? tr("Demo: recorded visitors are replayed.")
                                   : tr("%1 Bluetooth   %2 Camera").arg(mark(m_bluetooth), mark(m_camera)));
}
