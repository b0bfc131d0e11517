// The receptionist's console (`gatehouse --console`, on the desk beside the kiosk, asking the desk
// the kiosk serves: desk/RemoteDesk.h): locked until someone chooses their name and types their
// PIN (checkin/PinCheck.h: back-off, lock, audit), and locked again after [console] lock_minutes without input or at
// the Lock button. A receptionist sees who is inside now with the count (the evacuation roll call), search and
// check-out, and the check-in by hand with the override reason the required policy asks for; an administrator also the
// exports, contact trace, adoption report and roster import, the audit log, the settings and the accounts. Every act is
// audited under the account's name.
//
// Opened from the locked kiosk (Place::Kiosk, a long press on the idle screen's title), only an
// administrator's PIN unlocks it (issue 15: nobody else leaves the check-in screen), it offers to
// close the kiosk, and locking it goes back to the kiosk.
#pragma once

#include "common/Settings.h"

#include "TranslatedWidget.h"

class AccountsPage;
class Desk;
class AuditPage;
class InsidePage;
class OfficialsPage;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class ReceptionCheckInPage;
class SettingsPage;
class TodayPage;

class ConsoleWindow : public TranslatedWidget
{
    Q_OBJECT

public:
    // Where the console runs: its own program at the desk, or over the kiosk's check-in screen.
    enum class Place { Desk, Kiosk };

    // desk: opened (Desk::open()), and alive as long as this window.
    ConsoleWindow(Desk& desk, QString deviceStatus, Place place = Place::Desk, QWidget* parent = nullptr);
    ~ConsoleWindow() override;

    // The line of devices found at start, for the status bar.
    static QString devicesFound(bool bluetooth, bool camera);

    bool isLocked() const;
    // The account signed in, empty while locked.
    QString actor() const;
    // Signs in as name with pin (what the Unlock button does). Whether the console is unlocked
    // when it returns: a LocalDesk checks the PIN at once; a RemoteDesk's kiosk answers later
    // (the tabs show then). A refusal's sentence is on screen.
    bool unlock(const QString& name, const QString& pin);
    // Locks now (the Lock button; the idle timeout), saying why in the audit log.
    void lock(const QString& why);
    // Lets the console's time pass: locks it after lock_minutes without input (a timer calls it;
    // tests call it after stepping their clock).
    void tick();

    TodayPage* todayPage() const { return m_today; }
    InsidePage* insidePage() const { return m_inside; }
    ReceptionCheckInPage* checkInPage() const { return m_checkIn; }
    OfficialsPage* officialsPage() const { return m_officials; }
    AuditPage* auditPage() const { return m_audit; }
    SettingsPage* settingsPage() const { return m_settings; }
    AccountsPage* accountsPage() const { return m_accounts; }
    QTabWidget* tabs() const { return m_tabs; }

signals:
    // Place::Kiosk only: the console is locked again (by hand, by the idle timeout, or never
    // unlocked); the check-in screen comes back.
    void backToKiosk();
    // Place::Kiosk only: the administrator signed in closes the kiosk (audited before this).
    void closeKiosk();

protected:
    void retranslate() override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    // The names on the lock page, read again each time it shows (an account may have been added).
    void fillAccounts();
    // What the screen does when the session is unlocked or locked again.
    void showUnlocked();
    void showLocked();

    Place m_place;
    Desk* m_desk = nullptr; // the session and the desk's requests, wherever they run
    QStackedWidget* m_stack = nullptr;
    QWidget* m_lockPage = nullptr;
    QLabel* m_lockTitle = nullptr;
    QLabel* m_accountLabel = nullptr;
    QComboBox* m_account = nullptr;
    QLabel* m_pinLabel = nullptr;
    QLineEdit* m_pinField = nullptr;
    QLabel* m_lockProblem = nullptr;
    QPushButton* m_unlock = nullptr;
    QTabWidget* m_tabs = nullptr;
    TodayPage* m_today = nullptr;
    InsidePage* m_inside = nullptr;
    ReceptionCheckInPage* m_checkIn = nullptr;
    OfficialsPage* m_officials = nullptr;
    AuditPage* m_audit = nullptr;
    SettingsPage* m_settings = nullptr;
    AccountsPage* m_accounts = nullptr;
    QLabel* m_signedIn = nullptr;
    QPushButton* m_lockButton = nullptr;
    QPushButton* m_backToKiosk = nullptr; // on the lock page, Place::Kiosk only
    QPushButton* m_closeKiosk = nullptr;  // beside Lock, Place::Kiosk only
    QLabel* m_status = nullptr;
    QString m_deviceStatus;
};
