// `gatehouse-cli doctor`.
#include "DoctorCommand.h"

#include "ble/BluetoothAdapterWatch.h"
#include "ble/BluetoothStack.h"
#include "central/CentralConnection.h"
#include "checkin/KioskCheckup.h"
#include "common/HardwareProbe.h"
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

// The adapter as BlueZ shows it to this user: there, switched on, reachable at all. iPhones' IDs
// are read through BlueZ's D-Bus GATT API (ble/BluetoothStack.h), which needs no capability: the
// kiosk's unit has none (README "Deploying at a site").
KioskCheckup::Finding bluetoothAdapter(const QString& address)
{
    const BluetoothAdapterWatch::Status status = BluetoothAdapterWatch::probe(QBluetoothAddress(address));
    QString sentence = BluetoothAdapterWatch::describe(status);
    if (status.state == BluetoothAdapterWatch::State::On && BluetoothStack::dbusGatt())
        sentence += QLatin1Char(' ') + DoctorCommand::tr("iPhones are read through BlueZ's D-Bus GATT API, which "
                                                         "needs no extra capability.");
    return {status.state == BluetoothAdapterWatch::State::On, sentence};
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
                               {[adapter = context.settings.adapterAddress()] { return bluetoothAdapter(adapter); },
                                &HardwareProbe::hasCamera, &centralSite});
    const QList<KioskCheckup::Check> checks = checkup.run();
    for (const KioskCheckup::Check& check : checks) {
        if (parser.isSet(JSON)) {
            const QJsonObject object{{QStringLiteral("check"), check.name},
                                     {QStringLiteral("ok"), check.ok},
                                     {QStringLiteral("needed"), check.needed},
                                     {QStringLiteral("sentence"), check.sentence}};
            context.out << QJsonDocument(object).toJson(QJsonDocument::Compact) << '\n';
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
