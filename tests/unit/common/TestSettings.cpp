// Settings: what a site's INI file may say, and the sentence a bad one gets.
#include "common/Settings.h"

#include <QDir>
#include <QFile>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

class TestSettings : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QByteArray& content)
    {
        const QString path = m_dir.filePath(QStringLiteral("gatehouse.ini"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write %s", qPrintable(path));
        file.write(content);
        return path;
    }

private slots:
    void defaultsWhenNoFileIsGiven()
    {
        // XDG_CONFIG_HOME points at an empty folder in tests (tests/CMakeLists.txt).
        auto settings = Settings::locate(QString());
        QVERIFY(settings.ok());
        QCOMPARE(settings->language(), QStringLiteral("vi"));
        QCOMPARE(settings->siteId(), QStringLiteral("site"));
        QVERIFY(settings->databasePath().isEmpty());
        QCOMPARE(settings->installUrl(), QStringLiteral("https://bluezone.vn/"));
        QCOMPARE(settings->presenceThresholdDbm(), -60);
        QVERIFY(!settings->passesSingleUse());
    }

    void readsEveryKey()
    {
        const QString path = write("[site]\nid=ubnd-hue\nname=UBND tỉnh Thừa Thiên Huế\nentrance=Cổng chính\n"
                                   "language=en\n[storage]\ndatabase=log/entries.db\n[ble]\nthreshold_dbm=-57\n"
                                   "[kiosk]\ninstall_url=https://www.bluezone.gov.vn/\n[qr]\ncamera=Logitech C920\n"
                                   "[passes]\ntrust_dir=keys\nsingle_use=true\n");
        auto settings = Settings::load(path);
        QVERIFY2(settings.ok(), settings.ok() ? "" : qPrintable(settings.error().message()));
        QCOMPARE(settings->siteId(), QStringLiteral("ubnd-hue"));
        QCOMPARE(settings->siteName(), QStringLiteral("UBND tỉnh Thừa Thiên Huế"));
        QCOMPARE(settings->entrance(), QStringLiteral("Cổng chính"));
        QCOMPARE(settings->language(), QStringLiteral("en"));
        // A relative database path is relative to the configuration file, not the working folder.
        QCOMPARE(settings->databasePath(), m_dir.filePath(QStringLiteral("log/entries.db")));
        QCOMPARE(settings->presenceThresholdDbm(), -57);
        QCOMPARE(settings->installUrl(), QStringLiteral("https://www.bluezone.gov.vn/"));
        QCOMPARE(settings->cameraName(), QStringLiteral("Logitech C920"));
        QCOMPARE(settings->trustDirectory(), m_dir.filePath(QStringLiteral("keys")));
        QVERIFY(settings->passesSingleUse());
    }

    void rejectsBadFiles_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::addRow("unknown language") << QByteArray("[site]\nlanguage=fr\n") << QStringLiteral("site/language=fr");
        QTest::addRow("empty site id") << QByteArray("[site]\nid=\n") << QStringLiteral("site/id");
        QTest::addRow("threshold not a number")
            << QByteArray("[ble]\nthreshold_dbm=loud\n") << QStringLiteral("ble/threshold_dbm=loud");
        QTest::addRow("threshold out of range")
            << QByteArray("[ble]\nthreshold_dbm=50\n") << QStringLiteral("ble/threshold_dbm=50");
        QTest::addRow("install link not a web address")
            << QByteArray("[kiosk]\ninstall_url=bluezone\n") << QStringLiteral("kiosk/install_url=bluezone");
        // Issue 11: a plain-text PIN in the file is refused, with how to make an account instead.
        QTest::addRow("old receptionist PIN")
            << QByteArray("[kiosk]\nreceptionist_pin=2468\n") << QStringLiteral("gatehouse-cli account add");
        QTest::addRow("console lock too long")
            << QByteArray("[console]\nlock_minutes=600\n") << QStringLiteral("console/lock_minutes=600");
    }

    void aHugeFileIsRefusedUnread()
    {
        const QString path = m_dir.filePath(QStringLiteral("huge.ini"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(Settings::MAX_BYTES + 1)); // sparse: no time spent writing it
        file.close();
        const auto settings = Settings::load(path);
        QVERIFY(!settings.ok());
        QVERIFY2(settings.error().message().contains(QStringLiteral("larger than 256 KB")),
                 qPrintable(settings.error().message()));
    }

    void retentionPeriods()
    {
        const auto defaults = Settings::load(write("[site]\nretention_days=21\n"));
        QCOMPARE(defaults->auditRetentionDays(), 365);
        QCOMPARE(defaults->declarationRetentionDays(), 21); // health answers: with their entry
        const auto own = Settings::load(
            write("[site]\nretention_days=21\naudit_retention_days=90\n[kiosk]\ndeclaration_retention_days=7\n"
                  "[storage]\nbackup_dir=backups\n[export]\nsigning_key=keys/export.pem\n"));
        QVERIFY(own.ok());
        QCOMPARE(own->auditRetentionDays(), 90);
        QCOMPARE(own->declarationRetentionDays(), 7);
        QCOMPARE(own->backupFolder(), m_dir.filePath(QStringLiteral("backups")));
        QCOMPARE(own->exportSigningKey(), m_dir.filePath(QStringLiteral("keys/export.pem")));
        const auto longer =
            Settings::load(write("[site]\nretention_days=21\n[kiosk]\ndeclaration_retention_days=30\n"));
        QVERIFY(!longer.ok());
        QVERIFY(longer.error().message().contains(QStringLiteral("declaration_retention_days=30")));
    }

    // Issue 27: a multi-host URI as libpq documents it (34.1.1.3, "host=a,b") is written unquoted
    // in an INI; QSettings reads an unquoted value with commas as a list, whose toString() is
    // empty, and the kiosk then said it had no central store. A value is taken as written; so is
    // a sentence with commas, and a quoted value stays what QSettings makes of it.
    void aValueWithCommasIsTakenAsWritten()
    {
        const QString uri = QStringLiteral("postgresql:///gh?host=/run/a,/run/b&port=5432,5433"
                                           "&target_session_attrs=read-write");
        const auto settings = Settings::load(write(QStringLiteral("[site]\nid=hue-ubnd\nname=Khách sạn A,  B\n"
                                                                  "[central]\nuri=%1\nkiosk_id=k1\n")
                                                       .arg(uri)
                                                       .toUtf8()));
        QVERIFY2(settings.ok(), settings.ok() ? "" : qPrintable(settings.error().message()));
        QVERIFY(settings->hasCentral());
        QCOMPARE(settings->centralUri(), uri);
        QCOMPARE(settings->siteName(), QStringLiteral("Khách sạn A,  B"));
        const auto quoted =
            Settings::load(write(QStringLiteral("[central]\nuri=\"%1\"\nkiosk_id=k1\n").arg(uri).toUtf8()));
        QCOMPARE(quoted->centralUri(), uri);
        // A comment after the value is dropped, as QSettings drops it from every other value.
        const auto commented =
            Settings::load(write(QStringLiteral("[site]\nid=hue-ubnd\nname=Khách sạn A, B ; the sign\n"
                                                "[central]\nuri=%1   ; both nodes\nkiosk_id=k1\n")
                                     .arg(uri)
                                     .toUtf8()));
        QCOMPARE(commented->centralUri(), uri);
        QCOMPARE(commented->siteName(), QStringLiteral("Khách sạn A, B"));
    }

    void consoleLockMinutes()
    {
        QCOMPARE(Settings().consoleLockMinutes(), 5);
        QCOMPARE(Settings::load(write("[console]\nlock_minutes=2\n"))->consoleLockMinutes(), 2);
        // An empty old key holds no PIN: nothing to refuse.
        QVERIFY(Settings::load(write("[kiosk]\nreceptionist_pin=\n")).ok());
    }

    void theDeskOverTheNetwork()
    {
        // A desk computer: the kiosk it asks, and its TLS files relative to the INI's folder.
        auto desk = Settings::load(write("[console]\nkiosk=kiosk-1.site.lan:7443\ntls_certificate=desk.pem\n"
                                         "tls_key=desk.key\ntls_authority=/etc/gatehouse/site-authority.pem\n"));
        QVERIFY2(desk.ok(), qPrintable(desk ? QString() : desk.error().message()));
        QCOMPARE(desk->deskKioskHost(), QStringLiteral("kiosk-1.site.lan"));
        QCOMPARE(desk->deskKioskPort(), 7443);
        QCOMPARE(desk->deskTlsCertificate(), m_dir.filePath(QStringLiteral("desk.pem")));
        QCOMPARE(desk->deskTlsKey(), m_dir.filePath(QStringLiteral("desk.key")));
        QCOMPARE(desk->deskTlsAuthority(), QStringLiteral("/etc/gatehouse/site-authority.pem"));
        QCOMPARE(desk->deskTlsPort(), 0);
        auto v6 = Settings::load(write("[console]\nkiosk=[fd00::20]:7443\ntls_certificate=a\ntls_key=b\n"
                                       "tls_authority=c\n"));
        QVERIFY(v6.ok());
        QCOMPARE(v6->deskKioskHost(), QStringLiteral("fd00::20"));
        // A kiosk serving it.
        auto kiosk = Settings::load(write("[console]\ntls_port=7443\ntls_certificate=a\ntls_key=b\ntls_authority=c\n"));
        QVERIFY(kiosk.ok());
        QCOMPARE(kiosk->deskTlsPort(), 7443);
        QVERIFY(kiosk->deskKioskHost().isEmpty());
        // Without either, nothing by the network, and no file asked for.
        auto alone = Settings::load(write("[console]\nlock_minutes=5\n"));
        QVERIFY(alone.ok());
        QCOMPARE(alone->deskTlsPort(), 0);
        QVERIFY(alone->deskKioskHost().isEmpty());
        // What a technician may get wrong, each with its sentence.
        for (const QByteArray& bad :
             {QByteArray("[console]\nkiosk=kiosk-1.site.lan\ntls_certificate=a\ntls_key=b\n"
                         "tls_authority=c\n"),
              QByteArray("[console]\nkiosk=kiosk-1:99999\ntls_certificate=a\ntls_key=b\n"
                         "tls_authority=c\n"),
              QByteArray("[console]\nkiosk=https://kiosk-1:7443/\ntls_certificate=a\n"
                         "tls_key=b\ntls_authority=c\n"),
              QByteArray("[console]\ntls_port=70000\ntls_certificate=a\ntls_key=b\n"
                         "tls_authority=c\n"),
              QByteArray("[console]\ntls_port=seven\n"), QByteArray("[console]\ntls_port=7443\ntls_certificate=a\n"),
              QByteArray("[console]\nkiosk=kiosk-1:7443\n")}) {
            auto refused = Settings::load(write(bad));
            QVERIFY2(!refused.ok(), bad.constData());
            QVERIFY2(refused.error().message().contains(QStringLiteral("console/")),
                     qPrintable(refused.error().message()));
        }
    }

    void rejectsBadFiles()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        auto settings = Settings::load(write(content));
        QVERIFY(!settings.ok());
        QCOMPARE(settings.error().kind(), Error::Kind::Input);
        QCOMPARE(settings.error().exitCode(), 2);
        QVERIFY2(settings.error().message().contains(expected), qPrintable(settings.error().message()));
    }

    void missingFileIsAnInputError()
    {
        const QString path = m_dir.filePath(QStringLiteral("absent.ini"));
        for (const auto& settings : {Settings::load(path), Settings::locate(path)}) {
            QVERIFY(!settings.ok());
            QCOMPARE(settings.error().kind(), Error::Kind::Input);
            QCOMPARE(settings.error().message(), QStringLiteral("The configuration file %1 does not exist.").arg(path));
        }
    }

    void folderIsNotAConfigurationFile()
    {
        auto settings = Settings::load(m_dir.path());
        QVERIFY(!settings.ok());
        QVERIFY(settings.error().message().contains(QStringLiteral("cannot be read")));
    }

    void changeKeepsTheOldFileWhenAValueIsBad()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("site.ini"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[site]\nid=hue-dpc-01\npolicy=required\n");
        file.close();
        const auto bad = Settings::change(path, {{Settings::DeskKey::Policy, QStringLiteral("sometimes")}});
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().message().contains(path), qPrintable(bad.error().message()));
        QCOMPARE(Settings::load(path)->policy(), QStringLiteral("required"));
        const auto good = Settings::change(path, {{Settings::DeskKey::Policy, QStringLiteral("recommended")},
                                                  {Settings::DeskKey::RetentionDays, QStringLiteral("21")}});
        QVERIFY(good.ok());
        QCOMPARE(good->size(), 2);
        QCOMPARE(good->first(), QStringLiteral("site/policy: required -> recommended"));
        const auto reread = Settings::load(path);
        QCOMPARE(reread->siteId(), QStringLiteral("hue-dpc-01")); // other keys kept
        QCOMPARE(reread->retentionDays(), 21);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("site.ini")}); // no drafts left
    }

    // Issue 24: the desk's keys are Settings' own: every one written through change() is read back
    // by load() as the value it was given (a key the page spelled differently would be lost).
    void everyDeskKeyWrittenIsReadBack()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("site.ini"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[site]\nid=hue-dpc-01\n");
        file.close();
        const QMap<Settings::DeskKey, QString> values = {
            {Settings::DeskKey::SiteName, QStringLiteral("Sở Y tế")},
            {Settings::DeskKey::Entrance, QStringLiteral("gate-2")},
            {Settings::DeskKey::Policy, QStringLiteral("required")},
            {Settings::DeskKey::PresenceThresholdDbm, QStringLiteral("-71")},
            {Settings::DeskKey::RetentionDays, QStringLiteral("14")},
            {Settings::DeskKey::Language, QStringLiteral("en")},
            {Settings::DeskKey::TrustDirectory, dir.filePath(QStringLiteral("trusted"))},
            {Settings::DeskKey::Camera, QStringLiteral("USB Camera")},
            {Settings::DeskKey::BluetoothAdapter, QStringLiteral("00:1A:7D:DA:71:13")}};
        QCOMPARE(values.size(), Settings::deskKeys().size());
        QList<QPair<Settings::DeskKey, QString>> pairs;
        for (const Settings::DeskKey key : Settings::deskKeys())
            pairs.append({key, values.value(key)});
        const auto changed = Settings::change(path, pairs);
        QVERIFY2(changed.ok(), changed.ok() ? "" : qPrintable(changed.error().message()));
        QCOMPARE(changed->size(), values.size());
        const auto reread = Settings::load(path);
        QVERIFY(reread.ok());
        for (const Settings::DeskKey key : Settings::deskKeys())
            QCOMPARE(reread->value(key), values.value(key));
        QCOMPARE(Settings::iniKey(Settings::DeskKey::PresenceThresholdDbm), QStringLiteral("ble/threshold_dbm"));
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "TestSettings.moc"
