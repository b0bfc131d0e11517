// `gatehouse-cli settings --effective`.
#include "SettingsCommand.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {
const QCommandLineOption EFFECTIVE(QStringLiteral("effective"),
                                   QStringLiteral("Every setting in force and where it came from."));
const QCommandLineOption JSON(QStringLiteral("json"), QStringLiteral("Print JSON, one object a line."));
} // namespace

QString SettingsCommand::summary() const
{
    return tr("Show the settings in force: the configuration file's, the central store's, the defaults.");
}

void SettingsCommand::addOptions(QCommandLineParser& parser)
{
    parser.addOptions({EFFECTIVE, JSON});
}

int SettingsCommand::run(const QCommandLineParser& parser, CliContext& context)
{
    if (!parser.isSet(EFFECTIVE))
        return context.fail(Error(Error::Kind::Usage, tr("settings needs --effective (try --help).")));
    // The context's settings are already the ones a kiosk starts with: the INI and the central
    // store's last good set over it (Cli.cpp).
    const QList<Settings::InForce> settings = context.settings.effective();
    if (parser.isSet(JSON)) {
        for (const Settings::InForce& setting : settings)
            context.out << QJsonDocument(QJsonObject{{QStringLiteral("key"), setting.key},
                                                     {QStringLiteral("value"), setting.value},
                                                     {QStringLiteral("source"), setting.source}})
                               .toJson(QJsonDocument::Compact)
                        << '\n';
        return 0;
    }
    qsizetype width = 0;
    for (const Settings::InForce& setting : settings)
        width = qMax(width, setting.key.size());
    for (const Settings::InForce& setting : settings)
        context.out << setting.key.leftJustified(width) << "  " << setting.value << "  (" << setting.source << ")\n";
    return 0;
}
