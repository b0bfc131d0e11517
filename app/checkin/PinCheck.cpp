// The one place a PIN is checked.
#include "checkin/PinCheck.h"

#include "common/Logging.h"
#include "common/SiteTime.h"
#include "crypto/PinHash.h"
#include "storage/AuditLog.h"

PinCheck::PinCheck(Accounts& accounts, AuditLog& audit, const Clock& clock, int utcOffsetMinutes)
    : m_accounts(accounts), m_audit(audit), m_clock(clock), m_utcOffsetMinutes(utcOffsetMinutes)
{}

Result<Accounts::Account> PinCheck::verify(const QString& name, const QString& pin, const QString& place)
{
    auto found = m_accounts.find(name);
    if (!found)
        return found.error();
    if (!found.value()) {
        audit(name.simplified(), QStringLiteral("pin_failed"), QStringLiteral("at=%1 no_such_account").arg(place));
        return Error(Error::Kind::Failed, tr("There is no account named %1.").arg(name.simplified()));
    }
    Accounts::Account account = *found.value();
    const QDateTime now = m_clock.now();

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
    const bool lock = account.failures >= LOCK_AFTER;
    audit(account.name, QStringLiteral("pin_failed"),
          QStringLiteral("at=%1 failures=%2").arg(place).arg(account.failures));
    if (lock) {
        audit(account.name, QStringLiteral("account_locked"),
              QStringLiteral("at=%1 until=%2").arg(place, account.lockedUntil.toString(Qt::ISODate)));
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
