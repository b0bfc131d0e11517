// What a technician checks at a new site.
#include "checkin/KioskCheckup.h"

#include "ble/BluetoothAdapterWatch.h"
#include "ble/BluetoothStack.h"
#include "common/HardwareProbe.h"

#include "common/FilePrivacy.h"
#include "crypto/DeskTls.h"
#include "crypto/ExportKey.h"
#include "crypto/TrustStore.h"
#include "storage/Database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalSocket>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>
#include <QSslSocket>

#include <sys/statvfs.h>

#include <algorithm>

namespace {
// No kiosk ran before this: a clock behind it has lost its time (a board without a battery-backed
// clock and no network time yet).
const QDate EARLIEST(2026, 1, 1);
} // namespace

KioskCheckup::KioskCheckup(Settings settings, std::optional<Error> settingsProblem, QString databasePath,
                           const Clock& clock, Probes probes)
    : m_settings(std::move(settings)), m_settingsProblem(std::move(settingsProblem)),
      m_databasePath(std::move(databasePath)), m_clock(clock), m_probes(std::move(probes))
{}

QList<KioskCheckup::Check> KioskCheckup::run() const
{
    // Privacy before the entry log is opened: opening gives the caller's own files their modes back,
    // and the technician must hear how they were found.
    QList<Check> checks = {configuration(), privacy(), database(), disk(), bluetooth(), camera(), clock(), desk()};
    if (auto store = central())
        checks.append(*store);
    checks.append(keys());
    return checks;
}

bool KioskCheckup::doorReady(const QList<Check>& checks)
{
    return std::all_of(checks.begin(), checks.end(), [](const Check& check) { return check.ok || !check.needed; });
}

KioskCheckup::Check KioskCheckup::configuration() const
{
    Check check{QStringLiteral("configuration"), true, true, {}};
    if (m_settingsProblem) {
        check.ok = false;
        check.sentence = m_settingsProblem->message();
    } else if (m_settings.path().isEmpty()) {
        check.sentence = tr("No configuration file: the kiosk runs on its defaults (give one with --config).");
    } else {
        check.sentence = tr("The configuration %1 was read.").arg(m_settings.path());
    }
    return check;
}

KioskCheckup::Check KioskCheckup::database() const
{
    Check check{QStringLiteral("database"), false, true, {}};
    // Opening creates a missing log and upgrades an older one, as the kiosk does at start; a
    // write in a transaction that is rolled back proves the file is writable.
    auto database = Database::open(m_databasePath, Database::Check::None);
    if (!database) {
        check.sentence = database.error().message();
        return check;
    }
    const Result<void> intact = database.value()->checkIntegrity();
    if (!intact) {
        check.sentence = intact.error().message();
        return check;
    }
    // A table made and undone in one transaction: a read-only file or folder fails here.
    QSqlQuery query(database.value()->connection());
    const bool writable = query.exec(QStringLiteral("BEGIN IMMEDIATE")) &&
                          query.exec(QStringLiteral("CREATE TABLE main.doctor_probe (x)"));
    const QSqlError why = query.lastError();
    (void)query.exec(QStringLiteral("ROLLBACK"));
    if (!writable) {
        check.sentence = database.value()->errorFor(why, tr("checking that the entry log can be written")).message();
        return check;
    }
    check.ok = true;
    check.sentence = tr("The entry log %1 is there, intact and writable.").arg(m_databasePath);
    return check;
}

