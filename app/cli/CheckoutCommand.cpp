// `gatehouse-cli checkout (--id-number X | --entry ID) [--at ISO]`.
#include "CheckoutCommand.h"

#include "LogSession.h"

namespace {
const QCommandLineOption ID_NUMBER(QStringLiteral("id-number"), QStringLiteral("The person's ID number."),
                                   QStringLiteral("X"));
const QCommandLineOption ENTRY(QStringLiteral("entry"), QStringLiteral("The entry's id."), QStringLiteral("ID"));
const QCommandLineOption AT(QStringLiteral("at"), QStringLiteral("When (ISO 8601; default now)."),
                            QStringLiteral("ISO"));
} // namespace

QString CheckoutCommand::summary() const
{
    return tr("Record an exit.");
}

void CheckoutCommand::addOptions(QCommandLineParser& parser)
{
    parser.addOptions({ID_NUMBER, ENTRY, AT});
}

int CheckoutCommand::run(const QCommandLineParser& parser, CliContext& context)
{
    if (parser.isSet(ID_NUMBER) == parser.isSet(ENTRY)) {
        context.err << tr("checkout needs exactly one of --id-number X and --entry ID.") << Qt::endl;
        return 2;
    }
    QDateTime at;
    if (parser.isSet(AT)) {
        at = QDateTime::fromString(parser.value(AT), Qt::ISODate);
        if (!at.isValid()) {
            context.err << tr("--at needs a date and time in ISO 8601 form, such as 2020-08-01T17:00:00+07:00.")
                        << Qt::endl;
            return 2;
        }
    }
    bool idOk = true;
    const qint64 entryId = parser.isSet(ENTRY) ? parser.value(ENTRY).toLongLong(&idOk) : 0;
    if (!idOk || (parser.isSet(ENTRY) && entryId <= 0)) {
        context.err << tr("--entry needs an entry id, a whole number.") << Qt::endl;
        return 2;
    }
    auto session = LogSession::open(context);
    if (!session)
        return context.fail(session.error());
    CheckInService& service = session.value()->service();
    if (parser.isSet(ENTRY)) {
        const Result<void> done = service.checkOutEntryByHand(entryId, QStringLiteral("cli"), at);
        if (!done)
            return context.fail(done.error());
        auto entry = session.value()->log().find(entryId);
        if (entry && entry.value())
            context.out << session.value()->json(*entry.value()) << '\n';
        return 0;
    }
    auto left = service.checkOutPersonByHand(parser.value(ID_NUMBER), QStringLiteral("cli"), at);
    if (!left)
        return context.fail(left.error());
    context.out << session.value()->json(left.value()) << '\n';
    return 0;
}
