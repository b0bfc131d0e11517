// The accounts of the province's console (issue 25, formats/console.md): made by
// `gatehouse-cli central add-official` (formats/cli.md) and signed in to by gatehouse-central. Both
// callers use this class, so a password's rules, its hash and the lock after five wrong ones live
// once. Each account has a scope (the province, a district or one site) and the console reads the
// store as that scope's role (central/CentralSchema.cpp, version 5), never as more.
#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QString>

class CentralConnection;

class CentralOfficials
{
    Q_DECLARE_TR_FUNCTIONS(CentralOfficials)

public:
    // A scope as cli.md writes it: "province", "district:NAME" or "site:ID".
    struct Scope
    {
        QString text;
        QString district; // for district:NAME
        QString site;     // for site:ID

        [[nodiscard]] static Result<Scope> parse(const QString& text);
    };

    // Who is signed in, as the console keeps it for a session.
    struct Official
    {
        QString name;
        QString role;      // "official" or "admin"
        QString scope;     // as Scope::text
        QString scopeRole; // the PostgreSQL role the console reads as
        QString language;  // "vi" or "en"
    };

    static constexpr int MIN_PASSWORD_LENGTH = 12;
    static constexpr int MAX_PASSWORD_LENGTH = 1024; // scrypt hashes any length; a page's body does not need more
    static constexpr int FAILURES_TO_LOCK = 5;

    explicit CentralOfficials(CentralConnection& connection) : m_connection(connection) {}

    // Whether a password is good enough to set; the sentence says why not.
    [[nodiscard]] static Result<void> checkPassword(const QString& password);

    // Makes the account, or gives an existing one a new role, scope and password and unlocks it
    // (the way back for a locked or forgotten account). True when it is new. Needs an
    // administrator's connection that may create roles (the scope's role is made on first use).
    [[nodiscard]] Result<bool> add(const QString& name, const QString& role, const QString& scopeText,
                                   const QString& password);

    // The console's sign-in, on the console's own connection (a member of gatehouse_console): the
    // account when name and password match and it is not locked; otherwise a sentence that does
    // not say whether the name exists, except that a locked account says it is locked. Every
    // attempt is recorded centrally with address.
    [[nodiscard]] Result<Official> signIn(const QString& name, const QString& password, const QString& address);

    // The console's audit: what an official did or looked at (formats/console.md).
    [[nodiscard]] Result<void> note(const QString& official, const QString& action, const QString& subject);
    [[nodiscard]] Result<void> setLanguage(const QString& official, const QString& language);

private:
    CentralConnection& m_connection;
};
