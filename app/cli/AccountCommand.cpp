// `gatehouse-cli account add|list|remove|pin`.
#include "AccountCommand.h"

#include "LogSession.h"
#include "PinPrompt.h"
#include "checkin/AccountsAuthority.h"
#include "common/JsonLine.h"

#include <unistd.h>

namespace {
const QCommandLineOption NAME(QStringLiteral("name"), QStringLiteral("The account's name (the person's)."),
                              QStringLiteral("N"));
const QCommandLineOption ROLE(QStringLiteral("role"),
                              QStringLiteral("receptionist (overrides, check-in by hand) or admin (also settings, "
                                             "exports, roster, accounts)."),
                              QStringLiteral("ROLE"));
const QCommandLineOption JSON(QStringLiteral("json"), QStringLiteral("One JSON object a line."));
const QCommandLineOption ADMIN(QStringLiteral("admin"),
                               QStringLiteral("An administrator whose PIN allows the change, when the command does "
                                              "not run as the entry log's owner or root (the PIN is read first)."),
                               QStringLiteral("NAME"));
} // namespace

QString AccountCommand::summary() const
{
    return tr("\"account add|list|remove|pin\": the receptionists' and administrators' accounts.");
}

void AccountCommand::addOptions(QCommandLineParser& parser)
{
    parser.addOptions({NAME, ROLE, JSON, ADMIN});
    parser.addPositionalArgument(QStringLiteral("action"), tr("add, list, remove or pin."));
}

int AccountCommand::run(const QCommandLineParser& parser, CliContext& context)
{
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(1);
    const QStringList actions{QStringLiteral("add"), QStringLiteral("list"), QStringLiteral("remove"),
                              QStringLiteral("pin")};
    if (positional.size() != 2 || !actions.contains(action)) {
        context.err << tr("Say \"account add --name N --role receptionist|admin\", \"account list\", \"account "
                          "remove --name N\" or \"account pin --name N\".")
                    << Qt::endl;
        return 2;
    }
    const QString name = parser.value(NAME).simplified();
    if (action != QLatin1String("list") && name.isEmpty()) {
        context.err << tr("account %1 needs --name.").arg(action) << Qt::endl;
        return 2;
    }
    std::optional<Accounts::Role> role;
    if (action == QLatin1String("add")) {
        role = Accounts::roleFrom(parser.value(ROLE));
        if (!role) {
            context.err << tr("--role must be receptionist or admin.") << Qt::endl;
            return 2;
        }
    }

    auto session = LogSession::open(context);
    if (!session)
        return context.fail(session.error());
    Accounts& accounts = session.value()->accounts();
    const QString adminName = parser.value(ADMIN).simplified();
    const Result<QString> allowed = AccountsAuthority::actor(
        session.value()->records().pins(), context.databasePath, ::geteuid(), adminName, [&context, &adminName] {
            return PinPrompt::readOnce(context.err, tr("PIN of the administrator %1: ").arg(adminName));
        });
    if (!allowed)
        return context.fail(allowed.error());
    const QString actor = allowed.value();

    if (action == QLatin1String("list")) {
        auto all = accounts.all();
        if (!all)
            return context.fail(all.error());
        const QDateTime now = session.value()->clock().now();
        for (const Accounts::Account& account : all.value()) {
            const bool locked = account.isLockedAt(now);
            if (parser.isSet(JSON)) {
                context.out << JsonLine()
                                   .add("name", account.name)
                                   .add("role", Accounts::name(account.role))
                                   .add("locked", locked)
                                   .addOrNull("locked_until",
                                              locked ? account.lockedUntil.toString(Qt::ISODate) : QString())
                                   .toJson()
                            << '\n';
            } else {
                context.out << account.name << "  (" << Accounts::name(account.role) << ")"
                            << (locked ? QStringLiteral("  ") + tr("locked") : QString()) << '\n';
            }
        }
        return 0;
    }
    if (action == QLatin1String("remove")) {
        const Result<void> removed = accounts.remove(name, actor);
        if (!removed)
            return context.fail(removed.error());
        context.out << tr("The account %1 is removed.").arg(name) << '\n';
        return 0;
    }

    // add and pin: the PIN from standard input, checked before anything is stored.
    auto pin = PinPrompt::read(context.err);
    if (!pin)
        return context.fail(pin.error());
    const Result<void> rule = Accounts::checkPinRule(pin.value());
    if (!rule)
        return context.fail(rule.error());
    const Result<void> done = action == QLatin1String("add") ? accounts.add(name, *role, pin.value(), actor)
                                                             : accounts.setPin(name, pin.value(), actor);
    if (!done)
        return context.fail(done.error());
    context.out << (action == QLatin1String("add")
                        ? tr("The account %1 (%2) is added.").arg(name, Accounts::name(*role))
                        : tr("The PIN of %1 is changed.").arg(name))
                << '\n';
    return 0;
}
