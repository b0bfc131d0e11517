// `gatehouse-cli sync`.
#include "SyncCommand.h"

#include "LogSession.h"
#include "StopRequest.h"
#include "central/CentralConnection.h"
#include "central/CentralSync.h"
#include "central/OutboxSender.h"
#include "checkin/KioskCheckup.h"
#include "storage/Outbox.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
const QCommandLineOption ONCE(QStringLiteral("once"), QStringLiteral("One round, then exit."));
const QCommandLineOption STATUS(QStringLiteral("status"), QStringLiteral("Say how far sending has got."));
const QCommandLineOption JSON(QStringLiteral("json"), QStringLiteral("Print JSON."));

QString iso(const QDateTime& at)
{
    return at.isValid() ? at.toUTC().toString(Qt::ISODateWithMs) : QString();
}
} // namespace

QString SyncCommand::summary() const
{
    return tr("Send this kiosk's events to the central store ([central] in the configuration).");
}

void SyncCommand::addOptions(QCommandLineParser& parser)
{
    parser.addOptions({ONCE, STATUS, JSON});
}

int SyncCommand::run(const QCommandLineParser& parser, CliContext& context)
{
    if (!context.settings.hasCentral())
        return context.fail(
            Error(Error::Kind::Usage,
                  tr("This kiosk has no central store: add a [central] group with "
                     "uri and kiosk_id to %1 (central add-kiosk prints it).")
                      .arg(context.settings.path().isEmpty() ? tr("the configuration") : context.settings.path())));
    auto session = LogSession::open(context);
    if (!session)
        return context.fail(session.error());
    Outbox outbox(session.value()->database());
    const QString uri = CentralConnection::withoutSecrets(context.settings.centralUri());

    if (parser.isSet(STATUS)) {
        const auto status = outbox.status();
        if (!status)
            return context.fail(status.error());
        if (parser.isSet(JSON)) {
            const QJsonObject object{{QStringLiteral("central"), uri},
                                     {QStringLiteral("kiosk"), context.settings.centralKioskId()},
                                     {QStringLiteral("last_sent_at"), iso(status->lastSentAt)},
                                     {QStringLiteral("last_attempt_at"), iso(status->lastAttemptAt)},
                                     {QStringLiteral("last_error"), status->lastError},
                                     {QStringLiteral("backlog"), status->waiting},
                                     {QStringLiteral("sent_up_to"), status->sentUpTo}};
            context.out << QJsonDocument(object).toJson(QJsonDocument::Compact) << '\n';
            return 0;
        }
        const SiteTime siteTime = session.value()->service().site().time();
        context.out << tr("Central store: %1 (as %2).").arg(uri, context.settings.centralKioskId()) << '\n';
        context.out << (status->lastSentAt.isValid()
                            ? tr("Last sent: %1.")
                                  .arg(siteTime.format(status->lastSentAt, QStringLiteral("dd/MM/yyyy HH:mm:ss")))
                            : tr("Nothing sent yet."))
                    << '\n';
        context.out << tr("Events waiting: %1.").arg(status->waiting) << '\n';
        if (!status->lastError.isEmpty())
            context.out << tr("Last attempt failed: %1").arg(status->lastError) << '\n';
        return 0;
    }

    OutboxSender::Config config;
    config.uri = context.settings.centralUri();
    config.kioskId = context.settings.centralKioskId();
    config.site = context.settings.siteId();
    config.shareSettings = true;
    config.settingsPath = context.settings.path();
    // The doctor's checks with the kiosk's health (issue 26); the store answered already.
    config.checks = [settings = context.settings, database = context.databasePath, clock = &session.value()->clock()] {
        const auto connected = [site = settings.siteId()](const QString&, const QString&) -> Result<QString> {
            return site;
        };
        return KioskCheckup::jsonArray(KioskCheckup(settings, std::nullopt, database, *clock,
                                                    KioskCheckup::systemProbes(settings.adapterAddress(), connected))
                                           .run());
    };
    if (parser.isSet(ONCE)) {
        OutboxSender sender(config, outbox, session.value()->clock());
        const auto round = sender.round([&context](qint64 sent, qint64 waiting) {
            if (waiting > 10000)
                context.err << tr("Sent %1 of %2 events…").arg(sent).arg(waiting) << Qt::endl;
        });
        if (!round)
            return context.fail(Error(Error::Kind::Failed,
                                      tr("%1 Nothing is lost: the next round sends it.").arg(round.error().message())));
        if (round->settingsApplied)
            context.err << tr("New settings from the central store, kept for the kiosk's next start: %1.")
                               .arg(round->settingsApplied->lines().join(QStringLiteral(", ")))
                        << Qt::endl;
        if (!round->settingsRefusal.isEmpty())
            context.err << tr("The settings from the central store were refused; the last good ones stay. %1")
                               .arg(round->settingsRefusal)
                        << Qt::endl;
        if (parser.isSet(JSON)) {
            const QJsonObject object{{QStringLiteral("sent"), round->sent},
                                     {QStringLiteral("fetched"), round->fetched},
                                     {QStringLiteral("backlog"), round->backlog}};
            context.out << QJsonDocument(object).toJson(QJsonDocument::Compact) << '\n';
        } else {
            context.out << tr("Sent %1 events; %2 open entries at the site's other doors; %3 waiting.")
                               .arg(round->sent)
                               .arg(round->fetched)
                               .arg(round->backlog)
                        << '\n';
        }
        return round->backlog == 0 ? 0 : 1;
    }

    // Every interval until Ctrl+C or SIGTERM, on the same thread and code as the kiosk's.
    CentralSync sync(config, session.value()->database().path(), session.value()->clock(),
                     context.settings.centralIntervalSeconds());
    QEventLoop loop;
    StopRequest stop;
    QObject::connect(&stop, &StopRequest::requested, &loop, &QEventLoop::quit);
    QObject::connect(&sync, &CentralSync::stateChanged, &loop, [&](const CentralSync::State& state) {
        if (parser.isSet(JSON)) {
            const QJsonObject object{{QStringLiteral("sent"), state.lastRoundSent},
                                     {QStringLiteral("fetched"), state.fetched},
                                     {QStringLiteral("backlog"), state.waiting},
                                     {QStringLiteral("error"), state.lastError}};
            context.out << QJsonDocument(object).toJson(QJsonDocument::Compact) << Qt::endl;
        } else if (!state.lastError.isEmpty()) {
            context.err << state.lastError << Qt::endl;
        } else {
            context.out << tr("Sent %1 events; %2 waiting.").arg(state.lastRoundSent).arg(state.waiting) << Qt::endl;
        }
    });
    sync.start();
    loop.exec();
    sync.stop();
    return 0;
}
