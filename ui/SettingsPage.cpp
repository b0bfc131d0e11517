// The site's settings at the desk.
#include "SettingsPage.h"

#include "common/Settings.h"
#include "desk/Desk.h"

#include <QBluetoothLocalDevice>
#include <QCameraDevice>
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMediaDevices>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

SettingsPage::SettingsPage(const Settings& settings, Desk& desk, QWidget* parent)
    : TranslatedWidget(parent), m_desk(desk)
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
    // What the central store sets for this kiosk wins over the file (issue 26): shown, not
    // editable here; the desk refuses a change to it all the same (desk/LocalDesk.cpp).
    // The fields stand in the order of Settings::deskKeys().
    const QList<Settings::DeskKey>& keys = Settings::deskKeys();
    for (const Settings::InForce& setting : settings.effective()) {
        if (setting.source == QLatin1String("ini") || setting.source == QLatin1String("default"))
            continue;
        for (int row = 0; row < keys.size(); ++row) {
            if (Settings::iniKey(keys[row]) == setting.key) {
                fields[row]->setEnabled(false);
                m_centralRows.append({row, setting.source});
            }
        }
    }
    m_central = addLabel(QStringLiteral("Central"), Qt::AlignLeft | Qt::AlignVCenter);
    m_central->setVisible(!m_centralRows.isEmpty());
    grid->addWidget(m_calibrate, 3, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(grid);
    layout->addWidget(m_central);
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
    if (const Result<void> allowed = m_desk.mayAsk(DeskSession::Need::Admin); !allowed) {
        m_outcome->setText(allowed.error().message());
        return;
    }
    using Key = Settings::DeskKey;
    const QList<QPair<Key, QString>> values = {{Key::SiteName, m_siteName->text().trimmed()},
                                               {Key::Entrance, m_entrance->text().trimmed()},
                                               {Key::Policy, m_policy->currentData().toString()},
                                               {Key::PresenceThresholdDbm, QString::number(m_threshold->value())},
                                               {Key::RetentionDays, QString::number(m_retention->value())},
                                               {Key::Language, m_language->currentData().toString()},
                                               {Key::TrustDirectory, m_trustDir->text().trimmed()},
                                               {Key::Camera, m_camera->currentData().toString()},
                                               {Key::BluetoothAdapter, m_adapter->currentData().toString()}};
    m_save->setEnabled(false);
    m_desk.changeSettings(values, [page = QPointer<SettingsPage>(this)](const Result<Desk::SettingsSaved>& saved) {
        if (!page)
            return;
        page->m_save->setEnabled(true);
        if (!saved)
            return page->m_outcome->setText(saved.error().message());
        if (saved->changes.isEmpty())
            return page->m_outcome->setText(tr("Nothing changed."));
        page->m_outcome->setText(tr("Saved to %1: %2. The kiosk uses them from its next start.")
                                     .arg(page->m_desk.settingsPath(), saved->changes.join(QStringLiteral("; "))) +
                                 (saved->problem.isEmpty() ? QString() : QLatin1Char(' ') + saved->problem));
    });
}

void SettingsPage::calibrate()
{
    m_calibrate->setEnabled(false);
    const QPointer<SettingsPage> page(this);
    m_desk.calibrate(
        m_adapter->currentData().toString(),
        [page](int secondsLeft, qint64 adverts) {
            if (page)
                page->m_outcome->setText(
                    tr("Hold a phone with Bluezone open at the kiosk: %n seconds left", nullptr, secondsLeft) +
                    tr(" (%n adverts heard).", nullptr, int(adverts)));
        },
        [page](const Result<RssiCalibration::Proposal>& outcome) {
            if (!page)
                return;
            page->m_calibrate->setEnabled(true);
            if (!outcome)
                return page->m_outcome->setText(outcome.error().message());
            page->m_threshold->setValue(outcome->thresholdDbm);
            page->m_outcome->setText(tr("Proposed threshold: %1 dBm (median %2 dBm over %3 adverts). Save to use it.")
                                         .arg(outcome->thresholdDbm)
                                         .arg(outcome->medianDbm)
                                         .arg(outcome->samples));
        });
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
    QStringList central;
    for (const auto& [row, source] : std::as_const(m_centralRows)) {
        const QString scope = source == QLatin1String("province")   ? tr("the province")
                              : source == QLatin1String("district") ? tr("the district")
                              : source == QLatin1String("site")     ? tr("this site")
                                                                    : tr("this kiosk");
        central.append(tr("%1 (set for %2)").arg(labels[row], scope));
    }
    m_central->setText(
        tr("Set by the central store, changed in the province's console: %1.").arg(central.join(QStringLiteral("; "))));
    m_policy->setItemText(0, tr("Required: no entry without the app (state agencies)"));
    m_policy->setItemText(1, tr("Recommended: admit and show how to install it (businesses, hotels)"));
    m_camera->setItemText(0, tr("The system's default camera"));
    m_adapter->setItemText(0, tr("The system's default adapter"));
    m_calibrate->setText(tr("Calibrate…"));
    m_save->setText(tr("Save"));
}
