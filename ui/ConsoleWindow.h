// The receptionist's console (`gatehouse --console`, on the desk beside the kiosk, on the same
// entry log): locked by the PIN ([kiosk] receptionist_pin) until it is typed; then who is inside
// now with the count (the evacuation roll call), search and check-out; a check-in by hand with
// the override reason the required policy asks for; exports, contact trace and adoption report;
// the staff roster import; the audit log; and the state of the devices and the database.
// Every act is the service's, so every act is audited as the receptionist's.
#pragma once

#include "common/Settings.h"

#include "TranslatedWidget.h"

class AuditPage;
class InsidePage;
class OfficialsPage;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class ReceptionCheckInPage;
class SettingsPage;
class SiteRecords;

class ConsoleWindow : public TranslatedWidget
{
    Q_OBJECT

public:
    ConsoleWindow(const Settings& settings, SiteRecords& records, QString deviceStatus, QWidget* parent = nullptr);

    bool isLocked() const;
    InsidePage* insidePage() const { return m_inside; }
    ReceptionCheckInPage* checkInPage() const { return m_checkIn; }
    OfficialsPage* officialsPage() const { return m_officials; }
    AuditPage* auditPage() const { return m_audit; }
    SettingsPage* settingsPage() const { return m_settings; }

protected:
    void retranslate() override;

private:
    void unlock();

    QString m_pin;
    QStackedWidget* m_stack = nullptr;
    QWidget* m_lock = nullptr;
    QLabel* m_lockTitle = nullptr;
    QLineEdit* m_pinField = nullptr;
    QLabel* m_lockProblem = nullptr;
    QPushButton* m_unlock = nullptr;
    QTabWidget* m_tabs = nullptr;
    InsidePage* m_inside = nullptr;
    ReceptionCheckInPage* m_checkIn = nullptr;
    OfficialsPage* m_officials = nullptr;
    AuditPage* m_audit = nullptr;
    SettingsPage* m_settings = nullptr;
    QLabel* m_status = nullptr;
    QString m_deviceStatus;
};
