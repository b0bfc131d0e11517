// `gatehouse-cli simulate --days N --per-day M [--seed S]` (formats/cli.md).
#include "SimulateCommand.h"

#include "LogSession.h"
#include "checkin/TrafficSimulator.h"

namespace {
const QCommandLineOption DAYS(QStringLiteral("days"), QStringLiteral("Days of traffic, ending today."),
                              QStringLiteral("N"));
const QCommandLineOption PER_DAY(QStringLiteral("per-day"), QStringLiteral("Arrivals a day."), QStringLiteral("M"));
const QCommandLineOption SEED(QStringLiteral("seed"), QStringLiteral("Random seed (default 1)."), QStringLiteral("S"),
                              QStringLiteral("1"));
} // namespace

QString SimulateCommand::summary() const
{
    return tr("Fill the log with realistic demo traffic.");
}

void SimulateCommand::addOptions(QCommandLineParser& parser)
{
    parser.addOptions({DAYS, PER_DAY, SEED});
}

int SimulateCommand::run(const QCommandLineParser& parser, CliContext& context)
{
    bool daysOk = false;
    bool perDayOk = false;
    bool seedOk = false;
    TrafficSimulator::Plan plan;
    plan.days = parser.value(DAYS).toInt(&daysOk);
    plan.perDay = parser.value(PER_DAY).toInt(&perDayOk);
    plan.seed = parser.value(SEED).toUInt(&seedOk);
    if (!daysOk || !perDayOk || !seedOk || plan.days < 1 || plan.days > 3650 || plan.perDay < 1 ||
        plan.perDay > 1000000) {
        context.err << tr("simulate needs --days from 1 to 3650 and --per-day from 1 to 1000000.") << Qt::endl;
        return 2;
    }
    auto session = LogSession::open(context);
    if (!session)
        return context.fail(session.error());
    TrafficSimulator simulator(session.value()->service(), session.value()->database(), plan);
    auto totals = simulator.run([&context](int day, int days) {
        // Progress on long work, a line every tenth of the way.
        if (days >= 10 && day % (days / 10) != 0 && day != days)
            return;
        context.err << tr("day %1 of %2").arg(day).arg(days) << Qt::endl;
    });
    if (!totals)
        return context.fail(totals.error());
    context.out << tr("Simulated %1 entries (%2 sent to the receptionist).").arg(totals->entries).arg(totals->refused)
                << '\n';
    return 0;
}
