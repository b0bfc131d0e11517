// `gatehouse-cli forget --id-number X`.
#include "ForgetCommand.h"

#include "LogSession.h"

namespace {
const QCommandLineOption ID_NUMBER(QStringLiteral("id-number"), QStringLiteral("The person's ID number."),
                                   QStringLiteral("X"));
} // namespace

QString ForgetCommand::summary() const
{
    return tr("Delete one person's records, on their request.");
}

void ForgetCommand::addOptions(QCommandLineParser& parser)
{
    parser.addOption(ID_NUMBER);
}

int ForgetCommand::run(const QCommandLineParser& parser, CliContext& context)
{
    auto session = LogSession::open(context);
    if (!session)
        return context.fail(session.error());
    auto deleted = session.value()->service().forgetPerson(parser.value(ID_NUMBER), QStringLiteral("cli"));
    if (!deleted)
        return context.fail(deleted.error());
    context.out << tr("Entries deleted: %1.").arg(deleted.value()) << '\n';
    return 0;
}
