// A site's configuration, read from an INI file.
#include "common/Settings.h"

#include "common/IniText.h"
#include "common/Logging.h"
#include "common/Translation.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QUrl>

#include <cstdio>
#include <functional>

Result<Settings> Settings::read(const QString& file, const SharedSettings& central)
{
    // Without a file: the defaults and what the central store sent, named so in what is refused.
    const QString path = file.isEmpty() ? tr("the settings from the central store") : file;
    const QFileInfo info(file);
    if (!file.isEmpty()) {
        if (!info.exists())
            return Error(Error::Kind::Input, tr("The configuration file %1 does not exist.").arg(path));
        if (!info.isFile() || !info.isReadable())
            return Error(Error::Kind::Input, tr("The configuration file %1 cannot be read.").arg(path));
        if (info.size() > MAX_BYTES)
            return Error(Error::Kind::Input, tr("The configuration file %1 is larger than %2 KB: that is no Gatehouse "
                                                "configuration.")
                                                 .arg(path)
                                                 .arg(MAX_BYTES / 1024));
    }

    QSettings ini(file, QSettings::IniFormat);
    if (ini.status() != QSettings::NoError)
        return Error(Error::Kind::Input,
                     tr("The configuration file %1 is not a valid INI file.").arg(info.absoluteFilePath()));

    // A shared setting the central store sent wins over the INI's (issue 26: the province sets a
    // district's policy once, not at each door); the INI fills what the centre leaves unset.
    const auto value = [&](const QString& key, const QVariant& fallback = QVariant()) -> QVariant {
        if (const auto shared = central.forIniKey(key))
            return shared->value;
        return IniText::value(ini, key, fallback); // a URI with commas as written (issue 27)
    };
    const auto flag = [&](const QString& key, bool fallback) -> std::optional<bool> {
        const QString text = value(key).toString().trimmed().toLower();
        if (text.isEmpty())
            return fallback;
        if (text == QLatin1String("true") || text == QLatin1String("1") || text == QLatin1String("yes") ||
            text == QLatin1String("on"))
            return true;
        if (text == QLatin1String("false") || text == QLatin1String("0") || text == QLatin1String("no") ||
            text == QLatin1String("off"))
            return false;
        return std::nullopt;
    };
    Settings settings;
    // Before Gatehouse checked them, any text but "false" and "0" read as yes; a typo now says so.
    const auto yesOrNo = [&](bool& target, const QString& key, bool fallback) -> Result<void> {
        const std::optional<bool> read = flag(key, fallback);
        if (!read)
            return Error(
                Error::Kind::Input,
                tr("The setting %1=%2 in %3 must be true or false.").arg(key, value(key).toString().trimmed(), path));
        target = *read;
        return {};
    };
    settings.m_siteId = value(QStringLiteral("site/id"), settings.m_siteId).toString().trimmed();
    settings.m_siteName = value(iniKey(DeskKey::SiteName), settings.m_siteName).toString().trimmed();
    settings.m_entrance = value(iniKey(DeskKey::Entrance), settings.m_entrance).toString().trimmed();
    settings.m_language = value(iniKey(DeskKey::Language), settings.m_language).toString().trimmed();
    settings.m_databasePath = value(QStringLiteral("storage/database")).toString().trimmed();

    bool thresholdOk = false;
    const QString thresholdText =
        value(iniKey(DeskKey::PresenceThresholdDbm), settings.m_presenceThresholdDbm).toString();
    settings.m_presenceThresholdDbm = thresholdText.toInt(&thresholdOk);
    if (!thresholdOk || settings.m_presenceThresholdDbm < -127 || settings.m_presenceThresholdDbm > 20)
        return Error(Error::Kind::Input, tr("The setting ble/threshold_dbm=%1 in %2 must be a whole number of dBm "
                                            "from -127 to 20.")
                                             .arg(thresholdText, path));
    settings.m_installUrl = value(QStringLiteral("kiosk/install_url"), settings.m_installUrl).toString().trimmed();
    const QUrl installUrl(settings.m_installUrl, QUrl::StrictMode);
    if (!installUrl.isValid() ||
        (installUrl.scheme() != QLatin1String("https") && installUrl.scheme() != QLatin1String("http")))
        return Error(
            Error::Kind::Input,
            tr("The setting kiosk/install_url=%1 in %2 is not a web address.").arg(settings.m_installUrl, path));
    settings.m_cameraName = value(iniKey(DeskKey::Camera)).toString().trimmed();
    if (const Result<void> read = yesOrNo(settings.m_mirrorViewfinder, QStringLiteral("qr/mirror"), true); !read)
        return read.error();
    settings.m_adapterAddress = value(iniKey(DeskKey::BluetoothAdapter)).toString().trimmed();
    settings.m_trustDirectory = value(iniKey(DeskKey::TrustDirectory)).toString().trimmed();
    if (!settings.m_trustDirectory.isEmpty() && QFileInfo(settings.m_trustDirectory).isRelative())
        settings.m_trustDirectory = info.absoluteDir().absoluteFilePath(settings.m_trustDirectory);
    if (const Result<void> read = yesOrNo(settings.m_passesSingleUse, QStringLiteral("passes/single_use"), false);
        !read)
        return read.error();
    settings.m_exportSigningKey = value(QStringLiteral("export/signing_key")).toString().trimmed();
    if (!settings.m_exportSigningKey.isEmpty() && QFileInfo(settings.m_exportSigningKey).isRelative())
        settings.m_exportSigningKey = info.absoluteDir().absoluteFilePath(settings.m_exportSigningKey);
    settings.m_policy = value(iniKey(DeskKey::Policy), settings.m_policy).toString().trimmed();
    if (settings.m_policy != QLatin1String("required") && settings.m_policy != QLatin1String("recommended"))
        return Error(
            Error::Kind::Input,
            tr("The setting site/policy=%1 in %2 must be required or recommended.").arg(settings.m_policy, path));
    bool daysOk = false;
    const QString days = value(iniKey(DeskKey::RetentionDays), settings.m_retentionDays).toString();
    settings.m_retentionDays = days.toInt(&daysOk);
    if (!daysOk || settings.m_retentionDays < 1 || settings.m_retentionDays > 3650)
        return Error(Error::Kind::Input, tr("The setting site/retention_days=%1 in %2 must be a number of days from 1 "
                                            "to 3650.")
                                             .arg(days, path));
    const QString auditDays =
        value(QStringLiteral("site/audit_retention_days"), settings.m_auditRetentionDays).toString();
    settings.m_auditRetentionDays = auditDays.toInt(&daysOk);
    if (!daysOk || settings.m_auditRetentionDays < 1 || settings.m_auditRetentionDays > 3650)
        return Error(Error::Kind::Input, tr("The setting site/audit_retention_days=%1 in %2 must be a number of days "
                                            "from 1 to 3650.")
                                             .arg(auditDays, path));
    const QString declarationDays =
        value(QStringLiteral("kiosk/declaration_retention_days"), settings.m_retentionDays).toString();
    settings.m_declarationRetentionDays = declarationDays.toInt(&daysOk);
    if (!daysOk || settings.m_declarationRetentionDays < 1 ||
        settings.m_declarationRetentionDays > settings.m_retentionDays)
        return Error(Error::Kind::Input, tr("The setting kiosk/declaration_retention_days=%1 in %2 must be a number "
                                            "of days from 1 to site/retention_days (%3): health answers go with "
                                            "their entry at the latest.")
                                             .arg(declarationDays, path)
                                             .arg(settings.m_retentionDays));
    settings.m_backupFolder = value(QStringLiteral("storage/backup_dir")).toString().trimmed();
    if (!settings.m_backupFolder.isEmpty() && QFileInfo(settings.m_backupFolder).isRelative())
        settings.m_backupFolder = info.absoluteDir().absoluteFilePath(settings.m_backupFolder);
    const QString closing = value(QStringLiteral("site/closing_time")).toString().trimmed();
    if (!closing.isEmpty()) {
        settings.m_closingTime = QTime::fromString(closing, QStringLiteral("HH:mm"));
        if (!settings.m_closingTime.isValid())
            return Error(Error::Kind::Input,
                         tr("The setting site/closing_time=%1 in %2 must be a time such as 18:00.").arg(closing, path));
    }
    bool offsetOk = false;
    const QString offset = value(QStringLiteral("site/utc_offset_minutes"), settings.m_utcOffsetMinutes).toString();
    settings.m_utcOffsetMinutes = offset.toInt(&offsetOk);
    if (!offsetOk || settings.m_utcOffsetMinutes < -12 * 60 || settings.m_utcOffsetMinutes > 14 * 60)
        return Error(Error::Kind::Input,
                     tr("The setting site/utc_offset_minutes=%1 in %2 is not an offset from UTC.").arg(offset, path));
    if (const Result<void> read =
            yesOrNo(settings.m_healthDeclaration, QStringLiteral("kiosk/health_declaration"), false);
        !read)
        return read.error();
    if (const Result<void> read = yesOrNo(settings.m_speech, QStringLiteral("kiosk/speech"), false); !read)
        return read.error();
    const QString idle = value(QStringLiteral("kiosk/idle_reset_seconds"), settings.m_idleResetSeconds).toString();
    bool idleOk = false;
    settings.m_idleResetSeconds = idle.toInt(&idleOk);
    if (!idleOk || settings.m_idleResetSeconds < 10 || settings.m_idleResetSeconds > 600)
        return Error(Error::Kind::Input, tr("The setting kiosk/idle_reset_seconds=%1 in %2 must be a number of seconds "
                                            "from 10 to 600.")
                                             .arg(idle, path));
    // Issue 11: a PIN in a file that every copy of the configuration carries, compared as text,
    // never again. Refused rather than ignored, so that nobody believes it still guards anything.
    if (!ini.value(QStringLiteral("kiosk/receptionist_pin")).toString().trimmed().isEmpty())
        return Error(Error::Kind::Input,
                     tr("The setting kiosk/receptionist_pin in %1 is no longer used: a PIN must not be kept in a "
                        "file. Remove the line and create a named account instead: gatehouse-cli account add --name "
                        "NAME --role admin (it asks for the PIN).")
                         .arg(path));
    const QString lock = value(QStringLiteral("console/lock_minutes"), settings.m_consoleLockMinutes).toString();
    bool lockOk = false;
    settings.m_consoleLockMinutes = lock.toInt(&lockOk);
    if (!lockOk || settings.m_consoleLockMinutes < 1 || settings.m_consoleLockMinutes > 120)
        return Error(Error::Kind::Input, tr("The setting console/lock_minutes=%1 in %2 must be a number of minutes "
                                            "from 1 to 120.")
                                             .arg(lock, path));
    settings.m_rollCallFolder = value(QStringLiteral("console/roll_call_folder")).toString().trimmed();
    if (!settings.m_rollCallFolder.isEmpty() && QFileInfo(settings.m_rollCallFolder).isRelative())
        settings.m_rollCallFolder = info.absoluteDir().absoluteFilePath(settings.m_rollCallFolder);
    if (const QString socket = value(QStringLiteral("console/socket")).toString().trimmed(); !socket.isEmpty())
        settings.m_deskSocket = info.absoluteDir().absoluteFilePath(socket);
    // The desk over the site's network (crypto/DeskTls.h): a port on the kiosk, HOST:PORT on a desk
    // computer, and the TLS files either needs.
    const QString tlsPort = value(QStringLiteral("console/tls_port"), 0).toString().trimmed();
    bool tlsPortOk = false;
    settings.m_deskTlsPort = tlsPort.toInt(&tlsPortOk);
    if (!tlsPortOk || settings.m_deskTlsPort < 0 || settings.m_deskTlsPort > 65535)
        return Error(Error::Kind::Input, tr("The setting console/tls_port=%1 in %2 must be a TCP port from 1 to 65535, "
                                            "or 0 to serve the desk to this computer's consoles only.")
                                             .arg(tlsPort, path));
    if (const QString kiosk = value(QStringLiteral("console/kiosk")).toString().trimmed(); !kiosk.isEmpty()) {
        // HOST:PORT, [IPv6]:PORT as in a URL's authority (RFC 3986, 3.2).
        const QUrl url(QStringLiteral("gatehouse://") + kiosk, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() || url.port() < 1 || !url.path().isEmpty() ||
            !url.userInfo().isEmpty())
            return Error(Error::Kind::Input, tr("The setting console/kiosk=%1 in %2 must be the kiosk's host and port, "
                                                "as kiosk-1.site.lan:7443 or 192.168.1.20:7443.")
                                                 .arg(kiosk, path));
        settings.m_deskKioskHost = url.host();
        settings.m_deskKioskPort = url.port();
    }
    const auto tlsFile = [&](const char* key) {
        const QString name = value(QStringLiteral("console/") + QLatin1String(key)).toString().trimmed();
        return name.isEmpty() ? name : info.absoluteDir().absoluteFilePath(name);
    };
    settings.m_deskTlsCertificate = tlsFile("tls_certificate");
    settings.m_deskTlsKey = tlsFile("tls_key");
    settings.m_deskTlsAuthority = tlsFile("tls_authority");
    if ((settings.m_deskTlsPort > 0 || !settings.m_deskKioskHost.isEmpty()) &&
        (settings.m_deskTlsCertificate.isEmpty() || settings.m_deskTlsKey.isEmpty() ||
         settings.m_deskTlsAuthority.isEmpty()))
        return Error(Error::Kind::Input,
                     tr("The reception desk over the network needs console/tls_certificate, console/tls_key and "
                        "console/tls_authority in %1: this computer's certificate, its key and the site's authority.")
                         .arg(path));
    // [central] (formats/central.md): without it the kiosk works alone.
    settings.m_centralUri = value(QStringLiteral("central/uri")).toString().trimmed();
    settings.m_centralKioskId = value(QStringLiteral("central/kiosk_id")).toString().trimmed();
    if (!settings.m_centralUri.isEmpty() && settings.m_centralKioskId.isEmpty())
        return Error(Error::Kind::Input,
                     tr("The setting central/kiosk_id in %1 must name this kiosk (its login role at the central "
                        "store) when central/uri is set.")
                         .arg(path));
    const QString interval =
        value(QStringLiteral("central/interval_seconds"), settings.m_centralIntervalSeconds).toString();
    bool intervalOk = false;
    settings.m_centralIntervalSeconds = interval.toInt(&intervalOk);
    if (!intervalOk || settings.m_centralIntervalSeconds < 5 || settings.m_centralIntervalSeconds > 3600)
        return Error(Error::Kind::Input, tr("The setting central/interval_seconds=%1 in %2 must be a number of "
                                            "seconds from 5 to 3600.")
                                             .arg(interval, path));
    settings.m_questionsPath = value(QStringLiteral("kiosk/questions")).toString().trimmed();
    if (!settings.m_questionsPath.isEmpty() && QFileInfo(settings.m_questionsPath).isRelative())
        settings.m_questionsPath = info.absoluteDir().absoluteFilePath(settings.m_questionsPath);
    settings.m_path = file.isEmpty() ? QString() : info.absoluteFilePath();
    if (settings.m_siteId.isEmpty())
        return Error(Error::Kind::Input, tr("The setting site/id in %1 must not be empty.").arg(path));
    if (!Translation::languages().contains(settings.m_language))
        return Error(Error::Kind::Input, tr("The setting site/language=%1 in %2 is not a language Gatehouse speaks "
                                            "(vi or en).")
                                             .arg(settings.m_language, path));
    if (!settings.m_databasePath.isEmpty() && QFileInfo(settings.m_databasePath).isRelative())
        settings.m_databasePath = info.absoluteDir().absoluteFilePath(settings.m_databasePath);

    settings.m_central = central;
    for (const QString& key : effectiveKeys()) {
        if (const auto shared = central.forIniKey(key))
            settings.m_sources.insert(key, shared->source);
        else
            settings.m_sources.insert(key, ini.contains(key) ? QStringLiteral("ini") : QStringLiteral("default"));
    }
    qCDebug(lcSettings) << "loaded" << path << central.values().size() << "from the central store";
    return settings;
}

