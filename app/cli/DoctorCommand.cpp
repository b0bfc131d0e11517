// `gatehouse-cli doctor`.
#include "DoctorCommand.h"

#include "central/CentralConnection.h"
#include "checkin/KioskCheckup.h"
#include "common/SystemClock.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {
const QCommandLineOption JSON(QStringLiteral("json"), QStringLiteral("One JSON object a check."));

// The site the central store has this kiosk at, logged in as the kiosk does.
Result<QString> centralSite(const QString& uri, const QString& kioskId)
{
    auto connection = CentralConnection::open(uri, kioskId, 5);
    if (!connection)
        return connection.error();
    const auto site = connection.value()->exec(QStringLiteral("SELECT gatehouse.kiosk_site()"));
    if (!site)
        return site.error();
    const QString id = site->values.value(0).value(0);
    if (id.isNull())
        return Error(Error::Kind::Failed, DoctorCommand::tr("The central store does not know kiosk %1 (central "
                                                            "add-kiosk).")
                                              .arg(kioskId));
    return id;
}

} // namespace

QString DoctorCommand::summary() const
{
    return tr("Checks what a door needs: configuration, entry log, disk, Bluetooth, camera, clock, central store, "
              "keys.");
}

void DoctorCommand::addOptions(QCommandLineParser& parser)
{
    parser.addOption(JSON);
}

int DoctorCommand::run(const QCommandLineParser& parser, CliContext& context)
{
    // The machine's own clock, even with --now: whether it is right is one of the checks.
    const SystemClock clock;
    const KioskCheckup checkup(context.settings, context.settingsProblem, context.databasePath, clock,
                               KioskCheckup::systemProbes(context.settings.adapterAddress(), &centralSite));
    const QList<KioskCheckup::Check> checks = checkup.run();
    for (const KioskCheckup::Check& check : checks) {
        if (parser.isSet(JSON)) {
            context.out << QJsonDocument(KioskCheckup::json(check)).toJson(QJsonDocument::Compact) << '\n';
        } else {
            context.out << (check.ok ? QStringLiteral("✔ ") : QStringLiteral("✘ ")) << check.sentence << '\n';
        }
    }
    const bool ready = KioskCheckup::doorReady(checks);
    if (!parser.isSet(JSON))
        context.out << (ready ? tr("The door can work.")
                              : tr("The door cannot work until each ✘ above that it "
                                   "needs is mended."))
                    << '\n';
    return ready ? 0 : 1;
}
