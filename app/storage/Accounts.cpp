// The people who may act for the site at the kiosk and the desk.
#include "storage/Accounts.h"

#include "common/Logging.h"
#include "crypto/PinHash.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace {
QVariant msOrNull(const QDateTime& at)
{
    return at.isValid() ? QVariant(at.toMSecsSinceEpoch()) : QVariant();
}

QDateTime timeOrInvalid(const QVariant& value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

// What accountFrom() reads, in its order.
const QString ACCOUNT_COLUMNS = QStringLiteral("name, role, failures, last_failure_at, locked_until, pin_hash");
} // namespace

Accounts::Accounts(Database& database, AuditLog& audit, const Clock& clock)
    : m_database(database), m_audit(audit), m_clock(clock)
{}

void Accounts::audit(const QString& actor, const QString& action, const QString& details)
{
    // The change is made; a failure to audit it is said in the log, it does not undo it.
    const Result<void> audited = m_audit.append({m_clock.now(), actor, action, details});
    if (!audited)
        qCWarning(lcStorage).noquote() << audited.error().message();
}

QString Accounts::name(Role role)
{
    return role == Role::Admin ? QStringLiteral("admin") : QStringLiteral("receptionist");
}

std::optional<Accounts::Role> Accounts::roleFrom(const QString& name)
{
    if (name == QLatin1String("admin"))
        return Role::Admin;
    if (name == QLatin1String("receptionist"))
        return Role::Receptionist;
    return std::nullopt;
}

Result<void> Accounts::checkPinRule(const QString& pin)
{
    const bool digits = std::all_of(pin.cbegin(), pin.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
    if (!digits || pin.size() < MIN_PIN_DIGITS)
        return Error(Error::Kind::Usage, tr("A PIN is at least %1 digits, and digits only.").arg(MIN_PIN_DIGITS));
    return {};
}

Result<void> Accounts::add(const QString& name, Role role, const QString& pin, const QString& actor)
{
    const QString trimmed = name.simplified();
    if (trimmed.isEmpty())
        return Error(Error::Kind::Usage, tr("An account needs a name."));
    const Result<void> rule = checkPinRule(pin);
    if (!rule)
        return rule;
    auto existing = find(trimmed);
    if (!existing)
        return existing.error();
    if (existing.value())
        return Error(Error::Kind::Usage, tr("There is already an account named %1.").arg(trimmed));
    auto hash = PinHash::make(pin);
    if (!hash)
        return hash.error();
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("INSERT INTO account (name, role, pin_hash) VALUES (?, ?, ?)"));
    query.addBindValue(trimmed);
    query.addBindValue(Accounts::name(role));
    query.addBindValue(QString::fromLatin1(hash.value()));
    if (!query.exec())
        return m_database.errorFor(query.lastError(), tr("add the account"));
    audit(actor, QStringLiteral("account_add"),
          QStringLiteral("account=%1 role=%2").arg(trimmed, Accounts::name(role)));
    return {};
}

Result<void> Accounts::remove(const QString& name, const QString& actor)
{
    auto account = find(name);
    if (!account)
        return account.error();
    if (!account.value())
        return Error(Error::Kind::Failed, tr("There is no account named %1.").arg(name.simplified()));
    if (account.value()->isAdmin()) {
        auto accounts = all();
        if (!accounts)
            return accounts.error();
        const auto admins =
            std::count_if(accounts->cbegin(), accounts->cend(), [](const Account& other) { return other.isAdmin(); });
        if (admins <= 1)
            return Error(Error::Kind::Failed, tr("%1 is the last administrator: add another administrator before "
                                                 "removing this one.")
                                                  .arg(account.value()->name));
    }
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("DELETE FROM account WHERE name = ?"));
    query.addBindValue(account.value()->name);
    if (!query.exec())
        return m_database.errorFor(query.lastError(), tr("remove the account"));
    audit(actor, QStringLiteral("account_remove"), QStringLiteral("account=%1").arg(account.value()->name));
    return {};
}

