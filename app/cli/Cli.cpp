// Parses gatehouse-cli's global options, then hands the rest to the chosen subcommand.
#include "Cli.h"

#include "AccountCommand.h"
#include "AuditCommand.h"
#include "BackupCommand.h"
#include "CalibrateCommand.h"
#include "CentralCommand.h"
#include "CheckinCommand.h"
#include "CheckoutCommand.h"
#include "DecodeCommand.h"
#include "DemoDataCommand.h"
#include "DoctorCommand.h"
#include "ExportCommand.h"
#include "ForgetCommand.h"
#include "KeygenCommand.h"
#include "PassCommand.h"
#include "PresentCommand.h"
#include "PurgeCommand.h"
#include "ReportCommand.h"
#include "RosterCommand.h"
#include "ScanCommand.h"
#include "SettingsCommand.h"
#include "SimulateCommand.h"
#include "SyncCommand.h"
#include "TraceCommand.h"
#include "VerifyExportCommand.h"
#include "Version.h"
#include "common/FilePrivacy.h"
#include "common/Translation.h"
#include "storage/Database.h"
#include "storage/SharedSettingsStore.h"

#include <QFileInfo>
#include <QLocale>

#include <cstdio>

namespace {
const QCommandLineOption DB_OPTION(QStringLiteral("db"), QStringLiteral("SQLite database file."),
                                   QStringLiteral("PATH"));
const QCommandLineOption CONFIG_OPTION(QStringLiteral("config"), QStringLiteral("Configuration file (INI)."),
                                       QStringLiteral("PATH"));
const QCommandLineOption NOW_OPTION(QStringLiteral("now"),
                                    QStringLiteral("Evaluate time-dependent checks at this instant (ISO 8601)."),
                                    QStringLiteral("ISO8601"));
const QCommandLineOption HELP_OPTION({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
const QCommandLineOption VERSION_OPTION(QStringLiteral("version"), QStringLiteral("Show the version."));
} // namespace

Cli::Cli() : m_out(stdout), m_err(stderr)
{
    // Subcommands register here, one file each (formats/cli.md).
    m_commands.push_back(std::make_unique<ScanCommand>());
    m_commands.push_back(std::make_unique<CalibrateCommand>());
    m_commands.push_back(std::make_unique<DecodeCommand>());
    m_commands.push_back(std::make_unique<KeygenCommand>());
    m_commands.push_back(std::make_unique<PassCommand>());
    m_commands.push_back(std::make_unique<CheckinCommand>());
    m_commands.push_back(std::make_unique<CheckoutCommand>());
    m_commands.push_back(std::make_unique<PresentCommand>());
    m_commands.push_back(std::make_unique<PurgeCommand>());
    m_commands.push_back(std::make_unique<RosterCommand>());
    m_commands.push_back(std::make_unique<SimulateCommand>());
    m_commands.push_back(std::make_unique<ForgetCommand>());
    m_commands.push_back(std::make_unique<BackupCommand>());
    m_commands.push_back(std::make_unique<ExportCommand>());
    m_commands.push_back(std::make_unique<VerifyExportCommand>());
    m_commands.push_back(std::make_unique<TraceCommand>());
    m_commands.push_back(std::make_unique<ReportCommand>());
    m_commands.push_back(std::make_unique<DemoDataCommand>());
    m_commands.push_back(std::make_unique<AccountCommand>());
    m_commands.push_back(std::make_unique<AuditCommand>());
    m_commands.push_back(std::make_unique<SyncCommand>());
    m_commands.push_back(std::make_unique<SettingsCommand>());
    m_commands.push_back(std::make_unique<CentralCommand>());
    m_commands.push_back(std::make_unique<DoctorCommand>());
}

Cli::~Cli() = default;

int Cli::run(const QStringList& arguments)
{
    Gatehouse::setApplicationIdentity();
    // Officials and administrators read the CLI's sentences in the language of their session.
    static Translation translation;
    if (QLocale::system().language() == QLocale::Vietnamese)
        (void)translation.apply(QStringLiteral("vi"));

    // First pass: global options only, everything from the first positional on belongs to the
    // subcommand. That tells us which command's options to add for the second pass.
    QCommandLineParser globals;
    globals.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    addGlobalOptions(globals);
    globals.addPositionalArgument(QStringLiteral("command"), QString());
    if (!globals.parse(arguments))
        return usageError(globals.errorText());
    if (globals.isSet(VERSION_OPTION)) {
        m_out << QCoreApplication::applicationName() << QStringLiteral("-cli ")
              << QString::fromLatin1(Gatehouse::VERSION) << Qt::endl;
        return 0;
    }
    const QStringList positional = globals.positionalArguments();
    if (globals.isSet(HELP_OPTION)) {
        m_out << helpText();
        return 0;
    }
    if (positional.isEmpty())
        return usageError(tr("No command given."));
    CliCommand* command = find(positional.first());
    if (!command)
        return usageError(tr("Unknown command \"%1\".").arg(positional.first()));

    QCommandLineParser parser;
    addGlobalOptions(parser);
    parser.addPositionalArgument(command->name(), command->summary());
    command->addOptions(parser);
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(HELP_OPTION)) {
        m_out << parser.helpText();
        return 0;
    }

    auto settings = Settings::locate(parser.value(CONFIG_OPTION));
    // `doctor` reports a configuration it cannot read as one of its checks; every other command
    // refuses to run on it.
    std::optional<Error> settingsProblem;
    if (!settings && command->name() == QLatin1String("doctor")) {
        settingsProblem = settings.error();
        settings = Settings();
    }
    if (!settings) {
        m_err << settings.error().message() << Qt::endl;
        return settings.error().exitCode();
    }
    CliContext context{m_out, m_err, settings.value(), QString(), QDateTime(), settingsProblem};
    context.databasePath = parser.isSet(DB_OPTION) ? parser.value(DB_OPTION) : settings->databasePath();
    if (context.databasePath.isEmpty())
        context.databasePath = Database::defaultPath();
    // What the province's central store last sent this kiosk, over the INI (issue 26).
    if (!settingsProblem) {
        QString warning;
        context.settings = SharedSettingsStore::inForce(context.settings, context.databasePath, warning);
        if (!warning.isEmpty())
            m_err << warning << Qt::endl;
    }
    if (parser.isSet(NOW_OPTION)) {
        context.now = QDateTime::fromString(parser.value(NOW_OPTION), Qt::ISODateWithMs);
        if (!context.now.isValid())
            return usageError(tr("--now needs a date and time in ISO 8601 form, such as 2020-08-01T08:30:00+07:00."));
    }
    return command->run(parser, context);
}

void Cli::addGlobalOptions(QCommandLineParser& parser) const
{
    parser.addOptions({DB_OPTION, CONFIG_OPTION, NOW_OPTION, HELP_OPTION, VERSION_OPTION});
}

QString Cli::helpText() const
{
    QString text = tr("Usage: gatehouse-cli [--db PATH] [--config PATH] [--now ISO8601] COMMAND [OPTIONS]\n\n"
                      "Gatehouse check-in kiosk, command line.\n\nCommands:\n");
    for (const auto& command : m_commands)
        text += QStringLiteral("  %1  %2\n").arg(command->name(), -10).arg(command->summary());
    text += tr("\n\"gatehouse-cli COMMAND --help\" describes a command's options.\n");
    return text;
}

CliCommand* Cli::find(const QString& name) const
{
    for (const auto& command : m_commands) {
        if (command->name() == name)
            return command.get();
    }
    return nullptr;
}

int Cli::usageError(const QString& sentence)
{
    m_err << sentence << QLatin1Char(' ') << tr("Try \"gatehouse-cli --help\".") << Qt::endl;
    return 2;
}
