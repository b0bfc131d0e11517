// The receptionist's console.
#include "ConsoleWindow.h"

#include "AccountsPage.h"
#include "AuditPage.h"
#include "InsidePage.h"
#include "OfficialsPage.h"
#include "ReceptionCheckInPage.h"
#include "SettingsPage.h"
#include "TodayPage.h"
#include "TouchField.h"
#include "desk/Desk.h"

#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QFile>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QStackedWidget>
#include <QStorageInfo>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace {
// The tabs, in order; the first two are a receptionist's, the rest an administrator's too.
enum Tab { TodayTab, InsideTab, CheckInTab, OfficialsTab, AuditTab, SettingsTab, AccountsTab };
constexpr int RECEPTIONIST_TABS = 3;
} // namespace

ConsoleWindow::ConsoleWindow(Desk& desk, QString deviceStatus, Place place, QWidget* parent)
    : TranslatedWidget(parent), m_place(place), m_desk(&desk), m_deviceStatus(std::move(deviceStatus))
{
    setObjectName(QStringLiteral("ConsoleWindow"));
    setAttribute(Qt::WA_StyledBackground);
    QFile style(QStringLiteral(":/styles/console.qss"));
    if (style.open(QIODevice::ReadOnly))
        setStyleSheet(QString::fromUtf8(style.readAll()));

    m_lockPage = new QWidget(this);
    m_lockTitle = new QLabel(m_lockPage);
    m_lockTitle->setObjectName(QStringLiteral("ScreenTitle"));
    m_lockTitle->setAlignment(Qt::AlignCenter);
    m_lockTitle->setWordWrap(true);
    m_accountLabel = new QLabel(m_lockPage);
    m_account = new QComboBox(m_lockPage);
    m_account->setObjectName(QStringLiteral("Account"));
    m_pinLabel = new QLabel(m_lockPage);
    m_pinField = new TouchField(m_lockPage);
    m_pinField->setObjectName(QStringLiteral("Pin"));
    m_pinField->setEchoMode(QLineEdit::Password);
    m_pinField->setInputMethodHints(TouchField::PersonalData | Qt::ImhDigitsOnly);
    m_lockProblem = addLabel(QStringLiteral("LockProblem"));
    m_unlock = new QPushButton(m_lockPage);
    m_unlock->setObjectName(QStringLiteral("PrimaryButton"));
    const auto unlockAsTyped = [this] { unlock(m_account->currentText(), m_pinField->text()); };
    connect(m_unlock, &QPushButton::clicked, this, unlockAsTyped);
    connect(m_pinField, &QLineEdit::returnPressed, this, unlockAsTyped);
    auto* credentials = new QGridLayout;
    credentials->setColumnStretch(1, 1);
    credentials->addWidget(m_accountLabel, 0, 0);
    credentials->addWidget(m_account, 0, 1);
    credentials->addWidget(m_pinLabel, 1, 0);
    credentials->addWidget(m_pinField, 1, 1);
    auto* lockButtons = new QHBoxLayout;
    lockButtons->addStretch(1);
    if (m_place == Place::Kiosk) {
        // Someone held the title by chance, or the administrator changed their mind.
        m_backToKiosk = new QPushButton(m_lockPage);
        m_backToKiosk->setObjectName(QStringLiteral("BackToKiosk"));
        connect(m_backToKiosk, &QPushButton::clicked, this, &ConsoleWindow::backToKiosk);
        lockButtons->addWidget(m_backToKiosk);
    }
    lockButtons->addWidget(m_unlock);
    lockButtons->addStretch(1);
    auto* lockLayout = new QVBoxLayout(m_lockPage);
    lockLayout->addStretch(1);
    lockLayout->addWidget(m_lockTitle);
    lockLayout->addLayout(credentials);
    lockLayout->addWidget(m_lockProblem);
    lockLayout->addLayout(lockButtons);
    lockLayout->addStretch(2);

    m_tabs = new QTabWidget(this);
    m_today = new TodayPage(m_desk->siteTime(), m_deviceStatus, m_tabs);
    m_inside = new InsidePage(*m_desk, m_tabs);
    // Who is inside, read off the GUI thread whenever the kiosk commits.
    connect(m_desk, &Desk::insideChanged, m_inside, &InsidePage::showPresence);
    connect(m_desk, &Desk::insideChanged, m_today, &TodayPage::showPresence);
    connect(m_desk, &Desk::dayChanged, m_today, &TodayPage::showDay);
    m_desk->watchInside();
    connect(m_inside, &InsidePage::rollCallRequested, this, [this] {
        m_desk->rollCall([page = QPointer<InsidePage>(m_inside)](const Result<RollCallRequest::Made>& made) {
            if (page)
                page->rollCallDone(made ? tr("Roll call of %n people saved to %1: print it and take it outside.",
                                             nullptr, made->inside)
                                              .arg(made->path)
                                        : made.error().message());
        });
    });
    m_checkIn = new ReceptionCheckInPage(*m_desk, m_tabs);
    m_officials = new OfficialsPage(*m_desk, m_tabs);
    m_audit = new AuditPage(*m_desk, m_tabs);
    m_settings = new SettingsPage(m_desk->config().settings, *m_desk, m_tabs);
    m_accounts = new AccountsPage(*m_desk, m_tabs);
    for (QWidget* page :
         std::initializer_list<QWidget*>{m_today, m_inside, m_checkIn, m_officials, m_audit, m_settings, m_accounts})
        m_tabs->addTab(page, QString());
    // A choice spelled out at length ("Recommended: admit and show how to install it ...") must not
    // hold the console wider than a portrait screen (800 px): a box is as wide as its column
    // allows and its list shows the choices whole.
    for (QComboBox* choice : m_tabs->findChildren<QComboBox*>()) {
        choice->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        choice->setMinimumContentsLength(16);
    }
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        m_inside->refresh();
        m_audit->refresh();
        m_accounts->refresh();
    });
    m_signedIn = addLabel(QStringLiteral("DeviceStatus"), Qt::AlignRight | Qt::AlignVCenter);
    m_lockButton = new QPushButton(this);
    m_lockButton->setObjectName(QStringLiteral("LockButton"));
    connect(m_lockButton, &QPushButton::clicked, this, [this] { lock(QStringLiteral("button")); });
    m_status = addLabel(QStringLiteral("DeviceStatus"), Qt::AlignLeft | Qt::AlignVCenter);
    const QStorageInfo disk(m_desk->config().databasePath);
    m_deviceStatus += QStringLiteral("   ·   %1   ·   %2")
                          .arg(m_desk->config().databasePath)
                          .arg(tr("%1 GB free").arg(double(disk.bytesAvailable()) / 1e9, 0, 'f', 1));

    auto* tabsPage = new QWidget(this);
    auto* tabsLayout = new QVBoxLayout(tabsPage);
    tabsLayout->addWidget(m_tabs, 1);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_signedIn);
    if (m_place == Place::Kiosk) {
        m_closeKiosk = new QPushButton(this);
        m_closeKiosk->setObjectName(QStringLiteral("CloseKiosk"));
        connect(m_closeKiosk, &QPushButton::clicked, this, [this] {
            const Result<void> closed = m_desk->closeKiosk(); // audited, or not closed
            if (!closed) {
                m_status->setText(closed.error().message());
                return;
            }
            emit closeKiosk();
        });
        bottom->addWidget(m_closeKiosk);
    }
    bottom->addWidget(m_lockButton);
    tabsLayout->addLayout(bottom);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_lockPage);
    m_stack->addWidget(tabsPage);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_stack);
    // The session's changes, wherever they come from (this screen, the idle time, the kiosk).
    connect(m_desk, &Desk::unlocked, this, &ConsoleWindow::showUnlocked);
    connect(m_desk, &Desk::locked, this, &ConsoleWindow::showLocked);
    connect(m_desk, &Desk::reachable, this, [this](bool yes, const QString& why) {
        m_lockProblem->setText(why);
        if (yes)
            fillAccounts();
    });
    fillAccounts();
    retranslate();

    // Any key, click or touch anywhere in the application counts as someone at the desk.
    QApplication::instance()->installEventFilter(this);
    auto* timer = new QTimer(this);
    timer->setInterval(5000);
    connect(timer, &QTimer::timeout, this, &ConsoleWindow::tick);
    timer->start();
}

