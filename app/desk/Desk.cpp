// The reception desk, as the console sees it.
#include "desk/Desk.h"

#include "export/OfficialAsk.h"

Desk::Config Desk::Config::from(const Settings& settings, const QString& databasePath, DeskSession::Place place)
{
    Config config;
    config.databasePath = databasePath;
    config.site = Site::from(settings);
    config.siteName = settings.siteName();
    config.installUrl = settings.installUrl();
    config.signingKey = settings.exportSigningKey();
    config.passDirectory = settings.trustDirectory();
    config.rollCallFolder = settings.rollCallFolder();
    config.settingsPath = settings.path().isEmpty() ? Settings::defaultPath() : settings.path();
    config.settings = settings;
    config.place = place;
    config.lockAfterMs = qint64(settings.consoleLockMinutes()) * 60 * 1000;
    return config;
}

Desk::Desk(Config config, const Clock& clock, QObject* parent)
    : QObject(parent), m_config(std::move(config)), m_clock(clock)
{}

QString Desk::actor() const
{
    const std::optional<Accounts::Account> signedIn = account();
    return signedIn ? signedIn->name : QString();
}

bool Desk::isAdmin() const
{
    const std::optional<Accounts::Account> signedIn = account();
    return signedIn && signedIn->isAdmin();
}

Result<void> Desk::mayAsk(DeskSession::Need need) const
{
    const Result<QString> actor = DeskSession::allow(account(), need);
    if (!actor)
        return actor.error();
    return {};
}

Result<void> Desk::mayAsk(const FileAsk& ask) const
{
    if (Result<void> allowed = mayAsk(DeskSession::Need::Admin); !allowed)
        return allowed;
    return OfficialAsk::check(ask.from, ask.to, ask.language);
}

void Desk::started()
{
    if (m_pending++ == 0)
        emit busyChanged(true);
}

void Desk::finished()
{
    if (--m_pending == 0)
        emit busyChanged(false);
}
