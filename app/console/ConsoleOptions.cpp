// gatehouse-central's arguments.
#include "console/ConsoleOptions.h"

#include "common/FilePrivacy.h"
#include "common/IniText.h"

#include <QFileInfo>
#include <QSettings>
#include <QUrl>

#include <optional>

QString ConsoleOptions::usage()
{
    return tr("Usage: gatehouse-central --central URI --listen HOST:PORT --tls-cert FILE --tls-key FILE "
              "[--config FILE]");
}

Result<ConsoleOptions> ConsoleOptions::parse(const QStringList& arguments)
{
    ConsoleOptions options;
    QString listen;
    QString config;
    for (int i = 1; i < arguments.size(); ++i) {
        const QString& name = arguments[i];
        QString* target = name == QLatin1String("--central")    ? &options.central
                          : name == QLatin1String("--listen")   ? &listen
                          : name == QLatin1String("--tls-cert") ? &options.certificate
                          : name == QLatin1String("--tls-key")  ? &options.key
                          : name == QLatin1String("--config")   ? &config
                                                                : nullptr;
        if (!target)
            return Error(Error::Kind::Usage, tr("Unknown argument %1.").arg(name) + u'\n' + usage());
        if (i + 1 >= arguments.size() || arguments[i + 1].isEmpty())
            return Error(Error::Kind::Usage, tr("%1 needs a value.").arg(name) + u'\n' + usage());
        *target = arguments[++i];
    }
    for (const auto& [value, name] :
         {std::pair{&options.central, "--central"}, std::pair{&listen, "--listen"},
          std::pair{&options.certificate, "--tls-cert"}, std::pair{&options.key, "--tls-key"}}) {
        if (value->isEmpty())
            return Error(Error::Kind::Usage, tr("%1 is missing.").arg(QLatin1String(name)) + u'\n' + usage());
    }
    // HOST:PORT as a URL's authority, so that [::1]:8443 works as well as 0.0.0.0:8443.
    const QUrl url(QStringLiteral("https://") + listen);
    if (!url.isValid() || url.host().isEmpty() || url.port() <= 0 || !url.path().isEmpty() || !url.userInfo().isEmpty())
        return Error(Error::Kind::Usage,
                     tr("--listen takes HOST:PORT, such as 0.0.0.0:8443 or 127.0.0.1:8443; %1 is not.").arg(listen));
    options.host = url.host();
    options.port = quint16(url.port());
    const auto unreadable = [](const QString& file) -> std::optional<Error> {
        const QFileInfo info(file);
        if (!info.isFile() || !info.isReadable())
            return Error(Error::Kind::Usage, tr("%1 is not a file this account can read.").arg(file));
        return std::nullopt;
    };
    for (const QString& file : {options.certificate, options.key}) {
        if (const auto refused = unreadable(file))
            return *refused;
    }
    const QString exposed = FilePrivacy::exposure(options.key);
    if (!exposed.isEmpty())
        return Error(Error::Kind::Usage, tr("The console's TLS key is not private: %1 Make it readable by its owner "
                                            "only (chmod 600 %2).")
                                             .arg(exposed, options.key));
    if (!config.isEmpty()) {
        if (const auto refused = unreadable(config))
            return *refused;
        QSettings ini(config, QSettings::IniFormat);
        if (ini.status() != QSettings::NoError)
            return Error(Error::Kind::Usage, tr("%1 is not an INI file.").arg(config));
        ini.beginGroup(QStringLiteral("console"));
        const struct
        {
            const char* key;
            int* value;
            int lowest;
            int highest;
        } numbers[] = {{"idle_minutes", &options.idleMinutes, 1, 24 * 60},
                       {"session_hours", &options.sessionHours, 1, 24},
                       {"threads", &options.threads, 4, 512},
                       {"connections", &options.connections, 1, 256},
                       {"utc_offset_minutes", &options.utcOffsetMinutes, -12 * 60, 14 * 60}};
        options.signingKey = IniText::value(ini, QStringLiteral("signing_key")).toString();
        if (!options.signingKey.isEmpty()) {
            if (const auto refused = unreadable(options.signingKey))
                return *refused;
            const QString keyExposed = FilePrivacy::exposure(options.signingKey);
            if (!keyExposed.isEmpty())
                return Error(Error::Kind::Usage, tr("The console's signing key is not private: %1 Make it readable by "
                                                    "its owner only (chmod 600 %2).")
                                                     .arg(keyExposed, options.signingKey));
        }
        options.kioskCaKey = IniText::value(ini, QStringLiteral("kiosk_ca_key")).toString();
        options.kioskCaCertificate = IniText::value(ini, QStringLiteral("kiosk_ca_cert")).toString();
        options.kioskUri = IniText::value(ini, QStringLiteral("kiosk_uri")).toString();
        if (options.kioskCaKey.isEmpty() != options.kioskCaCertificate.isEmpty())
            return Error(Error::Kind::Usage, tr("[console] kiosk_ca_key and kiosk_ca_cert in %1 go together: the "
                                                "kiosks' CA key and its certificate.")
                                                 .arg(config));
        if (!options.kioskCaKey.isEmpty()) {
            for (const QString& file : {options.kioskCaKey, options.kioskCaCertificate})
                if (const auto refused = unreadable(file))
                    return *refused;
            const QString caExposed = FilePrivacy::exposure(options.kioskCaKey);
            if (!caExposed.isEmpty())
                return Error(Error::Kind::Usage, tr("The kiosks' CA key is not private: %1 Make it readable by its "
                                                    "owner only (chmod 600 %2).")
                                                     .arg(caExposed, options.kioskCaKey));
        }
        for (const auto& number : numbers) {
            const QString key = QLatin1String(number.key);
            if (!ini.contains(key))
                continue;
            bool ok = false;
            const int value = ini.value(key).toString().toInt(&ok);
            if (!ok || value < number.lowest || value > number.highest)
                return Error(Error::Kind::Usage, tr("[console] %1 in %2 is a whole number from %3 to %4.")
                                                     .arg(key, config)
                                                     .arg(number.lowest)
                                                     .arg(number.highest));
            *number.value = value;
        }
    }
    return options;
}
