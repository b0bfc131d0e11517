// Who is at the reception desk, as a rule of the core rather than of a widget (issue 24: the whole
// session lived in the console's window, and a receptionist was kept from administrators' pages
// only by hidden tabs). Locked until an account's PIN unlocks it (checkin/PinCheck.h): at the desk
// any account (place "console"); over the kiosk's check-in screen only an administrator's (place
// "kiosk", issue 15). Locked again at lock() or after lockAfterMs without input, timed by the
// Clock. Every unlock, lock and the closing of the kiosk is audited under the account's name.
//
// Every request of the desk asks allow() first, with what it needs: a receptionist's session
// cannot run an administrator's request, whatever the screen shows, and the actor a request is
// audited under comes only from here.
#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "storage/Accounts.h"

#include <QObject>

#include <optional>

class AuditLog;
class PinCheck;

class DeskSession : public QObject
{
    Q_OBJECT

public:
    // Where the desk runs: its own program at the desk, or over the kiosk's check-in screen.
    enum class Place { Desk, Kiosk };
    // What a request needs: someone signed in (check-in and check-out by hand, who is inside, the
    // roll call), or an administrator (exports, traces, reports, roster, audit log, settings,
    // accounts, closing the kiosk).
    enum class Need { Receptionist, Admin };

    DeskSession(PinCheck& pins, AuditLog& audit, const Clock& clock, Place place, qint64 lockAfterMs,
                QObject* parent = nullptr);

    Place place() const { return m_place; }
    bool isLocked() const { return !m_account.has_value(); }
    // The account signed in; none while locked.
    const std::optional<Accounts::Account>& account() const { return m_account; }
    QString actor() const { return m_account ? m_account->name : QString(); }
    bool isAdmin() const { return m_account && m_account->isAdmin(); }

    // Signs in as name with pin (audited console_unlock); an Error with PinCheck's sentence, or
    // when an account is already signed in.
    [[nodiscard]] Result<Accounts::Account> unlock(const QString& name, const QString& pin);
    // Locks now, saying why in the audit log (console_lock). Nothing when already locked.
    [[nodiscard]] Result<void> lock(const QString& why);
    // Someone touched the desk: the idle time starts again.
    void touched();
    // Lets time pass: locks after lockAfterMs without input (audited with the minutes). Whether it
    // locked now.
    bool tick();
    // The actor a request needing need runs as, or an Error that says why it may not run.
    [[nodiscard]] Result<QString> allow(Need need) const;
    // The same rule for account as signed in (none: locked), wherever the session is kept.
    [[nodiscard]] static Result<QString> allow(const std::optional<Accounts::Account>& account, Need need);
    // An administrator signed in over the kiosk closes it (audited kiosk_closed before it goes).
    [[nodiscard]] Result<void> closeKiosk();

signals:
    void unlocked(const Accounts::Account& account);
    // Locked again (by lock() or the idle time); why as audited.
    void locked(const QString& why);

private:
    PinCheck& m_pins;
    AuditLog& m_audit;
    const Clock& m_clock;
    Place m_place;
    qint64 m_lockAfterMs;
    qint64 m_lastInputMs = 0;
    std::optional<Accounts::Account> m_account;
};
