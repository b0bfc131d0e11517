// Who is at the reception desk.
#include "desk/DeskSession.h"

#include "checkin/PinCheck.h"
#include "storage/AuditLog.h"

DeskSession::DeskSession(PinCheck& pins, AuditLog& audit, const Clock& clock, Place place, qint64 lockAfterMs,
                         QObject* parent)
    : QObject(parent), m_pins(pins), m_audit(audit), m_clock(clock), m_place(place), m_lockAfterMs(lockAfterMs)
{}

Result<Accounts::Account> DeskSession::unlock(const QString& name, const QString& pin)
{
    if (m_account)
        return Error(Error::Kind::Usage, tr("%1 is signed in: lock the console first.").arg(m_account->name));
    auto account = m_place == Place::Kiosk ? m_pins.verifyAdmin(name, pin, QStringLiteral("kiosk"))
                                           : m_pins.verify(name, pin, QStringLiteral("console"));
    if (!account)
        return account;
    m_account = account.value();
    m_lastInputMs = m_clock.monotonicMs();
    // Signed in even when the audit row cannot be written (the PIN was right); the sentence says so.
    const Result<void> audited = m_audit.append({m_clock.now(), m_account->name, QStringLiteral("console_unlock"),
                                                 QStringLiteral("role=%1").arg(Accounts::name(m_account->role))});
    emit unlocked(*m_account);
    if (!audited)
        return audited.error();
    return account;
}

Result<void> DeskSession::lock(const QString& why)
{
    if (!m_account)
        return {};
    const Result<void> audited = m_audit.append({m_clock.now(), m_account->name, QStringLiteral("console_lock"), why});
    m_account.reset();
    emit locked(why);
    return audited;
}

void DeskSession::touched()
{
    m_lastInputMs = m_clock.monotonicMs();
}

bool DeskSession::tick()
{
    if (!m_account || m_clock.monotonicMs() - m_lastInputMs < m_lockAfterMs)
        return false;
    (void)lock(QStringLiteral("idle_minutes=%1").arg(m_lockAfterMs / 60000));
    return true;
}

Result<QString> DeskSession::allow(Need need) const
{
    return allow(m_account, need);
}

Result<QString> DeskSession::allow(const std::optional<Accounts::Account>& account, Need need)
{
    if (!account)
        return Error(Error::Kind::Usage, tr("The console is locked: choose your name and type your PIN first."));
    if (need == Need::Admin && !account->isAdmin())
        return Error(Error::Kind::Usage,
                     tr("%1 is a receptionist's account: only an administrator may do this.").arg(account->name));
    return account->name;
}

Result<void> DeskSession::closeKiosk()
{
    const Result<QString> actor = allow(Need::Admin);
    if (!actor)
        return actor.error();
    if (m_place != Place::Kiosk)
        return Error(Error::Kind::Usage, tr("The kiosk is closed from its own screen."));
    // Nothing leaves the door unrecorded: no audit row, no closing.
    return m_audit.append({m_clock.now(), actor.value(), QStringLiteral("kiosk_closed"), QStringLiteral("at=kiosk")});
}