Result<Settings> Settings::load(const QString& path, const SharedSettings& central)
{
    auto settings = read(path, central);
    if (settings || central.isEmpty() || path.isEmpty())
        return settings;
    // The INI alone is good: what the centre sent is at fault, and the sentence says so.
    if (!read(path, SharedSettings()))
        return settings;
    return Error(settings.error().kind(),
                 QString(settings.error().message()).replace(path, tr("the settings from the central store")));
}

const QStringList& Settings::effectiveKeys()
{
    // The site's identity and the shared settings, then what stays at the kiosk.
    static const QStringList keys = [] {
        QStringList all = {QStringLiteral("site/id"), QStringLiteral("site/entrance")};
        for (const QString& name : SharedSettings::names())
            all.append(SharedSettings::iniKey(name));
        all << QStringLiteral("site/utc_offset_minutes") << QStringLiteral("site/closing_time")
            << QStringLiteral("storage/database") << QStringLiteral("passes/trust_dir") << QStringLiteral("qr/camera")
            << QStringLiteral("ble/adapter") << QStringLiteral("central/kiosk_id")
            << QStringLiteral("central/interval_seconds");
        return all;
    }();
    return keys;
}

QList<Settings::InForce> Settings::effective() const
{
    QList<InForce> list;
    for (const QString& key : effectiveKeys())
        list.append({key, textOf(key), m_sources.value(key, QStringLiteral("default"))});
    return list;
}