ConsoleWindow::~ConsoleWindow()
{
    QApplication::instance()->removeEventFilter(this);
}

QString ConsoleWindow::devicesFound(bool bluetooth, bool camera)
{
    return tr("Bluetooth: %1   Camera: %2")
        .arg(bluetooth ? tr("found") : tr("not found"), camera ? tr("found") : tr("not found"));
}

bool ConsoleWindow::isLocked() const
{
    return m_desk->isLocked();
}

QString ConsoleWindow::actor() const
{
    return m_desk->actor();
}

void ConsoleWindow::fillAccounts()
{
    m_desk->signInNames([window = QPointer<ConsoleWindow>(this)](const Result<QStringList>& names) {
        if (!window)
            return;
        window->m_account->clear();
        if (!names) {
            window->m_lockProblem->setText(names.error().message());
            return;
        }
        window->m_account->addItems(names.value());
        if (names->isEmpty()) {
            window->m_lockProblem->setText(
                tr("This site has no accounts yet. An administrator creates the first one on this computer with: "
                   "gatehouse-cli account add --name NAME --role admin"));
        }
    });
}

bool ConsoleWindow::unlock(const QString& name, const QString& pin)
{
    // setText() drops the field's undo history too: the PIN is gone either way.
    m_pinField->setText(QString());
    m_unlock->setEnabled(false); // one check at a time
    m_desk->unlock(name, pin, [window = QPointer<ConsoleWindow>(this)](const Result<Accounts::Account>& account) {
        if (!window)
            return;
        window->m_unlock->setEnabled(true);
        // Unlocked even when the audit row could not be written: the sentence stays on screen.
        window->m_lockProblem->setText(account ? QString() : account.error().message());
    });
    return !m_desk->isLocked();
}

