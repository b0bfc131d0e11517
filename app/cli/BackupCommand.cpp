// `gatehouse-cli backup --out FILE` (SQLite VACUUM INTO).
#include "BackupCommand.h"

#include "LogSession.h"

namespace {
const QCommandLineOption OUT(QStringLiteral("out"), QStringLiteral("The backup file to write (must not exist)."),
                             QStringLiteral("FILE"));
} // namespace

QString BackupCommand::summary() const
{
    return tr("Write a consistent copy of the database, while the kiosk keeps working.");
}

void BackupCommand::addOptions(QCommandLineParser& parser)
{
    parser.addOption(OUT);
}

int BackupCommand::run(const QCommandLineParser& parser, CliContext& context)
{
    if (parser.value(OUT).isEmpty()) {
        context.err << tr("backup needs --out FILE.") << Qt::endl;
        return 2;
    }
    auto session = LogSession::open(context);
    if (!session)
        return context.fail(session.error());
    const Result<void> done = session.value()->database().backup(parser.value(OUT));
    if (!done)
        return context.fail(done.error());
    session.value()->recordAction(QStringLiteral("backup"), parser.value(OUT), context.err);
    context.out << tr("Backup written: %1").arg(parser.value(OUT)) << '\n';
    return 0;
}
