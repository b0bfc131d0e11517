// `gatehouse-cli central …`.
#include "CentralCommand.h"

#include "ExportWindow.h"
#include "PinPrompt.h"
#include "central/CentralAdmin.h"
#include "central/CentralBackup.h"
#include "central/CentralConnection.h"
#include "central/CentralExport.h"
#include "central/CentralIsolation.h"
#include "central/CentralOfficials.h"
#include "central/CentralSchema.h"
#include "central/CentralSettings.h"
#include "central/CentralTrace.h"
#include "common/SiteTime.h"
#include "common/SystemClock.h"
#include "crypto/ClientCertificate.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
const QCommandLineOption CENTRAL(QStringLiteral("central"), QStringLiteral("The central store (libpq URI)."),
                                 QStringLiteral("URI"));
const QCommandLineOption ID(QStringLiteral("id"), QStringLiteral("The site's id."), QStringLiteral("ID"));
const QCommandLineOption NAME(QStringLiteral("name"), QStringLiteral("The site's name, or the console account's."),
                              QStringLiteral("NAME"));
const QCommandLineOption ROLE(QStringLiteral("role"), QStringLiteral("The console account's role: official or admin."),
                              QStringLiteral("ROLE"));
const QCommandLineOption SCOPE(QStringLiteral("scope"),
                               QStringLiteral("What the console account sees: province, district:NAME or site:ID."),
                               QStringLiteral("SCOPE"));
const QCommandLineOption DISTRICT(QStringLiteral("district"), QStringLiteral("The site's district."),
                                  QStringLiteral("D"));
const QCommandLineOption SITE(QStringLiteral("site"), QStringLiteral("A site's id."), QStringLiteral("ID"));
const QCommandLineOption ALL(QStringLiteral("all"), QStringLiteral("Every site (central export)."));
const QCommandLineOption KIOSK(QStringLiteral("kiosk"), QStringLiteral("The kiosk's id (its login role)."),
                               QStringLiteral("ID"));
const QCommandLineOption ENTRANCE(QStringLiteral("entrance"), QStringLiteral("The kiosk's entrance."),
                                  QStringLiteral("E"));
const QCommandLineOption CA_KEY(QStringLiteral("ca-key"), QStringLiteral("The CA's private key (PEM)."),
                                QStringLiteral("FILE"));
const QCommandLineOption CA_CERT(QStringLiteral("ca-cert"), QStringLiteral("The CA's certificate (PEM)."),
                                 QStringLiteral("FILE"));
const QCommandLineOption OUT(QStringLiteral("out"),
                             QStringLiteral("Where to write: the trace (FILE.csv), the export (FILE.csv or FILE.xlsx), "
                                            "or the kiosk's key and certificate (a folder)."),
                             QStringLiteral("PATH"));
const QCommandLineOption ID_NUMBER(QStringLiteral("id-number"), QStringLiteral("The confirmed case's ID number."),
                                   QStringLiteral("X"));
const QCommandLineOption JSON(QStringLiteral("json"), QStringLiteral("Print JSON."));
const QCommandLineOption ADD(QStringLiteral("add"), QStringLiteral("central isolation: a person's ID number to list."),
                             QStringLiteral("ID"));
const QCommandLineOption REMOVE(QStringLiteral("remove"),
                                QStringLiteral("central isolation: a person's ID number to take off the list."),
                                QStringLiteral("ID"));
const QCommandLineOption UNTIL(QStringLiteral("until"), QStringLiteral("central isolation: when the order ends."),
                               QStringLiteral("ISO"));
const QCommandLineOption KIND(QStringLiteral("kind"), QStringLiteral("central isolation: F0 or F1 (default F1)."),
                              QStringLiteral("F"), QStringLiteral("F1"));
const QCommandLineOption LIST(QStringLiteral("list"), QStringLiteral("central isolation: the orders in force."));
const QCommandLineOption UNSET(QStringLiteral("unset"),
                               QStringLiteral("central settings: a setting the scope no longer sets (repeatable)."),
                               QStringLiteral("KEY"));

QString iso(const QDateTime& at)
{
    return at.isValid() ? at.toUTC().toString(Qt::ISODateWithMs) : QString();
}

} // namespace

QString CentralCommand::summary() const
{
    return tr(
        "The central store: migrate, add-site, add-kiosk, add-official, settings, isolation, present, trace, export, "
        "status, vacuum, backup.");
}

