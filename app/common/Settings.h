// A site's configuration, read from an INI file (README.md "Configuration" lists every key).
#pragma once

#include "common/Result.h"
#include "common/SharedSettings.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QTime>

class Settings
{
    Q_DECLARE_TR_FUNCTIONS(Settings)

public:
    // A site's configuration is a few kilobytes; a file over this is refused unread.
    static constexpr qint64 MAX_BYTES = 256 * 1024;

    // Reads the file at path (none: the defaults) with the settings the central store sent for
    // this kiosk over it (issue 26: the nearer scope has spoken). A missing, unreadable or
    // malformed file, or a value out of range, is an Error naming the file, or the central store
    // when its value is the bad one, and the key.
    static Result<Settings> load(const QString& path, const SharedSettings& central = SharedSettings());
    // Reads path when given; otherwise the user's gatehouse.ini when there is one, else defaults.
    static Result<Settings> locate(const QString& path, const SharedSettings& central = SharedSettings());
    // Where locate() looks when no path is given.
    static QString defaultPath();

    // The settings an administrator changes at the desk (the console's Settings page), in the
    // page's order. Their INI keys live here only, in one table that load() reads them by too
    // (issue 24: the page kept its own list of key names).
    enum class DeskKey {
        SiteName,
        Entrance,
        Policy,
        PresenceThresholdDbm,
        RetentionDays,
        Language,
        TrustDirectory,
        Camera,
        BluetoothAdapter
    };
    static const QList<DeskKey>& deskKeys();
    // "site/name" ...
    static QString iniKey(DeskKey key);
    // What these settings hold for key, as the INI writes it.
    QString value(DeskKey key) const;

    // Writes values (key -> text) into the file at path (created when absent), keeping its other
    // keys. The new file is checked with load() before it replaces the old one (a temporary file
    // renamed in one step): a bad value leaves the old file as it was and is an Error naming the
    // key. Returns one "key: old -> new" line for each value that changed.
    [[nodiscard]] static Result<QStringList> change(const QString& path, const QList<QPair<DeskKey, QString>>& values);

    QString siteId() const { return m_siteId; }
    // Shown under the product name on the idle screen; empty shows nothing.
    QString siteName() const { return m_siteName; }
    QString entrance() const { return m_entrance; }
    // "vi" or "en": the language the kiosk starts in.
    QString language() const { return m_language; }
    // The SQLite file; empty means the default in the user's data folder.
    QString databasePath() const { return m_databasePath; }

    // [ble] threshold_dbm: the smoothed RSSI at or above which a phone is at the kiosk.
    int presenceThresholdDbm() const { return m_presenceThresholdDbm; }
    // [kiosk] install_url: where the install QR for the tracing app points. The provincial
    // directive of July 2020 names bluezone.vn.
    QString installUrl() const { return m_installUrl; }
    // [qr] camera: the camera's description or id; empty for the system's default camera.
    QString cameraName() const { return m_cameraName; }
    // [qr] mirror: whether the viewfinder shows the camera's picture mirrored, as a mirror would
    // (a camera that faces the visitor; default true). The decoder always reads the frame as is.
    bool mirrorViewfinder() const { return m_mirrorViewfinder; }
    // [ble] adapter: the Bluetooth adapter's address; empty for the system's default adapter.
    QString adapterAddress() const { return m_adapterAddress; }
    // [passes] trust_dir: the folder of public keys whose visitor passes are accepted.
    QString trustDirectory() const { return m_trustDirectory; }
    // [export] signing_key: the private export key (keygen --purpose export) that signs the
    // manifests of exports, traces and reports; empty: unsigned unless the CLI is given --sign.
    QString exportSigningKey() const { return m_exportSigningKey; }
    // [passes] single_use: a pass checks in once; a second scan of it is refused.
    bool passesSingleUse() const { return m_passesSingleUse; }

    // [site] policy: "required" (state agencies) or "recommended" (businesses, the default).
    QString policy() const { return m_policy; }
    // [site] retention_days: entries older than this are deleted, daily and at start.
    int retentionDays() const { return m_retentionDays; }
    // [site] audit_retention_days: audit rows (override reasons, masked ID numbers) older than this
    // are deleted (default 365).
    int auditRetentionDays() const { return m_auditRetentionDays; }
    // [kiosk] declaration_retention_days: health answers are dropped from entries older than this
    // (default: retention_days; never longer).
    int declarationRetentionDays() const { return m_declarationRetentionDays; }
    // [storage] backup_dir: where backups go; those older than retention_days are deleted there.
    QString backupFolder() const { return m_backupFolder; }
    // [site] closing_time: everyone still inside is checked out then, marked "auto"; invalid
    // when the site never closes.
    QTime closingTime() const { return m_closingTime; }
    // [site] utc_offset_minutes: the site's offset from UTC, for exports and closing time
    // (Asia/Ho_Chi_Minh: +420, no daylight saving).
    int utcOffsetMinutes() const { return m_utcOffsetMinutes; }