KioskCheckup::Check KioskCheckup::disk() const
{
    Check check{QStringLiteral("disk"), false, true, {}};
    // statvfs(3) of the log's folder itself: QStorageInfo looks the folder up in the mount table,
    // which has no entry for it inside a chroot (seen in packaging/prove-fresh-debian.sh).
    struct statvfs disk = {};
    const QByteArray folder = QFile::encodeName(QFileInfo(m_databasePath).absolutePath());
    if (statvfs(folder.constData(), &disk) != 0) {
        check.sentence = tr("The disk of %1 could not be asked for its free space.").arg(m_databasePath);
        return check;
    }
    const qint64 available = qint64(disk.f_bavail) * qint64(disk.f_frsize);
    const QString free = QLocale().formattedDataSize(available, 1, QLocale::DataSizeSIFormat);
    check.ok = available >= MinimumFreeBytes;
    check.sentence = check.ok
                         ? tr("%1 free on the log's disk.").arg(free)
                         : tr("Only %1 free on the log's disk (at least %2 needed): free some space.")
                               .arg(free, QLocale().formattedDataSize(MinimumFreeBytes, 0, QLocale::DataSizeSIFormat));
    return check;
}

KioskCheckup::Check KioskCheckup::bluetooth() const
{
    const Finding found = m_probes.bluetoothAdapter ? m_probes.bluetoothAdapter() : Finding();
    Check check{QStringLiteral("bluetooth"), found.ok, true, found.sentence};
    if (check.sentence.isEmpty()) {
        check.sentence = check.ok ? tr("A Bluetooth adapter is there: the kiosk can check the tracing app.")
                                  : tr("No Bluetooth adapter: the kiosk cannot check the tracing app (plug in a "
                                       "Bluetooth 4.0 or later adapter, and check that bluetoothd runs).");
    }
    return check;
}

KioskCheckup::Check KioskCheckup::camera() const
{
    Check check{QStringLiteral("camera"), m_probes.camera && m_probes.camera(), false, {}};
    check.sentence = check.ok ? tr("A camera is there: visitors can show their QR code to it.")
                              : tr("No camera: QR codes can only be read with a USB scanner (the door works "
                                   "with one).");
    return check;
}

KioskCheckup::Check KioskCheckup::clock() const
{
    Check check{QStringLiteral("clock"), false, true, {}};
    const QDateTime now = m_clock.now();
    const int site = m_settings.utcOffsetMinutes();
    const int system = now.toLocalTime().offsetFromUtc() / 60;
    const QString shown = now.toOffsetFromUtc(site * 60).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    const auto offset = [](int minutes) {
        return QStringLiteral("UTC%1%2:%3")
            .arg(minutes < 0 ? QStringLiteral("-") : QStringLiteral("+"))
            .arg(std::abs(minutes) / 60, 2, 10, QLatin1Char('0'))
            .arg(std::abs(minutes) % 60, 2, 10, QLatin1Char('0'));
    };
    if (now.date() < EARLIEST || now.date().year() > 2100) {
        check.sentence = tr("The clock says %1, which cannot be right: every entry would carry a wrong time "
                            "(set the time, or let the machine reach a time server).")
                             .arg(shown);
        return check;
    }
    check.ok = true;
    check.sentence = tr("The clock says %1 at the site (%2).").arg(shown, offset(site));
    if (system != site)
        check.sentence += QLatin1Char(' ') + tr("The machine's own time zone is %1: the kiosk writes the site's "
                                                "(utc_offset_minutes).")
                                                 .arg(offset(system));
    return check;
}

std::optional<KioskCheckup::Check> KioskCheckup::central() const
{
    if (!m_settings.hasCentral())
        return std::nullopt;
    Check check{QStringLiteral("central"), false, false, {}};
    const auto site = m_probes.centralSite ? m_probes.centralSite(m_settings.centralUri(), m_settings.centralKioskId())
                                           : Result<QString>(Error(Error::Kind::Failed, QString()));
    if (!site) {
        check.sentence = site.error().message() + QLatin1Char(' ') +
                         tr("(kiosk %1) The door works offline and sends later.").arg(m_settings.centralKioskId());
    } else if (!m_settings.siteId().isEmpty() && site.value() != m_settings.siteId()) {
        check.sentence = tr("The central store has kiosk %1 at site %2, but this kiosk's [site] id is %3: "
                            "correct one of them.")
                             .arg(m_settings.centralKioskId(), site.value(), m_settings.siteId());
    } else {
        check.ok = true;
        check.sentence = tr("The central store answers; it knows this kiosk (%1) at site %2.")
                             .arg(m_settings.centralKioskId(), site.value());
    }
    return check;
}