void CentralCommand::addOptions(QCommandLineParser& parser)
{
    parser.addOptions({CENTRAL,
                       ID,
                       NAME,
                       ROLE,
                       SCOPE,
                       DISTRICT,
                       SITE,
                       ALL,
                       KIOSK,
                       ENTRANCE,
                       CA_KEY,
                       CA_CERT,
                       OUT,
                       JSON,
                       ID_NUMBER,
                       UNSET,
                       ADD,
                       REMOVE,
                       UNTIL,
                       KIND,
                       LIST,
                       ExportWindow::From,
                       ExportWindow::To,
                       ExportWindow::Lang,
                       ExportWindow::Sign});
    parser.addPositionalArgument(QStringLiteral("action"), tr("migrate, add-site, add-kiosk, add-official, settings, "
                                                              "isolation, present, trace, export, status, vacuum or "
                                                              "backup."));
}

int CentralCommand::run(const QCommandLineParser& parser, CliContext& context)
{
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(1);
    static const QStringList actions = {
        QStringLiteral("migrate"),      QStringLiteral("add-site"),  QStringLiteral("add-kiosk"),
        QStringLiteral("add-official"), QStringLiteral("present"),   QStringLiteral("trace"),
        QStringLiteral("export"),       QStringLiteral("status"),    QStringLiteral("vacuum"),
        QStringLiteral("settings"),     QStringLiteral("isolation"), QStringLiteral("backup")};
    // `central settings` takes KEY=VALUE arguments after it; the others none.
    if ((positional.size() != 2 && action != QLatin1String("settings")) || !actions.contains(action)) {
        context.err << tr("Say what to do: central migrate, add-site, add-kiosk, add-official, settings, isolation, "
                          "present, trace, export, status, vacuum or backup.")
                    << Qt::endl;
        return 2;
    }
    if (!parser.isSet(CENTRAL)) {
        context.err << tr("Say which central store with --central URI (a libpq URI, such as "
                          "postgresql://admin@central.example/gatehouse).")
                    << Qt::endl;
        return 2;
    }
    if (action == QLatin1String("isolation") &&
        int(parser.isSet(ADD)) + int(parser.isSet(REMOVE)) + int(parser.isSet(LIST)) != 1) {
        context.err << tr("central isolation needs one of --add ID --until ISO, --remove ID or --list.") << Qt::endl;
        return 2;
    }
    const auto missing = [&](const QList<QCommandLineOption>& options) {
        for (const QCommandLineOption& option : options) {
            if (parser.value(option).trimmed().isEmpty()) {
                context.err << tr("central %1 needs --%2.").arg(action, option.names().first()) << Qt::endl;
                return true;
            }
        }
        return false;
    };
    if ((action == QLatin1String("add-site") && missing({ID, NAME})) ||
        (action == QLatin1String("add-kiosk") && missing({SITE, KIOSK})) ||
        (action == QLatin1String("add-official") && missing({NAME, ROLE, SCOPE})) ||
        (action == QLatin1String("settings") && missing({SCOPE})) ||
        (action == QLatin1String("isolation") && parser.isSet(ADD) && missing({UNTIL})) ||
        (action == QLatin1String("present") && missing({SITE})) ||
        (action == QLatin1String("trace") && missing({ID_NUMBER})) ||
        (action == QLatin1String("backup") && missing({OUT})))
        return 2;
    // An export's sites: exactly one of --site, --district, --all.
    CentralEntryRows::Sites sites;
    if (action == QLatin1String("export")) {
        const int chosen = int(parser.isSet(SITE)) + int(parser.isSet(DISTRICT)) + int(parser.isSet(ALL));
        if (chosen != 1) {
            context.err << tr("Say which sites to export: --site ID, --district D or --all (one of them).") << Qt::endl;
            return 2;
        }
        if (parser.isSet(SITE))
            sites = {CentralEntryRows::Sites::Kind::Site, parser.value(SITE)};
        else if (parser.isSet(DISTRICT))
            sites = {CentralEntryRows::Sites::Kind::District, parser.value(DISTRICT)};
    }
    // The window, file and key of a trace or an export are checked before the store is asked.
    std::optional<ExportWindow> window;
    std::optional<QString> outPath;
    std::optional<Ed25519Key> key;
    const bool officialFile = action == QLatin1String("trace") || action == QLatin1String("export");
    if (officialFile) {
        window = ExportWindow::parse(parser, context);
        if (!window)
            return 2;
        outPath = ExportWindow::outputPath(parser, OUT,
                                           action == QLatin1String("trace")
                                               ? QStringList{QStringLiteral(".csv")}
                                               : QStringList{QStringLiteral(".csv"), QStringLiteral(".xlsx")},
                                           context);
        if (!outPath)
            return 2;
        auto signing = ExportWindow::signingKey(parser, context);
        if (!signing)
            return context.fail(signing.error());
        key = signing.value();
    }

    auto connection = CentralConnection::open(parser.value(CENTRAL));
    if (!connection)
        return context.fail(connection.error());
    CentralAdmin admin(*connection.value());

    if (action == QLatin1String("migrate")) {
        const auto applied = CentralSchema::migrate(*connection.value());
        if (!applied)
            return context.fail(applied.error());
        if (applied->isEmpty())
            context.out << tr("The central schema is up to date (version %1).").arg(CentralSchema::latestVersion())
                        << '\n';
        else
            context.out << tr("The central schema is now at version %1.").arg(applied->last()) << '\n';
        return 0;
    }
    if (action == QLatin1String("add-site")) {
        const auto added = admin.addSite(parser.value(ID), parser.value(NAME), parser.value(DISTRICT));
        if (!added)
            return context.fail(added.error());
        context.out << tr("Site %1 registered.").arg(parser.value(ID)) << '\n';
        return 0;
    }
    if (action == QLatin1String("add-kiosk"))
        return addKiosk(parser, context, *connection.value());
    if (action == QLatin1String("add-official"))
        return addOfficial(parser, context, *connection.value());
    if (action == QLatin1String("settings"))
        return changeSettings(parser, context, *connection.value());
    if (action == QLatin1String("isolation"))
        return isolation(parser, context, *connection.value());
    if (action == QLatin1String("vacuum")) {
        const auto vacuumed = admin.vacuum();
        if (!vacuumed)
            return context.fail(vacuumed.error());
        context.out << tr("Vacuumed: the old row versions of forgotten and purged people are gone from the store's "
                          "tables and indexes.")
                    << '\n';
        return 0;
    }
    if (action == QLatin1String("backup")) {
        context.err << tr("Taking a base backup of the central store and verifying it…") << Qt::endl;
        const auto taken = CentralBackup::take(*connection.value(), parser.value(CENTRAL), parser.value(OUT));
        if (!taken)
            return context.fail(taken.error());
        context.out << tr("Backup %1 in %2: %3 MB, verified and recorded.")
                           .arg(taken->label, taken->folder)
                           .arg(double(taken->bytes) / 1e6, 0, 'f', 1)
                    << '\n';
        return 0;
    }
    if (officialFile) {
        // What both files share: the window, the file, its key, the central login, the time.
        const CentralHandedOut::Ask ask{window->from,
                                        window->to,
                                        *outPath,
                                        context.settings.utcOffsetMinutes(),
                                        key,
                                        connection.value()->user(),
                                        context.now.isValid() ? context.now : SystemClock().now(),
                                        {}};
        if (action == QLatin1String("trace")) {
            CentralTrace trace;
            trace.idNumber = parser.value(ID_NUMBER);
            trace.ask = ask;
            trace.language = ExportWindow::language(parser, QStringLiteral("en"));
            const auto written = trace.run(*connection.value());
            if (!written)
                return context.fail(written.error());
            context.out << tr("%1 contacts at every site written to %2.").arg(written->rows).arg(*outPath) << '\n';
            return 0;
        }
        CentralExport file;
        file.sites = sites;
        file.ask = ask;
        file.language = ExportWindow::language(parser, QStringLiteral("en"));
        const auto written = file.run(*connection.value());
        if (!written)
            return context.fail(written.error());
        context.out << tr("%1 entries exported to %2.").arg(written->rows).arg(*outPath) << '\n';
        return 0;
    }
    if (action == QLatin1String("present")) {
        const auto inside = admin.present(parser.value(SITE));
        if (!inside)
            return context.fail(inside.error());
        const SiteTime siteTime(context.settings.utcOffsetMinutes());
        for (const CentralAdmin::Presence& person : inside.value()) {
            if (parser.isSet(JSON)) {
                const QJsonObject object{{QStringLiteral("visit_key"), person.visitKey},
                                         {QStringLiteral("entrance"), person.entrance},
                                         {QStringLiteral("person_type"), person.personType},
                                         {QStringLiteral("full_name"), person.fullName},
                                         {QStringLiteral("id_number"), person.idNumber},
                                         {QStringLiteral("phone"), person.phone},
                                         {QStringLiteral("checked_in_at"), siteTime.iso(person.checkedInAt)}};
                context.out << QJsonDocument(object).toJson(QJsonDocument::Compact) << '\n';
            } else {
                context.out << siteTime.format(person.checkedInAt, QStringLiteral("HH:mm dd/MM")) << "  "
                            << person.fullName << "  (" << person.entrance << ", " << person.personType << ")\n";
            }
        }
        if (!parser.isSet(JSON))
            context.out << tr("Inside now at every entrance of %1: %2.").arg(parser.value(SITE)).arg(inside->size())
                        << '\n';
        return 0;
    }
    const auto kiosks = admin.status();
    if (!kiosks)
        return context.fail(kiosks.error());
    // First, whether the store itself would survive a mistake (issue 27); in words only, the JSON
    // lines stay one a kiosk (formats/cli.md).
    const auto backup = CentralBackup::state(*connection.value());
    if (!backup)
        return context.fail(backup.error());
    if (!parser.isSet(JSON))
        context.out << CentralBackup::sentence(backup.value()) << '\n';
    for (const CentralAdmin::KioskState& kiosk : kiosks.value()) {
        if (parser.isSet(JSON)) {
            const QJsonObject object{{QStringLiteral("kiosk"), kiosk.kiosk},
                                     {QStringLiteral("site"), kiosk.site},
                                     {QStringLiteral("entrance"), kiosk.entrance},
                                     {QStringLiteral("last_received_at"), iso(kiosk.lastReceivedAt)},
                                     {QStringLiteral("events"), kiosk.events},
                                     {QStringLiteral("last_seq"), kiosk.lastSeq},
                                     {QStringLiteral("audit_breaks"), kiosk.auditBreaks},
                                     {QStringLiteral("last_contact_at"), iso(kiosk.lastContactAt)},
                                     {QStringLiteral("backlog"), kiosk.backlog < 0 ? QJsonValue() : kiosk.backlog}};
            context.out << QJsonDocument(object).toJson(QJsonDocument::Compact) << '\n';
        } else {
            context.out << kiosk.kiosk << "  " << kiosk.site << "  "
                        << (kiosk.lastReceivedAt.isValid() ? iso(kiosk.lastReceivedAt) : tr("nothing received yet"))
                        << "  " << tr("%1 events").arg(kiosk.events);
            if (kiosk.backlog > 0)
                context.out << "  " << tr("%1 waiting at the kiosk").arg(kiosk.backlog);
            if (kiosk.auditBreaks > 0)
                context.out << "  "
                            << tr("AUDIT CHAIN BROKEN (%1 times; the last: %2)")
                                   .arg(kiosk.auditBreaks)
                                   .arg(kiosk.lastAuditBreak);
            context.out << '\n';
        }
    }
    return 0;
}