void ConsoleWindow::showUnlocked()
{
    const bool admin = m_desk->isAdmin();
    for (int tab = RECEPTIONIST_TABS; tab < m_tabs->count(); ++tab)
        m_tabs->setTabVisible(tab, admin);
    m_tabs->setCurrentIndex(TodayTab);
    m_inside->refresh();
    m_audit->refresh();
    m_accounts->refresh();
    m_stack->setCurrentIndex(1);
    retranslate();
}

void ConsoleWindow::lock(const QString& why)
{
    if (isLocked())
        return;
    // The screen is locked by the desk's locked() before this returns; the audit's word follows.
    m_desk->lock(why, [window = QPointer<ConsoleWindow>(this)](const Result<void>& audited) {
        if (window && !audited)
            window->m_lockProblem->setText(audited.error().message());
    });
}

void ConsoleWindow::showLocked()
{
    // The next person at the desk sees nothing the last one typed.
    m_inside->search()->setText(QString());
    m_checkIn->clearForm();
    m_officials->clearForm();
    m_accounts->clearForm();
    m_lockProblem->setText(QString());
    fillAccounts();
    m_stack->setCurrentWidget(m_lockPage);
    retranslate();
    if (m_place == Place::Kiosk)
        emit backToKiosk();
}

void ConsoleWindow::tick()
{
    m_desk->tick(); // locked() says when it locked
}

bool ConsoleWindow::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::TouchBegin:
    case QEvent::Wheel:
        m_desk->touched();
        break;
    default:
        break;
    }
    return TranslatedWidget::eventFilter(watched, event);
}

void ConsoleWindow::retranslate()
{
    setWindowTitle(tr("Gatehouse reception"));
    m_lockTitle->setText(m_place == Place::Kiosk ? tr("Administrator only: choose your name and type your PIN")
                                                 : tr("Reception console: choose your name and type your PIN"));
    if (m_backToKiosk)
        m_backToKiosk->setText(tr("Back to check-in"));
    if (m_closeKiosk)
        m_closeKiosk->setText(tr("Close the kiosk"));
    m_accountLabel->setText(tr("Name"));
    m_pinLabel->setText(tr("PIN"));
    m_unlock->setText(tr("Unlock"));
    m_tabs->setTabText(TodayTab, tr("Today"));
    m_tabs->setTabText(InsideTab, tr("Inside now"));
    m_tabs->setTabText(CheckInTab, tr("Check in by hand"));
    m_tabs->setTabText(OfficialsTab, tr("Officials and reports"));
    m_tabs->setTabText(AuditTab, tr("Audit log"));
    m_tabs->setTabText(SettingsTab, tr("Settings"));
    m_tabs->setTabText(AccountsTab, tr("Accounts"));
    m_signedIn->setText(isLocked() ? QString() : tr("Signed in: %1").arg(actor()));
    m_lockButton->setText(m_place == Place::Kiosk ? tr("Lock and back to check-in") : tr("Lock"));
    m_status->setText(m_deviceStatus);
}