QString Settings::textOf(const QString& key) const
{
    const auto yes = [](bool on) { return on ? QStringLiteral("true") : QStringLiteral("false"); };
    static const QHash<QString, std::function<QString(const Settings&)>> texts = {
        {QStringLiteral("site/id"), [](const Settings& s) { return s.m_siteId; }},
        {QStringLiteral("site/entrance"), [](const Settings& s) { return s.m_entrance; }},
        {QStringLiteral("site/policy"), [](const Settings& s) { return s.m_policy; }},
        {QStringLiteral("site/retention_days"), [](const Settings& s) { return QString::number(s.m_retentionDays); }},
        {QStringLiteral("kiosk/declaration_retention_days"),
         [](const Settings& s) { return QString::number(s.m_declarationRetentionDays); }},
        {QStringLiteral("site/audit_retention_days"),
         [](const Settings& s) { return QString::number(s.m_auditRetentionDays); }},
        {QStringLiteral("site/name"), [](const Settings& s) { return s.m_siteName; }},
        {QStringLiteral("site/language"), [](const Settings& s) { return s.m_language; }},
        {QStringLiteral("kiosk/install_url"), [](const Settings& s) { return s.m_installUrl; }},
        {QStringLiteral("kiosk/idle_reset_seconds"),
         [](const Settings& s) { return QString::number(s.m_idleResetSeconds); }},
        {QStringLiteral("ble/threshold_dbm"),
         [](const Settings& s) { return QString::number(s.m_presenceThresholdDbm); }},
        {QStringLiteral("site/utc_offset_minutes"),
         [](const Settings& s) { return QString::number(s.m_utcOffsetMinutes); }},
        {QStringLiteral("site/closing_time"),
         [](const Settings& s) { return s.m_closingTime.isValid() ? s.m_closingTime.toString(u"HH:mm") : QString(); }},
        {QStringLiteral("storage/database"), [](const Settings& s) { return s.m_databasePath; }},
        {QStringLiteral("passes/trust_dir"), [](const Settings& s) { return s.m_trustDirectory; }},
        {QStringLiteral("qr/camera"), [](const Settings& s) { return s.m_cameraName; }},
        {QStringLiteral("ble/adapter"), [](const Settings& s) { return s.m_adapterAddress; }},
        {QStringLiteral("central/kiosk_id"), [](const Settings& s) { return s.m_centralKioskId; }},
        {QStringLiteral("central/interval_seconds"),
         [](const Settings& s) { return QString::number(s.m_centralIntervalSeconds); }},
    };
    if (key == QLatin1String("kiosk/health_declaration"))
        return yes(m_healthDeclaration);
    if (key == QLatin1String("kiosk/speech"))
        return yes(m_speech);
    const auto text = texts.constFind(key);
    return text == texts.constEnd() ? QString() : (*text)(*this);
}