int CentralCommand::addKiosk(const QCommandLineParser& parser, CliContext& context, CentralConnection& connection)
{
    const bool issue = parser.isSet(CA_KEY) || parser.isSet(CA_CERT);
    if (issue && (!parser.isSet(CA_KEY) || !parser.isSet(CA_CERT) || !parser.isSet(OUT))) {
        context.err << tr("To issue the kiosk's certificate give --ca-key, --ca-cert and --out together.") << Qt::endl;
        return 2;
    }
    CentralAdmin admin(connection);
    const QString kiosk = parser.value(KIOSK);
    const auto added = admin.addKiosk(kiosk, parser.value(SITE), parser.value(ENTRANCE));
    if (!added)
        return context.fail(added.error());
    if (issue) {
        const QString folder = parser.value(OUT);
        const auto issued = ClientCertificate::issue(kiosk, parser.value(CA_KEY), parser.value(CA_CERT),
                                                     QDir(folder).filePath(QStringLiteral("kiosk.key")),
                                                     QDir(folder).filePath(QStringLiteral("kiosk.pem")));
        if (!issued)
            return context.fail(issued.error());
        context.err << tr("The kiosk's key and certificate (CN=%1) are in %2: copy them with the CA's certificate "
                          "to /etc/gatehouse on the kiosk (kiosk.key, kiosk.pem, ca.pem).")
                           .arg(kiosk, folder)
                    << Qt::endl;
    }
    // The kiosk's configuration, ready to paste (formats/central.md).
    context.out << "[central]\n"
                << "uri=" << CentralConnection::kioskUri(parser.value(CENTRAL), issue) << '\n'
                << "kiosk_id=" << kiosk << '\n'
                << "interval_seconds=30\n";
    return 0;
}

