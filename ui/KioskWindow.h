// The kiosk's one full-screen window: a demo banner when there is no real hardware, and the
// screens of the check-in flow stacked beneath it, one for each state of KioskFlow. The window
// only shows the flow's state and passes on the visitor's taps; a timer lets the flow's time pass.
#pragma once

#include "checkin/HealthQuestions.h"
#include "checkin/KioskFlow.h"
#include "common/Settings.h"

#include "TranslatedWidget.h"

class CheckOutScreen;
class HealthDeclarationScreen;
class IdentifyScreen;
class IdleScreen;
class QLabel;
class QStackedWidget;
class ResultScreen;
class ResultSound;
class Translation;
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
    QWidget* currentScreen() const;

    // Makes language's locale the default (the on-screen keyboard's layout follows it).
    static void useLocaleOf(const QString& language);

    // Lets the flow's time pass and refreshes what moves (the kiosk's timer calls it; tests call
    // it after stepping their clock).
    void tick();

protected:
    void retranslate() override;

private:
    void showState(KioskFlow::State state);

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
};
