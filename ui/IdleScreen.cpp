// What a visitor sees when nobody is checking in.
#include "IdleScreen.h"

#include "KioskPanel.h"
#include "LanguageSwitch.h"
#include "qr/QrEncoder.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

IdleScreen::IdleScreen(const QString& siteName, const QString& installUrl, const QString& language, QWidget* parent)
    : TranslatedWidget(parent), m_installUrl(installUrl)
{
    m_title = new QLabel(QStringLiteral("Gatehouse"), this);
    m_title->setObjectName(QStringLiteral("Title"));
    m_title->setAlignment(Qt::AlignCenter);
    // A finger held on the title: a touch that nothing takes arrives as a mouse press (Qt
    // synthesises one, Qt::AA_SynthesizeMouseForUnhandledTouchEvents).
    m_title->installEventFilter(this);
    m_hold = new QTimer(this);
    m_hold->setSingleShot(true);
    m_hold->setInterval(StaffHoldMs);
    connect(m_hold, &QTimer::timeout, this, &IdleScreen::staffRequested);

    m_site = new QLabel(siteName, this);
    m_site->setObjectName(QStringLiteral("SiteName"));
    m_site->setTextFormat(Qt::PlainText);
    m_site->setAlignment(Qt::AlignCenter);
    m_site->setVisible(!siteName.isEmpty());

    m_instruction = addLabel(QStringLiteral("Instruction"));
    // What a visitor does when a device is missing: said in words, not only by a grey dot.
    m_deviceProblem = addLabel(QStringLiteral("DeviceProblem"));
    m_deviceProblem->setVisible(false);

    // The install QR, for visitors who have no tracing app yet (the directive asks businesses to
    // recommend it at the door). 5 px modules stay sharp and scannable at arm's length.
    m_installCode = new QLabel(this);
    m_installCode->setObjectName(QStringLiteral("InstallCode"));
    m_installCode->setPixmap(QPixmap::fromImage(QrEncoder::encode(installUrl, 5)));
    m_installCode->setAlignment(Qt::AlignCenter);
    m_installCaption = addLabel(QStringLiteral("InstallCaption"), Qt::AlignLeft | Qt::AlignVCenter);
    m_installCaption->setMaximumWidth(520);

    m_checkIn = new QPushButton(this);
    m_checkIn->setObjectName(QStringLiteral("CheckInButton"));
    connect(m_checkIn, &QPushButton::clicked, this, &IdleScreen::checkInRequested);
    m_checkOut = new QPushButton(this);
    m_checkOut->setObjectName(QStringLiteral("CheckOutButton"));
    connect(m_checkOut, &QPushButton::clicked, this, &IdleScreen::checkOutRequested);
    m_deviceStatus = addLabel(QStringLiteral("DeviceStatus"), Qt::AlignLeft | Qt::AlignVCenter);
    m_syncStatus = addLabel(QStringLiteral("SyncStatus"));
    m_syncStatus->setVisible(false);

    m_languageSwitch = new LanguageSwitch(language, this);
    connect(m_languageSwitch, &LanguageSwitch::languageRequested, this, &IdleScreen::languageRequested);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->addStretch(2);
    layout->addWidget(m_title);
    layout->addWidget(m_site);
    layout->addSpacing(16);
    layout->addWidget(m_instruction);
    layout->addWidget(m_deviceProblem);
    layout->addSpacing(16);
    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(24);
    buttons->addStretch(1);
    buttons->addWidget(m_checkIn);
    buttons->addWidget(m_checkOut);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    layout->addStretch(2);
    // The install QR with its caption beside it, and the device status beside the language
    // switch: two rows where the panel is tall enough (1280x800 under the demo banner, portrait),
    // one row on a short landscape panel (1280x720: cage's headless output, many 7-10" panels).
    m_installRow = new QHBoxLayout;
    m_installRow->addStretch(1);
    m_installRow->addWidget(m_installCode);
    m_installRow->addWidget(m_installCaption, 1);
    m_installRow->addStretch(1);
    layout->addLayout(m_installRow);
    layout->addStretch(1);
    m_bottomRow = new QHBoxLayout;
    m_bottomRow->addWidget(m_deviceStatus, 1);
    m_bottomRow->addWidget(m_languageSwitch);
    m_bottomRow->addStretch(1);
    layout->addLayout(m_bottomRow);
    // The central store's line, the width of the screen: one line on every panel.
    layout->addWidget(m_syncStatus);
    retranslate();
}