Result<Settings> Settings::locate(const QString& path, const SharedSettings& central)
{
    if (!path.isEmpty())
        return load(path, central);
    const QString fallback = defaultPath();
    if (QFileInfo::exists(fallback))
        return load(fallback, central);
    return load(QString(), central);
}

namespace {
struct DeskKeyName
{
    Settings::DeskKey key;
    const char* ini;
};
// README.md "Configuration".
constexpr DeskKeyName DESK_KEYS[] = {
    {Settings::DeskKey::SiteName, "site/name"},
    {Settings::DeskKey::Entrance, "site/entrance"},
    {Settings::DeskKey::Policy, "site/policy"},
    {Settings::DeskKey::PresenceThresholdDbm, "ble/threshold_dbm"},
    {Settings::DeskKey::RetentionDays, "site/retention_days"},
    {Settings::DeskKey::Language, "site/language"},
    {Settings::DeskKey::TrustDirectory, "passes/trust_dir"},
    {Settings::DeskKey::Camera, "qr/camera"},
    {Settings::DeskKey::BluetoothAdapter, "ble/adapter"},
};
} // namespace

const QList<Settings::DeskKey>& Settings::deskKeys()
{
    static const QList<DeskKey> keys = [] {
        QList<DeskKey> all;
        for (const DeskKeyName& name : DESK_KEYS)
            all.append(name.key);
        return all;
    }();
    return keys;
}

