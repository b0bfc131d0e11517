// The kiosk's state machine.
#include "checkin/KioskFlow.h"

#include "common/IdNumber.h"
#include "common/Logging.h"

KioskFlow::KioskFlow(CheckInGateway& log, const PayloadRecognizer& recognizer, const Clock& clock, Timing timing,
                     bool healthDeclaration, QObject* parent)
    : QObject(parent), m_log(log), m_recognizer(recognizer), m_clock(clock), m_timing(timing),
      m_healthDeclaration(healthDeclaration)
{
    setState(State::Idle, tr("Welcome. Please check in here before you enter."));
}

qint64 KioskFlow::appWaitLeftMs() const
{
    if (m_state != State::WaitForApp)
        return 0;
    return std::max<qint64>(0, m_stateSinceMs + m_timing.appWaitMs - m_clock.monotonicMs());
}

void KioskFlow::setState(State state, const QString& message)
{
    const bool changed = state != m_state;
    m_state = state;
    m_stateSinceMs = m_clock.monotonicMs();
    m_message = message;
    if (state == State::Idle)
        forgetVisitor(); // nothing of the last visitor stays for the next one to see
    if (changed)
        emit stateChanged(state);
    emit messageChanged(message);
}

void KioskFlow::forgetVisitor()
{
    m_ownCode = false;
    m_typedCheckOut = false;
    m_identity.reset();
    m_app.reset();
    m_refused.reset();
    m_outcome.reset();
}

void KioskFlow::touch()
{
    m_lastTouchMs = m_clock.monotonicMs();
}

void KioskFlow::startCheckIn()
{
    begin(State::Identify,
          tr("Show the QR code of your citizen ID card or visitor pass to the camera, or type your details."));
}

void KioskFlow::startCheckOut()
{
    begin(State::CheckOut,
          tr("To check out, show your citizen ID card or visitor pass to the camera, or type your ID number."));
}

void KioskFlow::setPaused(bool paused)
{
    if (paused && m_state != State::Idle && !m_waiting) {
        forgetVisitor();
        cancel();
    }
    m_paused = paused;
}

void KioskFlow::begin(State state, const QString& message)
{
    if (m_waiting || m_paused)
        return;
    touch();
    if (m_state == State::Idle || m_state == State::Result) {
        // Over a result, the next person starts: the refusal on screen is not theirs to override.
        forgetVisitor();
        setState(state, message);
    }
}

void KioskFlow::cancel()
{
    if (m_waiting)
        return;
    setState(State::Idle, tr("Welcome. Please check in here before you enter."));
}

void KioskFlow::codeScanned(const QString& text)
{
    if (m_waiting || m_paused)
        return;
    touch();
    if (m_state == State::Idle || m_state == State::Result)
        startCheckIn(); // a scan at the idle screen starts a check-in at once
    if (m_state != State::Identify && m_state != State::CheckOut)
        return;
    const QrPayload payload = m_recognizer.recognize(text, m_clock.now());
    if (payload.kind == QrPayload::Kind::Url || payload.kind == QrPayload::Kind::Text) {
        setState(m_state, tr("This code is not an ID card or a visitor pass. Please show your citizen ID card or "
                             "your visitor pass."));
        return;
    }
    if (!payload.valid.value_or(false)) {
        const QString why = payload.kind == QrPayload::Kind::Pass && payload.pass
                                ? VisitorPass::verdictSentence(payload.pass->verdict)
                                : tr("The card's code cannot be read correctly.");
        setState(m_state, why + QLatin1Char(' ') + tr("Please try again or see the receptionist."));
        return;
    }
    Identity identity;
    if (payload.card) {
        identity.fullName = payload.card->fullName;
        identity.idNumber = payload.card->idNumber;
        identity.address = payload.card->address;
        identity.method = Entry::Method::QrCccd;
    } else if (payload.pass) {
        identity.fullName = payload.pass->fullName;
        // A pass names its visitor but carries no ID number: the pass id stands for it.
        identity.idNumber = IdNumber::forPass(payload.pass->passId).text();
        identity.passId = payload.pass->passId;
        identity.passValidTo = payload.pass->validTo;
        identity.method = Entry::Method::QrPass;
    }
    if (m_state == State::CheckOut)
        checkOutWithCard(identity.idNumber);
    else
        identified(identity);
}

void KioskFlow::identifyManually(const Identity& identity)
{
    if (m_waiting)
        return;
    touch();
    if (m_state != State::Identify)
        return;
    // Typed: a person's number, never a pass's stand-in (common/IdNumber.h).
    const auto number = IdNumber::parseTyped(identity.idNumber);
    if (!number) {
        setState(State::Identify, number.error().message());
        return;
    }
    Identity manual = identity;
    manual.idNumber = number->text();
    manual.method = Entry::Method::Manual;
    manual.passId.clear();
    identified(manual);
}

void KioskFlow::identified(const Identity& identity)
{
    m_identity = identity;
    m_ownCode = identity.method == Entry::Method::QrCccd || identity.method == Entry::Method::QrPass;
    if (auto recent = takeRecentVerification()) {
        finish(recent);
        return;
    }
    if (!m_appCheckAvailable) {
        finish(std::nullopt);
        return;
    }
    setState(State::WaitForApp, tr("Hold your phone, with Bluezone open, near the kiosk."));
}

qint64 KioskFlow::quietForMs() const
{
    return m_clock.monotonicMs() - std::max(m_lastTouchMs, m_stateSinceMs);
}