QList<KioskCheckup::Check> KioskCheckup::keys() const
{
    QList<Check> checks;
    if (!m_settings.trustDirectory().isEmpty()) {
        Check check{QStringLiteral("keys"), false, false, {}};
        const auto trust = TrustStore::load(m_settings.trustDirectory());
        if (!trust)
            check.sentence = trust.error().message();
        else if (trust->size() == 0)
            check.sentence = tr("No pass key in %1: visitor passes will be refused.").arg(m_settings.trustDirectory());
        else
            check.ok = true;
        if (check.ok)
            check.sentence =
                tr("%n trusted pass key(s) in %1.", nullptr, int(trust->size())).arg(m_settings.trustDirectory());
        checks.append(check);
    }
    if (!m_settings.exportSigningKey().isEmpty()) {
        Check check{QStringLiteral("keys"), false, false, {}};
        const auto key = ExportKey::load(m_settings.exportSigningKey(), m_settings.trustDirectory());
        check.ok = bool(key);
        check.sentence = key ? tr("The export signing key %1 is readable (key id %2).")
                                   .arg(m_settings.exportSigningKey(), key->keyId())
                             : key.error().message();
        checks.append(check);
    }
    return checks;
}

KioskCheckup::Check KioskCheckup::desk() const
{
    // The reception desk the kiosk serves to the consoles of its computer ([console] socket,
    // desk/DeskServer.h) and, where the site asks for it, by TLS to its desk computers ([console]
    // tls_port); on a desk computer, the kiosk it asks ([console] kiosk). Asked as a console would.
    // A door records visitors without a console, so it is not needed; it answers only while the
    // kiosk runs.
    Check check{QStringLiteral("desk"), false, false, {}};
    // Certificates are checked at the system's time, which OpenSSL verifies them by.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto tls = [&]() { return DeskTls::configuration(DeskTls::Files::of(m_settings), now); };
    const auto validUntil = [](const QSslConfiguration& configuration) {
        return configuration.localCertificate().expiryDate().toUTC().date().toString(Qt::ISODate);
    };
    if (!m_settings.deskKioskHost().isEmpty()) {
        const QString kiosk = QStringLiteral("%1:%2").arg(m_settings.deskKioskHost()).arg(m_settings.deskKioskPort());
        const Result<QSslConfiguration> configuration = tls();
        if (!configuration) {
            check.sentence = configuration.error().message();
            return check;
        }
        QSslSocket console;
        console.setSslConfiguration(configuration.value());
        QString refusal;
        QObject::connect(&console, &QSslSocket::alertReceived,
                         [&refusal](QSsl::AlertLevel level, QSsl::AlertType, const QString& description) {
                             if (level == QSsl::AlertLevel::Fatal)
                                 refusal = description;
                         });
        console.connectToHostEncrypted(m_settings.deskKioskHost(), quint16(m_settings.deskKioskPort()));
        // TLS 1.3: the kiosk judges this computer's certificate after the handshake, and hangs up
        // at once with an alert when it does not take it.
        const bool encrypted = console.waitForEncrypted(3000);
        check.ok = encrypted && !console.waitForDisconnected(1000);
        if (encrypted && !check.ok && refusal.isEmpty())
            refusal = console.errorString();
        check.sentence = check.ok ? tr("The kiosk at %1 serves this desk computer by TLS; its certificate is valid "
                                       "until %2.")
                                        .arg(kiosk, validUntil(configuration.value()))
                                  : DeskTls::unreachable(console, kiosk, refusal);
        return check;
    }
    const QString path = m_settings.deskSocket();
    QLocalSocket console;
    console.connectToServer(path);
    check.ok = console.waitForConnected(2000);
    if (check.ok)
        check.sentence =
            tr("The kiosk serves the reception desk at %1: the console of this computer reaches it.").arg(path);
    else if (console.error() == QLocalSocket::SocketAccessError)
        check.sentence = tr("This account may not reach the reception desk at %1: the console's accounts must be in "
                            "the gatehouse group (adduser NAME gatehouse).")
                             .arg(path);
    else
        check.sentence = tr("Nothing serves the reception desk at %1 (%2): the console works once the kiosk runs "
                            "(systemctl start gatehouse-kiosk).")
                             .arg(path, console.errorString());
    if (m_settings.deskTlsPort() > 0) {
        // The files the kiosk serves its desk computers with: said here, since the kiosk only logs them.
        if (const Result<QSslConfiguration> configuration = tls(); !configuration) {
            check.ok = false;
            check.sentence += QLatin1Char(' ') + configuration.error().message();
        } else {
            check.sentence += QLatin1Char(' ') + tr("Desk computers reach it by TLS on port %1; its certificate is "
                                                    "valid until %2.")
                                                     .arg(m_settings.deskTlsPort())
                                                     .arg(validUntil(configuration.value()));
        }
    }
    return check;
}

