// The receptionist's console.
#include "ConsoleWindow.h"

#include "AuditPage.h"
#include "InsidePage.h"
#include "OfficialsPage.h"
#include "ReceptionCheckInPage.h"
#include "SettingsPage.h"
#include "TouchField.h"
#include "checkin/SiteRecords.h"

#include <QEvent>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QStorageInfo>
#include <QTabWidget>
#include <QVBoxLayout>

ConsoleWindow::ConsoleWindow(const Settings& settings, SiteRecords& records, QString deviceStatus, QWidget* parent)
    : TranslatedWidget(parent), m_pin(settings.receptionistPin()), m_deviceStatus(std::move(deviceStatus))
{
    setObjectName(QStringLiteral("ConsoleWindow"));
    setAttribute(Qt::WA_StyledBackground);
    QFile style(QStringLiteral(":/styles/console.qss"));
    if (style.open(QIODevice::ReadOnly))
        setStyleSheet(QString::fromUtf8(style.readAll()));
    m_lock = new QWidget(this);
    m_lockTitle = new QLabel(m_lock);
    m_lockTitle->setObjectName(QStringLiteral("ScreenTitle"));
    m_lockTitle->setAlignment(Qt::AlignCenter);
    m_lockTitle->setWordWrap(true);
    m_pinField = new TouchField(m_lock);
    m_pinField->setObjectName(QStringLiteral("Pin"));
    m_pinField->setEchoMode(QLineEdit::Password);
    m_pinField->setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhSensitiveData);
    m_lockProblem = new QLabel(m_lock);
    m_lockProblem->setObjectName(QStringLiteral("FormProblem"));
    m_lockProblem->setWordWrap(true);
    m_unlock = new QPushButton(m_lock);
    m_unlock->setObjectName(QStringLiteral("PrimaryButton"));
    connect(m_unlock, &QPushButton::clicked, this, &ConsoleWindow::unlock);
    connect(m_pinField, &QLineEdit::returnPressed, this, &ConsoleWindow::unlock);
    auto* lock = new QVBoxLayout(m_lock);
    lock->addStretch(1);
    lock->addWidget(m_lockTitle);
    lock->addWidget(m_pinField);
    lock->addWidget(m_lockProblem);
    lock->addWidget(m_unlock, 0, Qt::AlignHCenter);
    lock->addStretch(2);

    m_tabs = new QTabWidget(this);
    m_inside = new InsidePage(records.service(), m_tabs);
    m_checkIn = new ReceptionCheckInPage(records.service(), m_tabs);
    m_officials = new OfficialsPage(records, settings, m_tabs);
    m_audit = new AuditPage(records.audit(), m_tabs);
    m_settings = new SettingsPage(settings, records.audit(), records.service(), m_tabs);
    m_tabs->addTab(m_inside, QString());
    m_tabs->addTab(m_checkIn, QString());
    m_tabs->addTab(m_officials, QString());
    m_tabs->addTab(m_audit, QString());
    m_tabs->addTab(m_settings, QString());
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        m_inside->refresh();
        m_audit->refresh();
    });
    m_status = addLabel(QStringLiteral("DeviceStatus"), Qt::AlignLeft | Qt::AlignVCenter);
    const QStorageInfo disk(records.database().path());
    m_deviceStatus += QStringLiteral("   ·   %1   ·   %2")
                          .arg(records.database().path())
                          .arg(tr("%1 GB free").arg(double(disk.bytesAvailable()) / 1e9, 0, 'f', 1));

    auto* tabsPage = new QWidget(this);
    auto* tabsLayout = new QVBoxLayout(tabsPage);
    tabsLayout->addWidget(m_tabs, 1);
    tabsLayout->addWidget(m_status);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_lock);
    m_stack->addWidget(tabsPage);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_stack);
    retranslate();
}

bool ConsoleWindow::isLocked() const
{
    return m_stack->currentWidget() == m_lock;
}

void ConsoleWindow::unlock()
{
    if (m_pin.isEmpty()) {
        m_lockProblem->setText(tr("No receptionist PIN is set: add receptionist_pin to [kiosk] in the configuration "
                                  "file first."));
        return;
    }
    if (m_pinField->text() != m_pin) {
        m_lockProblem->setText(tr("That PIN is not right."));
        m_pinField->clear();
        return;
    }
    m_pinField->clear();
    m_lockProblem->clear();
    m_inside->refresh();
    m_audit->refresh();
    m_stack->setCurrentIndex(1);
}

void ConsoleWindow::retranslate()
{
    setWindowTitle(tr("Gatehouse reception"));
    m_lockTitle->setText(tr("Reception console: type the receptionist PIN"));
    m_unlock->setText(tr("Unlock"));
    m_tabs->setTabText(0, tr("Inside now"));
    m_tabs->setTabText(1, tr("Check in by hand"));
    m_tabs->setTabText(2, tr("Officials and reports"));
    m_tabs->setTabText(3, tr("Audit log"));
    m_tabs->setTabText(4, tr("Settings"));
    m_status->setText(m_deviceStatus);
}
