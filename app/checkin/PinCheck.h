// The one place a receptionist's or administrator's PIN is checked, for the kiosk's override, the
// console and anything else that needs one: the PIN against its salted hash (compared in constant
// time), a back-off after 3 wrong tries in a row and a 5-minute lock after 5, timed by the Clock
// and kept in the database so that a restart does not reset them; every wrong PIN, lock and end of
// a lock is in the audit log under the account's name. Guessing at one place (the kiosk's public
// screen, a console) is slowed whatever the accounts tried, so that nobody at the door can lock
// every account in a minute; an account locked again within a day is flagged in the audit log and
// on the console's Today page (issue 24).
#pragma once

#include "common/Clock.h"
#include "storage/Accounts.h"

#include <QCoreApplication>
#include <QHash>

class AuditLog;

class PinCheck
{
    Q_DECLARE_TR_FUNCTIONS(PinCheck)

public:
    // After this many wrong PINs in a row, each further try waits BACKOFF_MS after the last one.
    static constexpr int BACKOFF_AFTER = 3;
    static constexpr qint64 BACKOFF_MS = 30 * 1000;
    // After this many, the account is locked for LOCK_MS.
    static constexpr int LOCK_AFTER = 5;
    static constexpr qint64 LOCK_MS = 5 * 60 * 1000;

    // After this many wrong PINs in a row at one place, whatever the accounts, each try there
    // waits BACKOFF_MS after the last wrong one, doubled with each further wrong one up to
    // PLACE_BACKOFF_MAX_MS. A right PIN there ends it.
    static constexpr int PLACE_BACKOFF_AFTER = 5;
    static constexpr qint64 PLACE_BACKOFF_MAX_MS = 10 * 60 * 1000;

    // utcOffsetMinutes: the site's, for the time a lock ends in the sentences.
    PinCheck(Accounts& accounts, AuditLog& audit, const Clock& clock, int utcOffsetMinutes);

    // The account, when pin is its PIN and it may try now. Otherwise an Error whose sentence says
    // why: no such account, wrong PIN (and how many tries are left before the lock), wait, locked
    // until when. place says where it was typed ("kiosk", "console", "cli") for the audit log.
    [[nodiscard]] Result<Accounts::Account> verify(const QString& name, const QString& pin, const QString& place);
    // verify(), and only an administrator's account: what leaving the locked kiosk for the console
    // or closing it needs (issue 15). A receptionist's right PIN is refused with a sentence and
    // audited as such.
    [[nodiscard]] Result<Accounts::Account> verifyAdmin(const QString& name, const QString& pin, const QString& place);
    // verify(), and only a receptionist's account: what admitting a visitor at the public kiosk
    // takes. An administrator's account is refused before its PIN is looked at, so that nobody at
    // the door can guess it or lock it.
    [[nodiscard]] Result<Accounts::Account> verifyReceptionist(const QString& name, const QString& pin,
                                                               const QString& place);
    Accounts& accounts() const { return m_accounts; }

private:
    // Wrong PINs in a row at one place.
    struct Place
    {
        int failures = 0;
        QDateTime lastFailureAt;
    };

    // How long a try at place must still wait (0: it may try now).
    qint64 placeWaitMs(const QString& place, const QDateTime& now) const;
    void placeFailed(const QString& place, const QDateTime& now);
    void audit(const QString& actor, const QString& action, const QString& details);
    QString siteTime(const QDateTime& at) const;

    Accounts& m_accounts;
    AuditLog& m_audit;
    const Clock& m_clock;
    int m_utcOffsetMinutes;
    QHash<QString, Place> m_places;
};