void IdleScreen::drawFor(const KioskPanel& panel)
{
    const int module = panel.scale() < 0.8 ? 3 : panel.scale() < 1.0 ? 4 : 5;
    m_installCode->setPixmap(QPixmap::fromImage(QrEncoder::encode(m_installUrl, module)));
    m_installCaption->setMaximumWidth(panel.px(520));
}

bool IdleScreen::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_title) {
        if (event->type() == QEvent::MouseButtonPress)
            m_hold->start();
        else if (event->type() == QEvent::MouseButtonRelease || event->type() == QEvent::Leave)
            m_hold->stop();
    }
    return TranslatedWidget::eventFilter(watched, event);
}

void IdleScreen::resizeEvent(QResizeEvent* event)
{
    TranslatedWidget::resizeEvent(event);
    const bool oneRow = height() < ShortHeight && width() > height();
    if (oneRow == m_oneRow)
        return;
    m_oneRow = oneRow;
    // The same widgets, moved between the two rows: [devices] [QR caption] [languages] in one.
    if (oneRow) {
        m_installRow->removeWidget(m_installCode);
        m_installRow->removeWidget(m_installCaption);
        m_bottomRow->insertWidget(1, m_installCode);
        m_bottomRow->insertWidget(2, m_installCaption);
    } else {
        m_bottomRow->removeWidget(m_installCode);
        m_bottomRow->removeWidget(m_installCaption);
        m_installRow->insertWidget(1, m_installCode);
        m_installRow->insertWidget(2, m_installCaption, 1);
    }
    // The layout already placed the widgets for this size (a layout handles the resize before the
    // widget does): place them again, now. Under cage the panel's one resize is this one.
    layout()->activate();
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

void IdleScreen::setSyncStatus(const QString& lastSent, qint64 waiting, bool failing)
{
    m_central = true;
    m_lastSent = lastSent;
    m_waiting = waiting;
    m_syncFailing = failing;
    retranslate();
}

void IdleScreen::retranslate()
{
    m_instruction->setText(tr("Welcome. Please check in here before you enter."));
    m_installCaption->setText(tr("No Bluezone app yet? Scan this code with your phone to install it."));
    m_checkIn->setText(tr("Check in"));
    m_checkOut->setText(tr("Check out"));
    // ● works, ○ does not: shape as well as words, for those who cannot read the language shown.
    // A no-break space keeps each mark with its device's name when the line wraps.
    const auto mark = [](bool works) { return works ? QStringLiteral("●\u00A0") : QStringLiteral("○\u00A0"); };
    const QString devices = tr("%1Bluetooth   %2Camera").arg(mark(m_bluetooth), mark(m_camera));
    m_deviceStatus->setText(m_demo ? tr("Demo: recorded visitors are replayed.") + QLatin1Char('\n') + devices
                                   : devices);
    if (m_central) {
        QString sync = m_lastSent.isEmpty() ? tr("Not sent yet") : tr("Sent %1").arg(m_lastSent);
        sync += QStringLiteral(" · ") + tr("%n waiting", nullptr, int(std::min<qint64>(m_waiting, 1000000000)));
        if (m_syncFailing)
            sync += QStringLiteral(" · ") + tr("offline");
        m_syncStatus->setText(sync);
    }
    m_syncStatus->setVisible(m_central);
    QStringList problems;
    if (!m_demo && !m_bluetooth)
        problems << tr("Bluetooth is not working: the tracing app cannot be checked, please see the receptionist.");
    if (!m_demo && !m_camera)
        problems << tr("Camera not working: use the scanner or type your details.");
    m_deviceProblem->setText(problems.join(QLatin1Char('\n')));
    m_deviceProblem->setVisible(!problems.isEmpty());
}