KioskCheckup::Check KioskCheckup::privacy() const
{
    // Nothing readable by other accounts of the machine (issue 24): the entry log, its WAL and the
    // keys, the kiosk's account's alone (the console asks the desk the kiosk serves).
    Check check{QStringLiteral("privacy"), false, true, {}};
    QStringList exposed;
    const QStringList files = {m_databasePath, m_databasePath + QStringLiteral("-wal"),
                               m_databasePath + QStringLiteral("-shm")};
    for (const QString& path : files) {
        const QString sentence = FilePrivacy::exposure(path);
        if (!sentence.isEmpty())
            exposed.append(sentence);
    }
    if (!m_settings.exportSigningKey().isEmpty()) {
        const QString sentence = FilePrivacy::exposure(m_settings.exportSigningKey());
        if (!sentence.isEmpty())
            exposed.append(sentence);
    }
    check.ok = exposed.isEmpty();
    check.sentence = check.ok ? tr("Nobody but this kiosk's account can open the entry log or the keys.")
                              : exposed.join(QLatin1Char(' ')) + QLatin1Char(' ') +
                                    tr("Give them back to the kiosk's account alone: chmod go-rwx.");
    return check;
}

KioskCheckup::Probes
KioskCheckup::systemProbes(const QString& adapterAddress,
                           std::function<Result<QString>(const QString&, const QString&)> centralSite)
{
    // The adapter as BlueZ shows it to this user: there, switched on, reachable at all. iPhones' IDs
    // are read through BlueZ's D-Bus GATT API (ble/BluetoothStack.h), which needs no capability: the
    // kiosk's unit has none (README "Deploying at a site").
    const auto adapter = [adapterAddress] {
        const BluetoothAdapterWatch::Status status = BluetoothAdapterWatch::probe(QBluetoothAddress(adapterAddress));
        QString sentence = BluetoothAdapterWatch::describe(status);
        if (status.state == BluetoothAdapterWatch::State::On && BluetoothStack::dbusGatt())
            sentence += QLatin1Char(' ') + tr("iPhones are read through BlueZ's D-Bus GATT API, which needs no extra "
                                              "capability.");
        return Finding{status.state == BluetoothAdapterWatch::State::On, sentence};
    };
    return {adapter, &HardwareProbe::hasCamera, std::move(centralSite)};
}

QJsonObject KioskCheckup::json(const Check& check)
{
    return {{QStringLiteral("check"), check.name},
            {QStringLiteral("ok"), check.ok},
            {QStringLiteral("needed"), check.needed},
            {QStringLiteral("sentence"), check.sentence}};
}

QByteArray KioskCheckup::jsonArray(const QList<Check>& checks)
{
    QJsonArray array;
    for (const Check& check : checks)
        array.append(json(check));
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}
