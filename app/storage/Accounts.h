// The people who may act for the site at the kiosk and the desk: receptionists (admit a visitor
// the required policy refused, check people in by hand) and administrators (also settings,
// exports, the staff roster and these accounts). Each has a name, a role and a PIN stored only as
// a salted slow hash (crypto/PinHash.h), with what the PIN check needs to survive a restart: the
// wrong PINs in a row, when the last one was typed, and until when the account is locked. Adding,
// removing and changing a PIN are audited here, so that the CLI and the console cannot forget it.
#pragma once

#include "common/Clock.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QVariant>

#include <optional>

class AuditLog;
class Database;
class QSqlQuery;

class Accounts
{
    Q_DECLARE_TR_FUNCTIONS(Accounts)

public:
    enum class Role { Receptionist, Admin };

    struct Account
    {
        QString name;
        Role role = Role::Receptionist;
        int failures = 0;        // wrong PINs in a row
        QDateTime lastFailureAt; // invalid: none
        QDateTime lockedUntil;   // invalid: not locked (or the lock was never set)
        QByteArray pinHash;      // never shown, never exported

        bool isAdmin() const { return role == Role::Admin; }
        bool isLockedAt(const QDateTime& now) const { return lockedUntil.isValid() && now < lockedUntil; }
    };

    // A PIN has at least this many digits, and digits only (a kiosk's keypad has no letters).
    static constexpr int MIN_PIN_DIGITS = 6;

    Accounts(Database& database, AuditLog& audit, const Clock& clock);

    static QString name(Role role); // "receptionist", "admin"
    static std::optional<Role> roleFrom(const QString& name);
    // Whether pin can be a PIN; an Error with the rule as a sentence otherwise.
    [[nodiscard]] static Result<void> checkPinRule(const QString& pin);

    // Adds an account; an existing name, an empty name or a PIN that breaks the rule is an Error.
    // actor: who does it, for the audit log (an account's name, or "cli").
    [[nodiscard]] Result<void> add(const QString& name, Role role, const QString& pin, const QString& actor);
    // Removes an account; the last administrator stays (someone must be able to manage the site).
    [[nodiscard]] Result<void> remove(const QString& name, const QString& actor);
    // A new PIN; also ends a lock and forgets the wrong PINs.
    [[nodiscard]] Result<void> setPin(const QString& name, const QString& pin, const QString& actor);
    [[nodiscard]] Result<std::optional<Account>> find(const QString& name) const;
    // Every account, by name.
    [[nodiscard]] Result<QList<Account>> all() const;
    // Stores the PIN check's state of one account (failures, last failure, lock).
    [[nodiscard]] Result<void> recordAttempts(const Account& account);
    // One more wrong PIN for the account at `at`, counted in one statement so that two places
    // guessing at once (the kiosk, the console, the CLI: each its own connection) both count; from
    // the lockAfter-th failure in a row on, the account is locked until lockUntil. The account as
    // stored after it.
    [[nodiscard]] Result<Account> recordFailure(const QString& name, const QDateTime& at, int lockAfter,
                                                const QDateTime& lockUntil);

private:
    static Account accountFrom(const QSqlQuery& query);
    [[nodiscard]] Result<QList<Account>> select(const QString& where, const QVariant& value) const;
    void audit(const QString& actor, const QString& action, const QString& details);

    Database& m_database;
    AuditLog& m_audit;
    const Clock& m_clock;
};
