// The console's accounts.
#include "central/CentralOfficials.h"

#include "central/CentralConnection.h"
#include "crypto/PinHash.h"

Result<CentralOfficials::Scope> CentralOfficials::Scope::parse(const QString& text)
{
    if (text == QLatin1String("province"))
        return Scope{text, {}, {}};
    if (text.startsWith(QLatin1String("district:")) && !text.mid(9).trimmed().isEmpty())
        return Scope{text, text.mid(9), {}};
    if (text.startsWith(QLatin1String("site:")) && !text.mid(5).trimmed().isEmpty())
        return Scope{text, {}, text.mid(5)};
    return Error(
        Error::Kind::Usage,
        tr("A scope is province, district:NAME or site:ID (for example district:Phú Vang); %1 is not.").arg(text));
}

Result<void> CentralOfficials::checkPassword(const QString& password)
{
    if (password.size() < MIN_PASSWORD_LENGTH)
        return Error(Error::Kind::Usage, tr("A password has at least %1 characters; this one has %2.")
                                             .arg(MIN_PASSWORD_LENGTH)
                                             .arg(password.size()));
    if (password.size() > MAX_PASSWORD_LENGTH)
        return Error(Error::Kind::Usage, tr("A password has at most %1 characters.").arg(MAX_PASSWORD_LENGTH));
    return {};
}

Result<bool> CentralOfficials::add(const QString& name, const QString& role, const QString& scopeText,
                                   const QString& password)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 64 || trimmed != name)
        return Error(Error::Kind::Usage, tr("An account's name is 1 to 64 characters, without spaces at its ends."));
    for (const QChar c : name) {
        if (c.category() == QChar::Other_Control)
            return Error(Error::Kind::Usage, tr("An account's name has no control characters."));
    }
    if (role != QLatin1String("official") && role != QLatin1String("admin"))
        return Error(Error::Kind::Usage, tr("An account's role is official or admin; %1 is not.").arg(role));
    const auto scope = Scope::parse(scopeText);
    if (!scope)
        return scope.error();
    const Result<void> good = checkPassword(password);
    if (!good)
        return good.error();
    // A scope names what exists: a mistyped district would be a scope of nobody.
    if (!scope->site.isEmpty() || !scope->district.isEmpty()) {
        const auto known = m_connection.exec(
            scope->site.isEmpty() ? QStringLiteral("SELECT 1 FROM gatehouse.site WHERE district = $1 LIMIT 1")
                                  : QStringLiteral("SELECT 1 FROM gatehouse.site WHERE site = $1"),
            {scope->site.isEmpty() ? scope->district : scope->site});
        if (!known)
            return known.error();
        if (known->values.isEmpty())
            return Error(Error::Kind::Usage,
                         scope->site.isEmpty()
                             ? tr("No site of the central store is in the district %1: add its sites first (central "
                                  "add-site --district), or check the district's spelling.")
                                   .arg(scope->district)
                             : tr("There is no site %1 in the central store: add it first (central add-site).")
                                   .arg(scope->site));
    }
    const auto hash = PinHash::make(password);
    if (!hash)
        return hash.error();
    const auto begun = m_connection.exec(QStringLiteral("BEGIN"));
    if (!begun)
        return begun.error();
    const auto added = m_connection.exec(QStringLiteral("SELECT gatehouse.scope_role($1, $2, $3)"),
                                         {scope->text, scope->district.isEmpty() ? QString() : scope->district,
                                          scope->site.isEmpty() ? QString() : scope->site});
    const auto stored =
        added ? m_connection.exec(QStringLiteral("INSERT INTO gatehouse.official (name, role, scope, password_hash)"
                                                 " VALUES ($1, $2, $3, $4)"
                                                 " ON CONFLICT (name) DO UPDATE SET role = EXCLUDED.role,"
                                                 " scope = EXCLUDED.scope, password_hash = EXCLUDED.password_hash,"
                                                 " failures = 0, locked_at = NULL, password_set_at = now()"
                                                 " RETURNING xmax = 0"),
                                  {name, role, scope->text, QString::fromLatin1(hash.value())})
              : Result<CentralConnection::Rows>(added.error());
    if (!stored) {
        (void)m_connection.exec(QStringLiteral("ROLLBACK"));
        return stored.error();
    }
    const auto committed = m_connection.exec(QStringLiteral("COMMIT"));
    if (!committed)
        return committed.error();
    return stored->values.value(0).value(0) == QLatin1String("t");
}

Result<CentralOfficials::Official> CentralOfficials::signIn(const QString& name, const QString& password,
                                                            const QString& address)
{
    const Error wrong(Error::Kind::Usage, tr("The name or the password is wrong."));
    if (name.isEmpty() || name.size() > 64 || password.size() > MAX_PASSWORD_LENGTH)
        return wrong;
    const auto account =
        m_connection.exec(QStringLiteral("SELECT role, scope, scope_role, password_hash, locked, language"
                                         " FROM gatehouse.console_account($1)"),
                          {name});
    if (!account)
        return account.error();
    if (account->values.isEmpty()) {
        // As long as a real check, so that the time taken does not tell which names exist.
        static const Result<QByteArray> nobody = PinHash::make(QStringLiteral("nobody's password"));
        if (nobody)
            (void)PinHash::matches(nobody.value(), password);
        return wrong;
    }
    const QStringList row = account->values.first();
    const QString locked = tr("This account is locked after %1 wrong passwords. An administrator of the province "
                              "gives it a new password (gatehouse-cli central add-official).")
                               .arg(FAILURES_TO_LOCK);
    if (row[4] == QLatin1String("t"))
        return Error(Error::Kind::Usage, locked);
    if (!PinHash::matches(row[3].toLatin1(), password)) {
        const auto counted =
            m_connection.exec(QStringLiteral("SELECT gatehouse.console_wrong_password($1, $2)"), {name, address});
        if (!counted)
            return counted.error();
        if (counted->values.value(0).value(0) == QLatin1String("t"))
            return Error(Error::Kind::Usage, locked);
        return wrong;
    }
    const auto signedIn =
        m_connection.exec(QStringLiteral("SELECT gatehouse.console_signed_in($1, $2)"), {name, address});
    if (!signedIn)
        return signedIn.error();
    return Official{name, row[0], row[1], row[2], row[5]};
}

Result<void> CentralOfficials::note(const QString& official, const QString& action, const QString& subject)
{
    const auto noted =
        m_connection.exec(QStringLiteral("SELECT gatehouse.console_note($1, $2, $3)"), {official, action, subject});
    if (!noted)
        return noted.error();
    return {};
}

Result<void> CentralOfficials::setLanguage(const QString& official, const QString& language)
{
    if (language != QLatin1String("vi") && language != QLatin1String("en"))
        return Error(Error::Kind::Usage, tr("The console speaks Vietnamese (vi) and English (en)."));
    const auto set =
        m_connection.exec(QStringLiteral("SELECT gatehouse.console_language($1, $2)"), {official, language});
    if (!set)
        return set.error();
    return {};
}
