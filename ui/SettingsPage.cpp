// The site's settings at the desk.
#include "SettingsPage.h"

#include "ble/AppProfileTable.h"
#include "ble/CalibrationSession.h"
#include "ble/QtBluetoothSource.h"
#include "checkin/CheckInService.h"
#include "common/Settings.h"
#include "desk/DeskSession.h"
#include "storage/AuditLog.h"

#include <QBluetoothLocalDevice>
#include <QCameraDevice>
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMediaDevices>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

namespace {
// The INI keys, in the order of the form's rows (README.md "Configuration").
const QStringList Keys = {
    QStringLiteral("site/name"),         QStringLiteral("site/entrance"),       QStringLiteral("site/policy"),
    QStringLiteral("ble/threshold_dbm"), QStringLiteral("site/retention_days"), QStringLiteral("site/language"),
    QStringLiteral("passes/trust_dir"),  QStringLiteral("qr/camera"),           QStringLiteral("ble/adapter")};
} // namespace

SettingsPage::SettingsPage(const Settings& settings, AuditLog& audit, const CheckInService& service,
                           const DeskSession& session, QWidget* parent)
    : TranslatedWidget(parent), m_path(settings.path().isEmpty() ? Settings::defaultPath() : settings.path()),
      m_audit(audit), m_service(service), m_session(session)
{
    m_siteName = new QLineEdit(settings.siteName(), this);
    m_entrance = new QLineEdit(settings.entrance(), this);
    m_policy = new QComboBox(this);
    m_policy->setObjectName(QStringLiteral("Policy"));
    m_policy->addItem(QString(), QStringLiteral("required"));
    m_policy->addItem(QString(), QStringLiteral("recommended"));
    m_policy->setCurrentIndex(m_policy->findData(settings.policy()));
    m_threshold = new QSpinBox(this);
    m_threshold->setRange(-100, -20);
    m_threshold->setSuffix(QStringLiteral(" dBm"));
    m_threshold->setValue(settings.presenceThresholdDbm());
    m_calibrate = new QPushButton(this);
    connect(m_calibrate, &QPushButton::clicked, this, &SettingsPage::calibrate);
    m_retention = new QSpinBox(this);
    m_retention->setObjectName(QStringLiteral("RetentionDays"));
    m_retention->setRange(1, 3650);
    m_retention->setValue(settings.retentionDays());
    m_language = new QComboBox(this);
    m_language->addItem(QStringLiteral("Tiếng Việt"), QStringLiteral("vi"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->setCurrentIndex(m_language->findData(settings.language()));
    m_trustDir = new QLineEdit(settings.trustDirectory(), this);
    // The devices this computer has now; what is configured stays a choice even when unplugged.
    m_camera = new QComboBox(this);
    m_camera->addItem(QString(), QString());
    for (const QCameraDevice& camera : QMediaDevices::videoInputs())
        m_camera->addItem(camera.description(), camera.description());
    if (!settings.cameraName().isEmpty() && m_camera->findData(settings.cameraName()) < 0)
        m_camera->addItem(settings.cameraName(), settings.cameraName());
    m_camera->setCurrentIndex(m_camera->findData(settings.cameraName()));
    m_adapter = new QComboBox(this);
    m_adapter->addItem(QString(), QString());
    for (const QBluetoothHostInfo& host : QBluetoothLocalDevice::allDevices())
        m_adapter->addItem(host.address().toString(), host.address().toString());
    if (!settings.adapterAddress().isEmpty() && m_adapter->findData(settings.adapterAddress()) < 0)
        m_adapter->addItem(settings.adapterAddress(), settings.adapterAddress());
    m_adapter->setCurrentIndex(m_adapter->findData(settings.adapterAddress()));
    m_save = new QPushButton(this);
    m_save->setObjectName(QStringLiteral("PrimaryButton"));
    connect(m_save, &QPushButton::clicked, this, &SettingsPage::save);
    m_outcome = addLabel(QStringLiteral("Outcome"), Qt::AlignLeft | Qt::AlignVCenter);

    auto* grid = new QGridLayout;
    grid->setColumnStretch(1, 1);
    const QList<QWidget*> fields = {m_siteName, m_entrance, m_policy, m_threshold, m_retention,
                                    m_language, m_trustDir, m_camera, m_adapter};
    for (int row = 0; row < fields.size(); ++row) {
        m_labels.append(new QLabel(this));
        grid->addWidget(m_labels.last(), row, 0);
        grid->addWidget(fields[row], row, 1);
    }
    grid->addWidget(m_calibrate, 3, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(grid);
    layout->addWidget(m_outcome);
    layout->addWidget(m_save, 0, Qt::AlignRight);
    layout->addStretch(1);
    retranslate();
}

QString SettingsPage::lastOutcome() const
{
    return m_outcome->text();
}

void SettingsPage::save()
{
    const Result<QString> actor = m_session.allow(DeskSession::Need::Admin);
    if (!actor) {
        m_outcome->setText(actor.error().message());
        return;
    }
    const QStringList values = {m_siteName->text().trimmed(),          m_entrance->text().trimmed(),
                                m_policy->currentData().toString(),    QString::number(m_threshold->value()),
                                QString::number(m_retention->value()), m_language->currentData().toString(),
                                m_trustDir->text().trimmed(),          m_camera->currentData().toString(),
                                m_adapter->currentData().toString()};
    QList<QPair<QString, QString>> pairs;
    for (int i = 0; i < Keys.size(); ++i)
        pairs.append({Keys[i], values[i]});
    const auto changes = Settings::change(m_path, pairs);
    if (!changes) {
        m_outcome->setText(changes.error().message());
        return;
    }
    if (changes->isEmpty()) {
        m_outcome->setText(tr("Nothing changed."));
        return;
    }
    const Result<void> audited = m_audit.append(
        {m_service.now(), actor.value(), QStringLiteral("settings"), changes->join(QStringLiteral("; "))});
    m_outcome->setText(tr("Saved to %1: %2. The kiosk uses them from its next start.")
                           .arg(m_path, changes->join(QStringLiteral("; "))) +
                       (audited ? QString() : QLatin1Char(' ') + audited.error().message()));
}

void SettingsPage::calibrate()
{
    if (QBluetoothLocalDevice::allDevices().isEmpty()) {
        m_outcome->setText(tr("This computer has no Bluetooth adapter: calibrate at the kiosk itself "
                              "(gatehouse-cli calibrate --live)."));
        return;
    }
    // The site's own app profiles, as the kiosk at the door uses them.
    auto profiles = AppProfileTable::load(m_path);
    if (!profiles) {
        m_outcome->setText(profiles.error().message());
        return;
    }
    // A phone running a tracing app held where visitors hold theirs, for 20 seconds: one session
    // (ble/CalibrationSession.h), as `gatehouse-cli calibrate --live` runs it.
    m_calibrate->setEnabled(false);
    auto* session = new CalibrationSession(
        std::make_unique<QtBluetoothSource>(QBluetoothAddress(m_adapter->currentData().toString()), m_liveClock),
        profiles.value(), 20, CalibrationSession::Timing::Live, this);
    connect(session, &CalibrationSession::progress, this, [this](int secondsLeft, qint64 adverts) {
        m_outcome->setText(tr("Hold a phone with Bluezone open at the kiosk: %n seconds left", nullptr, secondsLeft) +
                           tr(" (%n adverts heard).", nullptr, int(adverts)));
    });
    connect(session, &CalibrationSession::finished, this, [this, session] {
        const Result<RssiCalibration::Proposal>& outcome = session->outcome();
        session->deleteLater();
        m_calibrate->setEnabled(true);
        if (!outcome) {
            m_outcome->setText(outcome.error().message());
            return;
        }
        m_threshold->setValue(outcome->thresholdDbm);
        m_outcome->setText(tr("Proposed threshold: %1 dBm (median %2 dBm over %3 adverts). Save to use it.")
                               .arg(outcome->thresholdDbm)
                               .arg(outcome->medianDbm)
                               .arg(outcome->samples));
    });
    session->start();
}

void SettingsPage::retranslate()
{
    const QStringList labels = {tr("Site name"),
                                tr("Entrance"),
                                tr("Policy"),
                                tr("Presence threshold"),
                                tr("Keep records (days)"),
                                tr("Kiosk language"),
                                tr("Trusted pass keys (folder)"),
                                tr("Camera"),
                                tr("Bluetooth adapter")};
    for (int i = 0; i < labels.size(); ++i)
        m_labels[i]->setText(labels[i]);
    m_policy->setItemText(0, tr("Required: no entry without the app (state agencies)"));
    m_policy->setItemText(1, tr("Recommended: admit and show how to install it (businesses, hotels)"));
    m_camera->setItemText(0, tr("The system's default camera"));
    m_adapter->setItemText(0, tr("The system's default adapter"));
    m_calibrate->setText(tr("Calibrate…"));
    m_save->setText(tr("Save"));
}
