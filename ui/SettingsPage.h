// The site's settings as a receptionist or administrator changes them at the desk: site name,
// entrance, policy, presence threshold (with the calibration aid: a phone held at the kiosk),
// retention, language, trusted pass keys, camera and Bluetooth adapter. Saved into the
// configuration file only when every value is valid (Settings::change), and audited key by key
// (old and new value). The kiosk reads its settings when it starts.
#pragma once

#include "common/SystemClock.h"

#include "TranslatedWidget.h"

class DeskSession;
class AuditLog;
class CheckInService;
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
    SettingsPage(const Settings& settings, AuditLog& audit, const CheckInService& service, const DeskSession& session,
                 QWidget* parent = nullptr);

    // Who is signed in at the console: the audit log names them for every change.

    // Saves the form into the configuration file; the sentence says what changed or what is wrong.
    void save();
    QString lastOutcome() const;

protected:
    void retranslate() override;

private:
    void calibrate();

    QString m_path;
    AuditLog& m_audit;
    const CheckInService& m_service;
    const DeskSession& m_session; // allows each request, and names who made it
    SystemClock m_liveClock;      // the calibration listens to a real adapter, in real time
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
};