    // [kiosk] health_declaration: ask the health declaration at check-in.
    bool healthDeclaration() const { return m_healthDeclaration; }
    // [kiosk] speech: whether the kiosk also says each result aloud in the screen's language.
    bool speech() const { return m_speech; }
    // [kiosk] idle_reset_seconds: any screen but the idle one returns there after this long
    // without a touch or a scan, dropping what was half filled in.
    int idleResetSeconds() const { return m_idleResetSeconds; }
    // [kiosk] questions: the declaration's questions file; empty for the built-in 2020 form.
    QString questionsPath() const { return m_questionsPath; }
    // [console] lock_minutes: the reception console locks itself after this long without input.
    int consoleLockMinutes() const { return m_consoleLockMinutes; }
    // [console] roll_call_folder: where the evacuation roll call is saved with one press (relative
    // to this file's folder); empty: the user's Documents folder.
    QString rollCallFolder() const;
    // [console] socket: where the kiosk serves the reception desk and the console connects
    // (desk/DeskServer.h; relative to this file's folder); the systemd unit's runtime folder
    // by default.
    QString deskSocket() const { return m_deskSocket; }
    static constexpr const char* DEFAULT_DESK_SOCKET = "/run/gatehouse/desk.sock";
    // [console] tls_port: on a kiosk, the TCP port where it also serves the desk to consoles of the
    // site's network, by TLS (crypto/DeskTls.h); 0: this computer's consoles only.
    int deskTlsPort() const { return m_deskTlsPort; }
    // [console] kiosk = HOST:PORT: on a desk computer, the kiosk whose desk the console asks by TLS;
    // empty: the kiosk of this computer, at deskSocket().
    QString deskKioskHost() const { return m_deskKioskHost; }
    int deskKioskPort() const { return m_deskKioskPort; }
    // [console] tls_certificate, tls_key, tls_authority (relative to this file's folder): this
    // computer's certificate and key, and the site's authority that signed the other side's; set
    // whenever tls_port or kiosk is.
    QString deskTlsCertificate() const { return m_deskTlsCertificate; }
    QString deskTlsKey() const { return m_deskTlsKey; }
    QString deskTlsAuthority() const { return m_deskTlsAuthority; }

    // The file these settings came from (empty for defaults); modules with settings of their
    // own (the app profile table) read it too.
    // [central] uri, kiosk_id, interval_seconds (formats/central.md): the central store this kiosk
    // sends to; an empty uri: the kiosk works alone.
    bool hasCentral() const { return !m_centralUri.isEmpty(); }
    QString centralUri() const { return m_centralUri; }
    QString centralKioskId() const { return m_centralKioskId; }
    int centralIntervalSeconds() const { return m_centralIntervalSeconds; }
    QString path() const { return m_path; }

    // What the central store sent that these settings hold (empty when nothing, or no store).
    const SharedSettings& central() const { return m_central; }
    // A setting in force and where it came from: ini, kiosk, site, district, province or default
    // (formats/cli.md, `settings --effective`).
    struct InForce
    {
        QString key; // the INI's: site/policy
        QString value;
        QString source;
    };
    // The site's identity, every shared setting, then what only the INI holds, in that order.
    QList<InForce> effective() const;

    void setDatabasePath(const QString& path) { m_databasePath = path; }
    void setLanguage(const QString& language) { m_language = language; }
    void setSiteName(const QString& name) { m_siteName = name; }
    void setExportSigningKey(const QString& path) { m_exportSigningKey = path; }
    void setRollCallFolder(const QString& path) { m_rollCallFolder = path; }
    void setDeskSocket(const QString& path) { m_deskSocket = path; }

private:
    static Result<Settings> read(const QString& file, const SharedSettings& central);
    static const QStringList& effectiveKeys();
    QString textOf(const QString& key) const;

    QString m_siteId = QStringLiteral("site");
    QString m_siteName;
    QString m_entrance = QStringLiteral("main");
    QString m_language = QStringLiteral("vi");
    QString m_databasePath;
    int m_presenceThresholdDbm = -60;
    QString m_installUrl = QStringLiteral("https://bluezone.vn/");
    QString m_cameraName;
    bool m_mirrorViewfinder = true;
    bool m_speech = false;
    QString m_adapterAddress;
    QString m_trustDirectory;
    QString m_exportSigningKey;
    bool m_passesSingleUse = false;
    QString m_policy = QStringLiteral("recommended");
    int m_retentionDays = 30;
    int m_auditRetentionDays = 365;
    int m_declarationRetentionDays = 30;
    QString m_backupFolder;
    QTime m_closingTime;
    int m_utcOffsetMinutes = 7 * 60;
    QString m_centralUri;
    QString m_centralKioskId;
    int m_centralIntervalSeconds = 30;
    bool m_healthDeclaration = false;
    int m_idleResetSeconds = 60;
    QString m_questionsPath;
    int m_consoleLockMinutes = 5;
    QString m_rollCallFolder;
    QString m_deskSocket = QString::fromLatin1(DEFAULT_DESK_SOCKET);
    int m_deskTlsPort = 0;
    QString m_deskKioskHost;
    int m_deskKioskPort = 0;
    QString m_deskTlsCertificate;
    QString m_deskTlsKey;
    QString m_deskTlsAuthority;
    QString m_path;
    SharedSettings m_central;
    QHash<QString, QString> m_sources; // INI key -> where its value came from
};