int CentralCommand::addOfficial(const QCommandLineParser& parser, CliContext& context, CentralConnection& connection)
{
    // The password's rules are checked before it is asked twice at a terminal, and again by add().
    const auto password = PinPrompt::readPassword(context.err, CentralOfficials::MIN_PASSWORD_LENGTH);
    if (!password)
        return context.fail(password.error());
    CentralOfficials officials(connection);
    const QString name = parser.value(NAME);
    const auto added = officials.add(name, parser.value(ROLE), parser.value(SCOPE), password.value());
    if (!added)
        return context.fail(added.error());
    context.out << (added.value() ? tr("Account %1 (%2, %3) can sign in to the province's console.")
                                  : tr("Account %1 (%2, %3) has a new password and is unlocked."))
                       .arg(name, parser.value(ROLE), parser.value(SCOPE))
                << '\n';
    return 0;
}

int CentralCommand::changeSettings(const QCommandLineParser& parser, CliContext& context, CentralConnection& connection)
{
    const QString scope = parser.value(SCOPE);
    QList<QPair<QString, QString>> values;
    for (const QString& argument : parser.positionalArguments().mid(2)) {
        const qsizetype equals = argument.indexOf(u'=');
        if (equals < 1)
            return context.fail(
                Error(Error::Kind::Usage, tr("%1 is no setting: write KEY=VALUE, as policy=required.").arg(argument)));
        values.append({argument.left(equals).trimmed(), argument.mid(equals + 1).trimmed()});
    }
    CentralSettings settings(connection);
    if (!values.isEmpty() || parser.isSet(UNSET)) {
        const Result<void> changed = settings.change(scope, values, parser.values(UNSET));
        if (!changed)
            return context.fail(changed.error());
    }
    // What the scope sets now, whether changed or only asked.
    const auto kept = settings.of(scope);
    if (!kept)
        return context.fail(kept.error());
    if (parser.isSet(JSON)) {
        for (const CentralSettings::Row& row : kept.value())
            context.out << QJsonDocument(QJsonObject{{QStringLiteral("scope"), scope},
                                                     {QStringLiteral("key"), row.name},
                                                     {QStringLiteral("value"), row.value},
                                                     {QStringLiteral("set_by"), row.setBy},
                                                     {QStringLiteral("set_at"), row.setAt.toString(Qt::ISODate)}})
                               .toJson(QJsonDocument::Compact)
                        << '\n';
        return 0;
    }
    if (kept->isEmpty())
        context.out << tr("%1 sets nothing: its kiosks follow the wider scopes and their configuration.").arg(scope)
                    << '\n';
    for (const CentralSettings::Row& row : kept.value())
        context.out << QStringLiteral("%1 %2=%3").arg(scope, row.name, row.value) << '\n';
    return 0;
}

