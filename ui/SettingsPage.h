// The site's settings as a receptionist or administrator changes them at the desk: site name,
// entrance, policy, presence threshold (with the calibration aid: a phone held at the kiosk),
// retention, language, trusted pass keys, camera and Bluetooth adapter. Saved into the
// configuration file only when every value is valid, and audited key by key (old and new value),
// by the Desk (desk/Desk.h; the keys are Settings' own). The kiosk reads its settings when it
// starts. What the province's central store sets for this kiosk is shown and not editable here.
#pragma once

#include "TranslatedWidget.h"

class Desk;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class Settings;

class SettingsPage : public TranslatedWidget
{
    Q_OBJECT

public:
    // settings: what the form shows first.
    SettingsPage(const Settings& settings, Desk& desk, QWidget* parent = nullptr);

    // Saves the form into the configuration file; the sentence says what changed or what is wrong.
    void save();
    QString lastOutcome() const;

protected:
    void retranslate() override;

private:
    void calibrate();

    Desk& m_desk; // saves and calibrates, as the signed-in account
    QList<QLabel*> m_labels;
    QLineEdit* m_siteName = nullptr;
    QLineEdit* m_entrance = nullptr;
    QComboBox* m_policy = nullptr;
    QSpinBox* m_threshold = nullptr;
    QPushButton* m_calibrate = nullptr;
    QSpinBox* m_retention = nullptr;
    QComboBox* m_language = nullptr;
    QLineEdit* m_trustDir = nullptr;
    QComboBox* m_camera = nullptr;
    QComboBox* m_adapter = nullptr;
    QPushButton* m_save = nullptr;
    QLabel* m_outcome = nullptr;
    // The rows the central store sets for this kiosk, with the scope that sets each.
    QList<QPair<int, QString>> m_centralRows;
    QLabel* m_central = nullptr;
};
