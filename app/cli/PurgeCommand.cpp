// `gatehouse-cli purge`.
#include "PurgeCommand.h"

#include "LogSession.h"

QString PurgeCommand::summary() const
{
    return tr("Delete entries older than the retention period now.");
}

void PurgeCommand::addOptions(QCommandLineParser&) {}

int PurgeCommand::run(const QCommandLineParser&, CliContext& context)
{
    auto session = LogSession::open(context);
    if (!session)
        return context.fail(session.error());
    auto purged = session.value()->service().purge(QStringLiteral("cli"));
    if (!purged)
        return context.fail(purged.error());
    context.out << tr("Entries deleted: %1 (older than %2 days).")
                       .arg(purged.value())
                       .arg(session.value()->service().site().retentionDays)
                << '\n';
    return 0;
}
