// The kiosk's one full-screen window: a demo banner when there is no real hardware, and the
// screens of the check-in flow stacked beneath it, one for each state of KioskFlow. The window
// only shows the flow's state and passes on the visitor's taps; a timer lets the flow's time pass.
#pragma once

#include "checkin/HealthQuestions.h"
#include "checkin/KioskFlow.h"
#include "common/Settings.h"

#include "KioskPanel.h"
#include "TranslatedWidget.h"

#include <QHash>
#include <QMargins>

#include <optional>

class CheckOutScreen;
class HealthDeclarationScreen;
class IdentifyScreen;
class IdleScreen;
class KioskDevices;
class Speaker;
class PosterScreen;
class QLabel;
class QLayout;
class QStackedWidget;
class ResultScreen;
class ResultSound;
class Translation;
class Viewfinder;
class WaitForAppScreen;

class KioskWindow : public TranslatedWidget
{
    Q_OBJECT

public:
    KioskWindow(const Settings& settings, Translation& translation, KioskFlow& flow, HealthQuestions questions,
                qint64 appWaitMs, bool demo, ResultSound* sound = nullptr, QWidget* parent = nullptr);

    IdleScreen* idleScreen() const { return m_idle; }
    IdentifyScreen* identifyScreen() const { return m_identify; }
    WaitForAppScreen* waitForAppScreen() const { return m_wait; }
    HealthDeclarationScreen* healthDeclarationScreen() const { return m_declaration; }
    ResultScreen* resultScreen() const { return m_result; }
    CheckOutScreen* checkOutScreen() const { return m_checkOut; }
    PosterScreen* posterScreen() const { return m_poster; }
    // After this long quiet on the idle screen, the electronic poster comes, then idle and poster
    // take turns of PosterTurnMs until someone touches the screen or a phone comes close.
    static constexpr qint64 PosterAfterMs = 60000;
    static constexpr qint64 PosterTurnMs = 15000;
    QWidget* currentScreen() const;

    // Says each result aloud too ([kiosk] speech=true); nullptr: silent.
    void setSpeaker(Speaker* speaker);

    // The identify and check-out screens' viewfinders show what devices' camera sees while they
    // are up, and the outline of a code read there.
    void showCameraOf(KioskDevices& devices);

    // Makes language's locale the default (the on-screen keyboard's layout follows it).
    static void useLocaleOf(const QString& language);

    // Lets the flow's time pass and refreshes what moves (the kiosk's timer calls it; tests call
    // it after stepping their clock).
    void tick();

    // The door's window (full screen, the kiosk session): a visitor with a USB keyboard or a
    // scanner cannot close it. Close requests (the compositor's, Alt+F4) are refused and the
    // usual quit and close shortcuts (Ctrl+Q, Ctrl+W, Alt+F4, Ctrl+F4) reach nothing. The kiosk
    // session's supervisor stops it (SIGTERM). Off for --windowed runs on a desktop.
    void setLocked(bool locked);
    bool isLocked() const { return m_locked; }

protected:
    void retranslate() override;
    void closeEvent(QCloseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showState(KioskFlow::State state);
    // The viewfinder shown now (on the identify or check-out screen), or nullptr.
    Viewfinder* viewfinderOnScreen() const;

    Translation& m_translation;
    KioskFlow& m_flow;
    QLabel* m_demoBanner = nullptr;
    QStackedWidget* m_screens = nullptr;
    IdleScreen* m_idle = nullptr;
    IdentifyScreen* m_identify = nullptr;
    WaitForAppScreen* m_wait = nullptr;
    HealthDeclarationScreen* m_declaration = nullptr;
    ResultScreen* m_result = nullptr;
    CheckOutScreen* m_checkOut = nullptr;
    PosterScreen* m_poster = nullptr;
    bool m_locked = false;
    // How long the identify or check-out screen stays with a code's outline after it was read.
    static constexpr int ScanHoldMs = 600;
    bool m_holdingScan = false;
    // The style as designed (10-inch 1280x800), and the panel it is drawn for now (KioskPanel.h).
    QString m_designStyle;
    std::optional<KioskPanel> m_panel;
    QHash<QLayout*, std::pair<QMargins, int>> m_designSpacing;
};
