// The kiosk's state machine: idle -> identify -> wait for the app -> health declaration (when the
// site asks for it) -> result -> idle, and idle -> check-out -> result -> idle. Fed by the QR and
// BLE recognisers and by the visitor's taps; the screens only show its state. Time comes from the
// Clock through tick(), so tests step it exactly.
#pragma once

#include "checkin/CheckInGateway.h"
#include "qr/PayloadRecognizer.h"

#include <QObject>
#include <QStringList>

#include <optional>

class KioskFlow : public QObject
{
    Q_OBJECT

public:
    enum class State { Idle, Identify, WaitForApp, HealthDeclaration, Result, CheckOut };
    Q_ENUM(State)

    struct Timing
    {
        // How long to wait for the app once the visitor is identified: Bluezone Android is silent
        // 15 s of every 30 (formats/ble-capture.md), so a full cycle.
        qint64 appWaitMs = 30000;
        // A verification this recent when the visitor is identified counts: they held the phone
        // up while showing their card.
        qint64 appRecentMs = 20000;
        // Any screen but idle returns to idle after this long without a touch or a scan, and
        // what was half filled in is dropped.
        qint64 idleResetMs = 60000;
        // How long the result stays on screen.
        qint64 resultMs = 6000;
    };

    // The person being checked in, as identified.
    struct Identity
    {
        Entry::PersonType personType = Entry::PersonType::Visitor;
        QString fullName;
        QString idNumber;
        QString phone;
        QString address;
        Entry::Method method = Entry::Method::Manual;
        QString passId;
        QDateTime passValidTo;
    };

    KioskFlow(CheckInGateway& log, const PayloadRecognizer& recognizer, const Clock& clock, Timing timing,
              bool healthDeclaration, QObject* parent = nullptr);

    State state() const { return m_state; }
    // What the screen says now, in the visitor's language (updated with each state).
    QString message() const { return m_message; }
    // Whether a check-in or check-out is being recorded right now (the screens may say so).
    bool isRecording() const { return m_waiting; }
    // Whether the result on screen is a refusal a receptionist may override.
    bool refused() const { return m_state == State::Result && m_refused.has_value(); }
    // The last check-in or check-out outcome, for the result screen.
    const std::optional<CheckInService::Outcome>& outcome() const { return m_outcome; }
    // Whether the person of the outcome showed their own card or pass (not typed details): only
    // then may the kiosk say their name aloud (checkin/SpokenGuidance.h).
    bool ownCode() const { return m_ownCode; }
    // Whether the result answers a number typed to check out: the same answer whether or not an
    // exit was recorded (CheckInService::checkOutTyped), so the screen shows neither a goodbye
    // nor a refusal.
    bool typedCheckOut() const { return m_typedCheckOut; }
    // How long nothing happened: no tap, scan or phone, no change of screen (the electronic
    // poster comes after a minute of it on the idle screen).
    qint64 quietForMs() const;
    // Milliseconds left to wait for the app (for the progress bar), 0 outside that state.
    qint64 appWaitLeftMs() const;

    // The visitor's intents.
    void startCheckIn();
    void startCheckOut();
    void cancel();
    void identifyManually(const Identity& identity);
    void answerHealthDeclaration(const QList<QPair<QString, QString>>& answers);
    // A check-out by the ID number the visitor typed: it ends only an entry made without a card,
    // and the answer names nobody and says nothing of whether that person was inside (the number
    // may be someone else's; issue 24).
    void checkOutByIdNumber(const QString& idNumber);
    // The visitor is still there (typing, choosing answers): postpones the idle reset.
    void keepAlive() { touch(); }
    // A receptionist admits the visitor the required policy refused, with their account's PIN and
    // a reason. A wrong PIN or a locked account leaves the refusal on screen and is said through
    // overrideRefused().
    void overrideRefusal(const QString& account, const QString& pin, const QString& reason);
    // Whether a phone can be checked at all (the Bluetooth scanner works). When it cannot, nobody
    // waits for an app that cannot be seen: the site's policy decides at once (a required site
    // sends the visitor to the receptionist).
    void setAppCheckAvailable(bool available) { m_appCheckAvailable = available; }
    bool appCheckAvailable() const { return m_appCheckAvailable; }
    // The screen is an administrator's (the console opened over the kiosk): no scan, phone or tap
    // starts a check-in until it is given back; a visitor half way through is dropped.
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    // Asks for the names of the accounts that may admit (the answer comes back through done).
    void receptionists(CheckInGateway::Names done) { m_log.receptionists(std::move(done)); }

    // From the recognisers.
    void codeScanned(const QString& text);
    void appVerified(const AppVerification& verification);

    // Lets time pass (a QTimer calls it a few times a second; tests call it after stepping the
    // Clock): timeouts for the app, idle reset, the end of the result screen.
    void tick();

signals:
    void stateChanged(KioskFlow::State state);
    void messageChanged(const QString& message);
    // The receptionist's override was not taken (wrong PIN, locked account...), as a sentence.
    void overrideRefused(const QString& sentence);

private:
    void setState(State state, const QString& message);
    // A check-in or check-out starts from the idle screen or over a result, afresh.
    void begin(State state, const QString& message);
    // Drops everything of the visitor before: who they were, their app, their outcome.
    void forgetVisitor();
    // A check-out with the visitor's own card or pass, scanned.
    void checkOutWithCard(const QString& idNumber);
    void touch();
    void identified(const Identity& identity);
    void finish(std::optional<AppVerification> app);
    void record(const QList<QPair<QString, QString>>& declaration);
    void recorded(const Result<CheckInService::Outcome>& outcome, const CheckInService::Request& request);
    std::optional<AppVerification> takeRecentVerification();

    CheckInGateway& m_log;
    // A request is with the writer: the flow waits for its answer and takes no new intent (every
    // intent, and tick(), returns at once while it is set).
    bool m_waiting = false;
    const PayloadRecognizer& m_recognizer;
    const Clock& m_clock;
    Timing m_timing;
    bool m_healthDeclaration;
    bool m_appCheckAvailable = true;
    bool m_paused = false;
    bool m_ownCode = false;
    bool m_typedCheckOut = false;

    State m_state = State::Idle;
    QString m_message;
    qint64 m_lastTouchMs = 0;
    qint64 m_stateSinceMs = 0;
    std::optional<Identity> m_identity;
    std::optional<AppVerification> m_app;
    std::optional<CheckInService::Outcome> m_outcome;
    std::optional<CheckInService::Request> m_refused; // kept for a receptionist's override
    // The latest verification heard, with when it was heard (Clock::monotonicMs()).
    std::optional<std::pair<AppVerification, qint64>> m_lastVerification;
};
