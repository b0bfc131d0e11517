// What a visitor sees when nobody is checking in: what to do, in one sentence, a big button to
// check in and one to check out, the install QR, whether the scanner, camera and Bluetooth work,
// and the language switch.
#pragma once

#include "TranslatedWidget.h"

class KioskPanel;

class LanguageSwitch;
class QHBoxLayout;
class QLabel;
class QPushButton;
class QTimer;

class IdleScreen : public TranslatedWidget
{
    Q_OBJECT

public:
    IdleScreen(const QString& siteName, const QString& installUrl, const QString& language, QWidget* parent = nullptr);
    // Draws the install code for the panel (KioskWindow calls it when the panel changes): 5 px
    // modules on a 10-inch panel, 3-4 px on a smaller one, still read at arm's length by a phone.
    void drawFor(const KioskPanel& panel);

    void setLanguage(const QString& language);
    // The live indicator: which devices work now (● works, ○ does not), and for each that does not,
    // a sentence that says what a visitor should do instead (outside demo mode).
    void setDeviceStatus(bool bluetooth, bool camera, bool demo);
    void setBluetoothWorking(bool working) { setDeviceStatus(working, m_camera, m_demo); }
    void setCameraWorking(bool working) { setDeviceStatus(m_bluetooth, working, m_demo); }
    // The link to the central store, in small text at the bottom (nothing when the kiosk has
    // none): when it last sent (the site's time, "HH:mm"; empty: never) and how much is waiting.
    void setSyncStatus(const QString& lastSent, qint64 waiting, bool failing);

    // How long the title is held down before staffRequested() (the way out of the locked kiosk).
    static constexpr int StaffHoldMs = 3000;

signals:
    void languageRequested(const QString& language);
    // Someone held the title down for StaffHoldMs: the administrator's way to the console (a PIN
    // follows; ConsoleWindow::Place::Kiosk). Nothing on the screen invites a visitor to it.
    void staffRequested();
    void checkInRequested();
    void checkOutRequested();

protected:
    void retranslate() override;
    void resizeEvent(QResizeEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QLabel* m_title = nullptr;
    QTimer* m_hold = nullptr; // runs while the title is held down
    QLabel* m_site = nullptr;
    QLabel* m_instruction = nullptr;
    QPushButton* m_checkIn = nullptr;
    QPushButton* m_checkOut = nullptr;
    // Below this height (a landscape panel) the install code joins the bottom row.
    static constexpr int ShortHeight = 760;
    QHBoxLayout* m_installRow = nullptr;
    QHBoxLayout* m_bottomRow = nullptr;
    bool m_oneRow = false;
    QLabel* m_deviceStatus = nullptr;
    QLabel* m_syncStatus = nullptr;
    QLabel* m_deviceProblem = nullptr;
    // Working until a device says otherwise (the kiosk sets what it found at start).
    bool m_bluetooth = true;
    bool m_camera = true;
    bool m_demo = false;
    bool m_central = false;
    QString m_lastSent;
    qint64 m_waiting = 0;
    bool m_syncFailing = false;
    QLabel* m_installCode = nullptr;
    QString m_installUrl;
    QLabel* m_installCaption = nullptr;
    LanguageSwitch* m_languageSwitch = nullptr;
};
