// `gatehouse-cli roster import FILE` and `roster lapses --from ISO --to ISO`.
#include "RosterCommand.h"

#include "LogSession.h"
#include "common/JsonLine.h"
#include "export/RosterImportRequest.h"

namespace {
const QCommandLineOption FROM(QStringLiteral("from"), QStringLiteral("Start of the period (ISO 8601)."),
                              QStringLiteral("ISO"));
const QCommandLineOption TO(QStringLiteral("to"), QStringLiteral("End of the period (ISO 8601)."),
                            QStringLiteral("ISO"));
} // namespace

QString RosterCommand::summary() const
{
    return tr("\"roster import FILE\": load the staff list; \"roster lapses\": staff who entered without the app.");
}

void RosterCommand::addOptions(QCommandLineParser& parser)
{
    parser.addOptions({FROM, TO});
    parser.addPositionalArgument(QStringLiteral("action"), tr("import FILE, or lapses."));
}

int RosterCommand::run(const QCommandLineParser& parser, CliContext& context)
{
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(1);
    if (!(action == QLatin1String("import") && positional.size() == 3) &&
        !(action == QLatin1String("lapses") && positional.size() == 2)) {
        context.err << tr("Say \"roster import FILE\" or \"roster lapses --from ISO --to ISO\".") << Qt::endl;
        return 2;
    }
    QDateTime from;
    QDateTime to;
    if (action == QLatin1String("lapses")) {
        from = QDateTime::fromString(parser.value(FROM), Qt::ISODate);
        to = QDateTime::fromString(parser.value(TO), Qt::ISODate);
        if (!from.isValid() || !to.isValid() || from >= to) {
            context.err << tr("roster lapses needs --from and --to, in ISO 8601, --from before --to.") << Qt::endl;
            return 2;
        }
    }
    auto session = LogSession::open(context);
    if (!session)
        return context.fail(session.error());
    StaffRoster& roster = session.value()->roster();
    if (action == QLatin1String("lapses")) {
        auto lapses = roster.withoutApp(from, to);
        if (!lapses)
            return context.fail(lapses.error());
        for (const StaffRoster::Lapse& lapse : lapses.value()) {
            context.out << JsonLine()
                               .add("staff_number", lapse.member.staffNumber)
                               .add("full_name", lapse.member.fullName)
                               .add("department", lapse.member.department)
                               .add("entries_without_app", lapse.entries)
                               .add("last_entry", lapse.lastEntry.toString(Qt::ISODate))
                               .toJson()
                        << '\n';
        }
        return 0;
    }
    const auto imported = RosterImportRequest{positional[2], QStringLiteral("cli")}.run(session.value()->records());
    if (!imported)
        return context.fail(imported.error());
    for (const QString& rejected : imported->rejected)
        context.err << rejected << Qt::endl;
    context.out << tr("Staff roster: %1 added, %2 updated, %3 rows rejected.")
                       .arg(imported->added)
                       .arg(imported->updated)
                       .arg(imported->rejected.size())
                << '\n';
    return imported->rejected.isEmpty() ? 0 : 1;
}