QString Settings::iniKey(DeskKey key)
{
    for (const DeskKeyName& name : DESK_KEYS) {
        if (name.key == key)
            return QString::fromLatin1(name.ini);
    }
    Q_UNREACHABLE();
}

QString Settings::value(DeskKey key) const
{
    switch (key) {
    case DeskKey::SiteName:
        return m_siteName;
    case DeskKey::Entrance:
        return m_entrance;
    case DeskKey::Policy:
        return m_policy;
    case DeskKey::PresenceThresholdDbm:
        return QString::number(m_presenceThresholdDbm);
    case DeskKey::RetentionDays:
        return QString::number(m_retentionDays);
    case DeskKey::Language:
        return m_language;
    case DeskKey::TrustDirectory:
        return m_trustDirectory;
    case DeskKey::Camera:
        return m_cameraName;
    case DeskKey::BluetoothAdapter:
        return m_adapterAddress;
    }
    Q_UNREACHABLE();
}

Result<QStringList> Settings::change(const QString& path, const QList<QPair<DeskKey, QString>>& values)
{
    const QFileInfo target(path);
    if (!QDir().mkpath(target.absolutePath()))
        return Error(Error::Kind::Input, tr("Gatehouse cannot create the folder of %1.").arg(path));
    QTemporaryFile draft(target.absoluteFilePath() + QStringLiteral(".XXXXXX"));
    if (!draft.open())
        return Error(Error::Kind::Input, tr("Gatehouse cannot write %1 (%2).").arg(path, draft.errorString()));
    QFile current(path);
    if (current.exists()) {
        if (!current.open(QIODevice::ReadOnly))
            return Error(Error::Kind::Input, tr("Gatehouse cannot read %1 (%2).").arg(path, current.errorString()));
        draft.write(current.readAll());
    }
    draft.close();
    QStringList changes;
    {
        QSettings ini(draft.fileName(), QSettings::IniFormat);
        for (const auto& [deskKey, value] : values) {
            const QString key = iniKey(deskKey);
            const QString old = ini.value(key).toString();
            if (old == value)
                continue;
            ini.setValue(key, value);
            changes
                << QStringLiteral("%1: %2 -> %3").arg(key, old.isEmpty() ? QStringLiteral("(default)") : old, value);
        }
        ini.sync();
        if (ini.status() != QSettings::NoError)
            return Error(Error::Kind::Input, tr("Gatehouse cannot write %1.").arg(path));
    }
    const auto checked = load(draft.fileName());
    if (!checked) // the message names the draft; say it of the real file
        return Error(checked.error().kind(), QString(checked.error().message()).replace(draft.fileName(), path));
    if (std::rename(QFile::encodeName(draft.fileName()).constData(), QFile::encodeName(path).constData()) != 0)
        return Error(Error::Kind::Input, tr("Gatehouse cannot write %1 (%2).").arg(path, qt_error_string(errno)));
    draft.setAutoRemove(false);
    return changes;
}

QString Settings::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/gatehouse.ini");
}

QString Settings::rollCallFolder() const
{
    return m_rollCallFolder.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                                      : m_rollCallFolder;
}