void KioskFlow::appVerified(const AppVerification& verification)
{
    m_lastVerification = std::pair(verification, m_clock.monotonicMs());
    if (m_state == State::Idle)
        touch(); // someone with the app is at the door: no poster over the idle screen
    if (m_state == State::WaitForApp && !m_waiting)
        finish(takeRecentVerification());
}

std::optional<AppVerification> KioskFlow::takeRecentVerification()
{
    if (!m_lastVerification || m_clock.monotonicMs() - m_lastVerification->second > m_timing.appRecentMs)
        return std::nullopt;
    // One phone verifies one check-in: the next visitor must show their own.
    const AppVerification verification = m_lastVerification->first;
    m_lastVerification.reset();
    return verification;
}

void KioskFlow::finish(std::optional<AppVerification> app)
{
    m_app = app;
    const Policy::Decision decision = m_log.site().policy.decide(app.has_value());
    if (m_healthDeclaration && decision != Policy::Decision::SendToReceptionist) {
        setState(State::HealthDeclaration, tr("Please answer the health declaration."));
        return;
    }
    record({});
}

void KioskFlow::answerHealthDeclaration(const QList<QPair<QString, QString>>& answers)
{
    if (m_waiting)
        return;
    touch();
    if (m_state == State::HealthDeclaration)
        record(answers);
}

void KioskFlow::record(const QList<QPair<QString, QString>>& declaration)
{
    CheckInService::Request request;
    request.entry.personType = m_identity->personType;
    request.entry.fullName = m_identity->fullName;
    request.entry.idNumber = m_identity->idNumber;
    request.entry.phone = m_identity->phone;
    request.entry.address = m_identity->address;
    request.entry.method = m_identity->method;
    request.entry.passId = m_identity->passId;
    request.entry.passValidTo = m_identity->passValidTo;
    request.entry.declaration = declaration;
    request.app = m_app;
    request.atKiosk = true;
    m_waiting = true;
    m_log.checkIn(request, [this, request](const Result<CheckInService::Outcome>& outcome) {
        m_waiting = false;
        recorded(outcome, request);
    });
}

void KioskFlow::recorded(const Result<CheckInService::Outcome>& outcome, const CheckInService::Request& request)
{
    if (!outcome) {
        // Nothing was recorded: say so, never "welcome".
        m_outcome.reset();
        setState(State::Result, outcome.error().message());
        return;
    }
    m_outcome = outcome.value();
    m_refused.reset();
    if (!outcome->entry)
        m_refused = request;
    setState(State::Result, outcome->sentence);
}

void KioskFlow::overrideRefusal(const QString& account, const QString& pin, const QString& reason)
{
    if (m_waiting)
        return;
    if (m_state != State::Result || !m_refused)
        return;
    touch();
    CheckInService::Request request = *m_refused;
    request.overrideReason = reason;
    m_waiting = true;
    m_log.admitRefused(request, account, pin, [this, request](const Result<CheckInService::Outcome>& outcome) {
        m_waiting = false;
        if (!outcome) {
            // Not admitted (a wrong PIN, a locked account): the refusal stays on screen.
            emit overrideRefused(outcome.error().message());
            return;
        }
        recorded(outcome, request);
    });
}

void KioskFlow::checkOutByIdNumber(const QString& idNumber)
{
    if (m_waiting)
        return;
    touch();
    if (m_state != State::CheckOut)
        return;
    m_waiting = true;
    m_log.checkOutTyped(idNumber, [this](const Result<bool>& done) {
        m_waiting = false;
        if (!done) { // a malformed number, or the log failing: nothing of anybody's presence
            setState(State::CheckOut, done.error().message());
            return;
        }
        // One answer whether or not an exit was recorded (CheckInService::checkOutTyped): a typed
        // number may be anyone's, and the screen must not tell whether that person is inside.
        CheckInService::Outcome outcome;
        outcome.sentence = tr("Thank you. If you came in by typing this number, your check-out is recorded. If you "
                              "came in with your card or pass, scan it to check out, or see the receptionist.");
        m_outcome = outcome;
        m_ownCode = false;
        m_typedCheckOut = true;
        setState(State::Result, outcome.sentence);
    });
}

void KioskFlow::checkOutWithCard(const QString& idNumber)
{
    if (m_waiting)
        return;
    touch();
    if (m_state != State::CheckOut)
        return;
    m_waiting = true;
    m_log.checkOutPerson(idNumber, Entry::CheckoutKind::Kiosk, [this](const Result<Entry>& left) {
        m_waiting = false;
        if (!left) {
            setState(State::CheckOut, left.error().message());
            return;
        }
        CheckInService::Outcome outcome;
        outcome.entry = left.value();
        // Their own card or pass: a goodbye by name.
        outcome.sentence = tr("Goodbye, %1. Your check-out is recorded.").arg(left->fullName);
        m_outcome = outcome;
        m_ownCode = true;
        m_typedCheckOut = false;
        setState(State::Result, outcome.sentence);
    });
}

void KioskFlow::tick()
{
    if (m_waiting)
        return;
    const qint64 now = m_clock.monotonicMs();
    switch (m_state) {
    case State::Idle:
        return;
    case State::WaitForApp:
        if (now - m_stateSinceMs >= m_timing.appWaitMs) {
            finish(std::nullopt);
            return;
        }
        break;
    case State::Result:
        if (now - m_stateSinceMs >= m_timing.resultMs && !m_refused) {
            cancel();
            return;
        }
        break;
    case State::Identify:
    case State::HealthDeclaration:
    case State::CheckOut:
        break;
    }
    if (now - std::max(m_lastTouchMs, m_stateSinceMs) >= m_timing.idleResetMs)
        cancel();
}
