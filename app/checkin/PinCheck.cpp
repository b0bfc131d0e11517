// The one place a PIN is checked.
#include "checkin/PinCheck.h"

#include "common/Logging.h"
#include "common/SiteTime.h"
#include "crypto/PinHash.h"
#include "storage/AuditLog.h"

#include <algorithm>

PinCheck::PinCheck(Accounts& accounts, AuditLog& audit, const Clock& clock, int utcOffsetMinutes)
    : m_accounts(accounts), m_audit(audit), m_clock(clock), m_utcOffsetMinutes(utcOffsetMinutes)
{}

Result<Accounts::Account> PinCheck::verify(const QString& name, const QString& pin, const QString& place)
{
    const QDateTime now = m_clock.now();
    // The place first: a guesser moving from account to account waits here before any account is
    // looked at.
    if (const qint64 waitMs = placeWaitMs(place, now); waitMs > 0) {
        const qint64 seconds = (waitMs + 999) / 1000;
        return Error(Error::Kind::Failed,
                     tr("Too many wrong PINs here: try again in %n seconds.", nullptr, int(seconds)));
    }
    auto found = m_accounts.find(name);
    if (!found)
        return found.error();
    if (!found.value()) {
        placeFailed(place, now);
        audit(name.simplified(), QStringLiteral("pin_failed"), QStringLiteral("at=%1 no_such_account").arg(place));
        return Error(Error::Kind::Failed, tr("There is no account named %1.").arg(name.simplified()));
    }
    Accounts::Account account = *found.value();

    if (account.isLockedAt(now)) {
        audit(account.name, QStringLiteral("pin_refused"),
              QStringLiteral("at=%1 locked_until=%2").arg(place, account.lockedUntil.toString(Qt::ISODate)));
        return Error(Error::Kind::Failed, tr("The account %1 is locked after %2 wrong PINs, until %3.")
                                              .arg(account.name)
                                              .arg(LOCK_AFTER)
                                              .arg(siteTime(account.lockedUntil)));
    }
    if (account.lockedUntil.isValid()) {
        // The lock has run out: the account starts afresh, and the log says so.
        account.lockedUntil = QDateTime();
        account.failures = 0;
        account.lastFailureAt = QDateTime();
        const Result<void> stored = m_accounts.recordAttempts(account);
        if (!stored)
            return stored.error();
        audit(account.name, QStringLiteral("account_unlocked"), QStringLiteral("at=%1 lock_ended").arg(place));
    }
    if (account.failures >= BACKOFF_AFTER && account.lastFailureAt.isValid()) {
        const qint64 waitMs = account.lastFailureAt.msecsTo(now);
        if (waitMs >= 0 && waitMs < BACKOFF_MS) {
            const qint64 seconds = (BACKOFF_MS - waitMs + 999) / 1000;
            return Error(
                Error::Kind::Failed,
                tr("Too many wrong PINs for %1: try again in %n seconds.", nullptr, int(seconds)).arg(account.name));
        }
    }

    if (PinHash::matches(account.pinHash, pin)) {
        m_places.remove(place);
        if (account.failures > 0) {
            account.failures = 0;
            account.lastFailureAt = QDateTime();
            const Result<void> stored = m_accounts.recordAttempts(account);
            if (!stored)
                return stored.error();
        }
        return account;
    }

    // Counted in the database, not here: another place may have counted one since the read above.
    const Result<Accounts::Account> counted =
        m_accounts.recordFailure(account.name, now, LOCK_AFTER, now.addMSecs(LOCK_MS));
    if (!counted)
        return counted.error();
    account = counted.value();
    placeFailed(place, now);
    const bool lock = account.failures >= LOCK_AFTER;
    audit(account.name, QStringLiteral("pin_failed"),
          QStringLiteral("at=%1 failures=%2").arg(place).arg(account.failures));
    if (lock) {
        audit(account.name, QStringLiteral("account_locked"),
              QStringLiteral("at=%1 until=%2").arg(place, account.lockedUntil.toString(Qt::ISODate)));
        // Locked again within a day: someone may be guessing, or locking the staff out on purpose.
        const Result<int> locks = m_audit.count(account.name, QStringLiteral("account_locked"), now.addDays(-1));
        if (locks && locks.value() >= 2)
            audit(account.name, QStringLiteral("account_lock_repeated"),
                  QStringLiteral("at=%1 locks_24h=%2").arg(place).arg(locks.value()));
        return Error(Error::Kind::Failed, tr("That PIN is not right. The account %1 is locked for %n minutes.", nullptr,
                                             int(LOCK_MS / 60000))
                                              .arg(account.name));
    }
    return Error(Error::Kind::Failed, tr("That PIN is not right. %n more wrong PINs lock the account.", nullptr,
                                         LOCK_AFTER - account.failures));
}

Result<Accounts::Account> PinCheck::verifyAdmin(const QString& name, const QString& pin, const QString& place)
{
    auto account = verify(name, pin, place);
    if (!account || account->isAdmin())
        return account;
    audit(account->name, QStringLiteral("pin_refused"), QStringLiteral("at=%1 not_admin").arg(place));
    return Error(Error::Kind::Failed,
                 tr("%1 is a receptionist's account: only an administrator's PIN opens this.").arg(account->name));
}

Result<Accounts::Account> PinCheck::verifyReceptionist(const QString& name, const QString& pin, const QString& place)
{
    auto found = m_accounts.find(name);
    if (!found)
        return found.error();
    if (found.value() && found.value()->isAdmin()) {
        // Counted at the place like a wrong PIN: asking for administrators there is guessing too.
        placeFailed(place, m_clock.now());
        audit(found.value()->name, QStringLiteral("pin_refused"), QStringLiteral("at=%1 admin_not_here").arg(place));
        return Error(Error::Kind::Failed, tr("%1 is an administrator's account: administrators admit visitors from the "
                                             "receptionist's console, not at the door.")
                                              .arg(found.value()->name));
    }
    return verify(name, pin, place);
}

qint64 PinCheck::placeWaitMs(const QString& place, const QDateTime& now) const
{
    const auto it = m_places.constFind(place);
    if (it == m_places.constEnd() || it->failures < PLACE_BACKOFF_AFTER)
        return 0;
    const int doublings = std::min(it->failures - PLACE_BACKOFF_AFTER, 10);
    const qint64 waitMs = std::min(BACKOFF_MS << doublings, PLACE_BACKOFF_MAX_MS);
    const qint64 sinceMs = it->lastFailureAt.msecsTo(now);
    return sinceMs >= 0 && sinceMs < waitMs ? waitMs - sinceMs : 0;
}

void PinCheck::placeFailed(const QString& place, const QDateTime& now)
{
    Place& state = m_places[place];
    state.failures += 1;
    state.lastFailureAt = now;
}

void PinCheck::audit(const QString& actor, const QString& action, const QString& details)
{
    // A failure to write the audit row is logged; it does not turn a wrong PIN into a right one.
    const Result<void> audited = m_audit.append({m_clock.now(), actor, action, details});
    if (!audited)
        qCWarning(lcCheckIn).noquote() << audited.error().message();
}

QString PinCheck::siteTime(const QDateTime& at) const
{
    return SiteTime(m_utcOffsetMinutes).format(at, QStringLiteral("HH:mm"));
}
