// The end of a check-in or check-out, in a colour that reads at a glance from the queue: green
// welcome (app verified, or goodbye), amber "app not found, install it" with the install QR
// (recommended policy), red "please see the receptionist" (required policy, or nothing could be
// recorded). Under red, a receptionist may admit the visitor: they choose their name from the
// site's accounts, type their PIN and give a reason (checked and audited in the core:
// checkin/PinCheck.h).
// A short sound goes with each result.
#pragma once

#include "TranslatedWidget.h"

class KioskPanel;
class Speaker;

class KioskFlow;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class ResultSound;

class ResultScreen : public TranslatedWidget
{
    Q_OBJECT

public:
    // Noted: a number typed to check out, answered alike whether or not anybody left.
    enum class Tone { Welcome, Recommend, Refused, Goodbye, Problem, Noted };
    Q_ENUM(Tone)

    ResultScreen(KioskFlow& flow, const QString& installUrl, ResultSound* sound = nullptr, QWidget* parent = nullptr);
    // Draws the install code for the panel (KioskWindow calls it when the panel changes): 5 px
    // modules on a 10-inch panel, 3-4 px on a smaller one, still read at arm's length by a phone.
    void drawFor(const KioskPanel& panel);
    // Spoken guidance ([kiosk] speech=true): each result is also said aloud; none by default.
    void setSpeaker(Speaker* speaker) { m_speaker = speaker; }

    // Shows the flow's latest outcome.
    void showOutcome();
    Tone tone() const { return m_tone; }

protected:
    void retranslate() override;

private:
    void admit();
    void openOverride();

    KioskFlow& m_flow;
    ResultSound* m_sound;
    Speaker* m_speaker = nullptr;
    Tone m_tone = Tone::Welcome;
    QWidget* m_panel = nullptr;
    QLabel* m_headline = nullptr;
    QLabel* m_sentence = nullptr;
    QLabel* m_installCode = nullptr;
    QString m_installUrl;
    QPushButton* m_done = nullptr;
    QPushButton* m_receptionist = nullptr;
    QWidget* m_override = nullptr;
    QLabel* m_accountLabel = nullptr;
    QComboBox* m_account = nullptr;
    QLabel* m_pinLabel = nullptr;
    QLineEdit* m_pinField = nullptr;
    QLabel* m_reasonLabel = nullptr;
    QLineEdit* m_reason = nullptr;
    QLabel* m_overrideProblem = nullptr;
    QPushButton* m_admit = nullptr;
};