Result<void> Accounts::setPin(const QString& name, const QString& pin, const QString& actor)
{
    const Result<void> rule = checkPinRule(pin);
    if (!rule)
        return rule;
    auto hash = PinHash::make(pin);
    if (!hash)
        return hash.error();
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("UPDATE account SET pin_hash = ?, failures = 0, last_failure_at = NULL, "
                                 "locked_until = NULL WHERE name = ?"));
    query.addBindValue(QString::fromLatin1(hash.value()));
    query.addBindValue(name.simplified());
    if (!query.exec())
        return m_database.errorFor(query.lastError(), tr("change the PIN"));
    if (query.numRowsAffected() == 0)
        return Error(Error::Kind::Failed, tr("There is no account named %1.").arg(name.simplified()));
    // A new PIN also ends a lock: say so, as the PIN check says when a lock runs out.
    audit(actor, QStringLiteral("account_pin"), QStringLiteral("account=%1 unlocked").arg(name.simplified()));
    return {};
}

Result<std::optional<Accounts::Account>> Accounts::find(const QString& name) const
{
    auto found = select(QStringLiteral("WHERE name = ?"), name.simplified());
    if (!found)
        return found.error();
    return found->isEmpty() ? std::optional<Account>() : std::optional<Account>(found->first());
}

Result<QList<Accounts::Account>> Accounts::all() const
{
    return select(QString(), QVariant());
}

// The row a query is on, read in ACCOUNT_COLUMNS' order.
Accounts::Account Accounts::accountFrom(const QSqlQuery& query)
{
    Account account;
    account.name = query.value(0).toString();
    account.role = roleFrom(query.value(1).toString()).value_or(Role::Receptionist);
    account.failures = query.value(2).toInt();
    account.lastFailureAt = timeOrInvalid(query.value(3));
    account.lockedUntil = timeOrInvalid(query.value(4));
    account.pinHash = query.value(5).toString().toLatin1();
    return account;
}

Result<QList<Accounts::Account>> Accounts::select(const QString& where, const QVariant& value) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT ") + ACCOUNT_COLUMNS + QStringLiteral(" FROM account ") + where +
                  QStringLiteral(" ORDER BY name"));
    if (value.isValid())
        query.addBindValue(value);
    if (!query.exec())
        return m_database.errorFor(query.lastError(), tr("read the accounts"));
    QList<Account> accounts;
    while (query.next()) {
        accounts.append(accountFrom(query));
    }
    return accounts;
}

Result<void> Accounts::recordAttempts(const Account& account)
{
    QSqlQuery query(m_database.connection());
    query.prepare(
        QStringLiteral("UPDATE account SET failures = ?, last_failure_at = ?, locked_until = ? WHERE name = ?"));
    query.addBindValue(account.failures);
    query.addBindValue(msOrNull(account.lastFailureAt));
    query.addBindValue(msOrNull(account.lockedUntil));
    query.addBindValue(account.name);
    if (!query.exec())
        return m_database.errorFor(query.lastError(), tr("record the PIN attempt"));
    return {};
}

Result<Accounts::Account> Accounts::recordFailure(const QString& name, const QDateTime& at, int lockAfter,
                                                  const QDateTime& lockUntil)
{
    // The right-hand sides read the row as it was; RETURNING gives it as written (SQLite 3.35+,
    // https://sqlite.org/lang_returning.html).
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("UPDATE account SET failures = failures + 1, last_failure_at = ?,"
                                 " locked_until = CASE WHEN failures + 1 >= ? THEN ? ELSE locked_until END"
                                 " WHERE name = ? RETURNING ") +
                  ACCOUNT_COLUMNS);
    query.addBindValue(msOrNull(at));
    query.addBindValue(lockAfter);
    query.addBindValue(msOrNull(lockUntil));
    query.addBindValue(name);
    if (!query.exec())
        return m_database.errorFor(query.lastError(), tr("record the PIN attempt"));
    if (!query.next())
        return Error(Error::Kind::Failed, tr("There is no account named %1.").arg(name.simplified()));
    return accountFrom(query);
}
