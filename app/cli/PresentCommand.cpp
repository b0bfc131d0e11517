// `gatehouse-cli present [--json]`.
#include "PresentCommand.h"

#include "LogSession.h"

namespace {
const QCommandLineOption JSON(QStringLiteral("json"), QStringLiteral("Print one JSON object a line."));
} // namespace

QString PresentCommand::summary() const
{
    return tr("Who is inside now.");
}

void PresentCommand::addOptions(QCommandLineParser& parser)
{
    parser.addOption(JSON);
}

int PresentCommand::run(const QCommandLineParser& parser, CliContext& context)
{
    auto session = LogSession::open(context);
    if (!session)
        return context.fail(session.error());
    auto inside = session.value()->service().present();
    if (!inside)
        return context.fail(inside.error());
    const SiteTime siteTime = session.value()->service().site().time();
    for (const Entry& entry : inside.value()) {
        if (parser.isSet(JSON)) {
            context.out << session.value()->json(entry) << '\n';
        } else {
            context.out << siteTime.format(entry.checkedInAt, QStringLiteral("HH:mm dd/MM")) << "  " << entry.fullName
                        << "  (" << Entry::name(entry.personType) << ", " << Entry::name(entry.appStatus) << ")\n";
        }
    }
    if (!parser.isSet(JSON))
        context.out << tr("Inside now: %1.").arg(inside->size()) << '\n';
    return 0;
}