int CentralCommand::isolation(const QCommandLineParser& parser, CliContext& context, CentralConnection& connection)
{
    CentralIsolation list(connection);
    const QDateTime now = context.now.isValid() ? context.now : QDateTime::currentDateTimeUtc();
    if (parser.isSet(ADD)) {
        const QDateTime until = QDateTime::fromString(parser.value(UNTIL), Qt::ISODateWithMs);
        if (!until.isValid())
            return context.fail(Error(Error::Kind::Usage, tr("--until must be a date and time such as "
                                                             "2020-08-10T00:00:00+07:00.")));
        const Result<void> added = list.add(parser.value(ADD), parser.value(KIND), until, now);
        if (!added)
            return context.fail(added.error());
        context.out << tr("Listed until %1: kiosks receive it as a keyed hash at their next sync.")
                           .arg(until.toUTC().toString(Qt::ISODate))
                    << '\n';
        return 0;
    }
    if (parser.isSet(REMOVE)) {
        const auto removed = list.remove(parser.value(REMOVE));
        if (!removed)
            return context.fail(removed.error());
        context.out << (removed.value() ? tr("Taken off the list; kiosks forget it at their next sync.")
                                        : tr("That number was not on the list."))
                    << '\n';
        return 0;
    }
    const auto orders = list.list(now);
    if (!orders)
        return context.fail(orders.error());
    for (const CentralIsolation::Order& order : orders.value()) {
        if (parser.isSet(JSON))
            context.out << QJsonDocument(QJsonObject{{QStringLiteral("id_number"), order.idNumber},
                                                     {QStringLiteral("kind"), order.kind},
                                                     {QStringLiteral("until"), order.until.toString(Qt::ISODate)},
                                                     {QStringLiteral("added_by"), order.addedBy}})
                               .toJson(QJsonDocument::Compact)
                        << '\n';
        else
            context.out << QStringLiteral("%1 %2 %3").arg(order.idNumber, order.kind, order.until.toString(Qt::ISODate))
                        << '\n';
    }
    return 0;
}
