// What a technician checks at a new site before leaving a kiosk at the door (`gatehouse-cli
// doctor`, formats/cli.md): the configuration, the entry log (there, writable, intact), free disk,
// the Bluetooth adapter and the camera, the clock and the site's offset, the reception desk the
// kiosk serves (issue 24), the central store when one is configured, and the keys. Each check is one sentence in the
// user's language; `needed` says whether a door can work without it (a camera can be replaced by a USB scanner, the
// central store by working offline; a door cannot check the tracing app without an adapter). The devices and the
// central store are asked through the seams in Probes, so that tests (and a machine without them) get honest answers.
#pragma once

#include "common/Clock.h"
#include "common/Error.h"
#include "common/Settings.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>

#include <functional>
#include <optional>

class KioskCheckup
{
    Q_DECLARE_TR_FUNCTIONS(KioskCheckup)

public:
    struct Check
    {
        // configuration, privacy, database, disk, bluetooth, camera, clock, desk, central, keys
        QString name;
        bool ok = false;
        bool needed = true; // a door cannot work without it
        QString sentence;
    };

    // What a probe found: whether the device works, and a sentence of its own to say (empty:
    // the check's usual one).
    struct Finding
    {
        bool ok = false;
        QString sentence;
    };

    struct Probes
    {
        std::function<Finding()> bluetoothAdapter;
        std::function<bool()> camera;
        // The central store as the kiosk logs in to it: the site it is registered at, or why not.
        std::function<Result<QString>(const QString& uri, const QString& kioskId)> centralSite;
    };

    // Below this much free space on the log's disk a door may stop recording within days.
    static constexpr qint64 MinimumFreeBytes = 200LL * 1024 * 1024;

    // settingsProblem: why the configuration could not be read (the checks then run on defaults).
    KioskCheckup(Settings settings, std::optional<Error> settingsProblem, QString databasePath, const Clock& clock,
                 Probes probes);

    QList<Check> run() const;
    // Whether every check a door needs passed.
    static bool doorReady(const QList<Check>& checks);
    // This machine's probes: the adapter at adapterAddress as BlueZ shows it to this user, the
    // camera, and the central store through centralSite (the doctor logs in; a kiosk's sync,
    // already connected, says so).
    static Probes systemProbes(const QString& adapterAddress,
                               std::function<Result<QString>(const QString&, const QString&)> centralSite);
    // A check as `doctor --json` writes it (formats/cli.md): check, ok, needed, sentence.
    static QJsonObject json(const Check& check);
    // Every check in one JSON array, as a kiosk reports them to the central store (issue 26).
    static QByteArray jsonArray(const QList<Check>& checks);

private:
    Check configuration() const;
    Check database() const;
    Check disk() const;
    Check bluetooth() const;
    Check camera() const;
    Check clock() const;
    Check desk() const;
    std::optional<Check> central() const;
    QList<Check> keys() const;
    Check privacy() const;

    Settings m_settings;
    std::optional<Error> m_settingsProblem;
    QString m_databasePath;
    const Clock& m_clock;
    Probes m_probes;
};
