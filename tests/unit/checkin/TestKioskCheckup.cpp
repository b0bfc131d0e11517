// `doctor`'s checks (checkin/KioskCheckup.h) on a machine the test describes: without adapter and
// camera (this one), with an unreadable configuration, a clock that lost its time, a log that
// cannot be made, a central store that is away or has the kiosk at another site, and keys.
#include "FakeClock.h"
#include "SiteAuthority.h"
#include "checkin/KioskCheckup.h"
#include "common/FilePrivacy.h"
#include "common/WorkerThread.h"
#include "crypto/DeskTls.h"
#include "crypto/Ed25519Key.h"

#include <QFile>
#include <QLocalServer>
#include <QSslServer>
#include <QTemporaryDir>
#include <QTest>

#include <grp.h>
#include <unistd.h>

namespace {
const QDateTime NOW(QDate(2026, 12, 2), QTime(2, 0), Qt::UTC);

KioskCheckup::Probes machine(bool adapter, bool camera, Result<QString> site = QStringLiteral("hue-ubnd"))
{
    return {[adapter] {
                return KioskCheckup::Finding{adapter, {}};
            },
            [camera] { return camera; }, [site](const QString&, const QString&) { return site; }};
}

const KioskCheckup::Check* find(const QList<KioskCheckup::Check>& checks, const QString& name)
{
    for (const KioskCheckup::Check& check : checks)
        if (check.name == name)
            return &check;
    return nullptr;
}
} // namespace

class TestKioskCheckup : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    FakeClock m_clock{NOW};

    QString database() const { return m_dir.filePath(QStringLiteral("log.db")); }

private slots:
    void aMachineWithoutAdapterOrCameraIsToldSo()
    {
        const auto checks = KioskCheckup(Settings(), std::nullopt, database(), m_clock, machine(false, false)).run();
        QStringList names;
        for (const auto& check : checks)
            names << check.name;
        QCOMPARE(names,
                 QStringList({QStringLiteral("configuration"), QStringLiteral("privacy"), QStringLiteral("database"),
                              QStringLiteral("disk"), QStringLiteral("bluetooth"), QStringLiteral("camera"),
                              QStringLiteral("clock"), QStringLiteral("desk")})); // no central store, no keys
        QVERIFY(find(checks, QStringLiteral("database"))->ok);
        QVERIFY(QFile::exists(database()));
        const auto* bluetooth = find(checks, QStringLiteral("bluetooth"));
        QVERIFY(!bluetooth->ok && bluetooth->needed);
        QVERIFY(bluetooth->sentence.contains(QStringLiteral("cannot check the tracing app")));
        const auto* camera = find(checks, QStringLiteral("camera"));
        QVERIFY(!camera->ok && !camera->needed);
        QVERIFY(camera->sentence.contains(QStringLiteral("USB scanner")));
        QVERIFY(!KioskCheckup::doorReady(checks));
        // With an adapter the door works; a missing camera is said but does not stop it.
        const auto adapter = KioskCheckup(Settings(), std::nullopt, database(), m_clock, machine(true, false)).run();
        QVERIFY(KioskCheckup::doorReady(adapter));
        QVERIFY(!find(adapter, QStringLiteral("camera"))->ok);
    }

    void anUnreadableConfigurationIsACheckThatFails()
    {
        const Error problem(Error::Kind::Input, QStringLiteral("The setting site/retention_days=abc is wrong."));
        const auto checks = KioskCheckup(Settings(), problem, database(), m_clock, machine(true, true)).run();
        const auto* configuration = find(checks, QStringLiteral("configuration"));
        QVERIFY(!configuration->ok);
        QCOMPARE(configuration->sentence, problem.message());
        QVERIFY(!KioskCheckup::doorReady(checks));
    }

    void aClockThatLostItsTimeAndALogThatCannotBeMade()
    {
        FakeClock lost(QDateTime(QDate(1970, 1, 1), QTime(0, 5), Qt::UTC)); // a board without a clock battery
        QFile file(m_dir.filePath(QStringLiteral("not-a-folder")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const auto checks = KioskCheckup(Settings(), std::nullopt, file.fileName() + QStringLiteral("/log.db"), lost,
                                         machine(true, true))
                                .run();
        QVERIFY(!find(checks, QStringLiteral("clock"))->ok);
        QVERIFY(find(checks, QStringLiteral("clock"))->sentence.contains(QStringLiteral("1970-01-01")));
        QVERIFY(!find(checks, QStringLiteral("database"))->ok);
        QVERIFY(!KioskCheckup::doorReady(checks));
        // The right time, and the site's offset named.
        const auto right = KioskCheckup(Settings(), std::nullopt, database(), m_clock, machine(true, true)).run();
        QVERIFY2(find(right, QStringLiteral("clock"))->sentence.contains(QStringLiteral("2026-12-02 09:00")) &&
                     find(right, QStringLiteral("clock"))->sentence.contains(QStringLiteral("UTC+07:00")),
                 qPrintable(find(right, QStringLiteral("clock"))->sentence));
    }

    // Issue 24: doctor says when the entry log or a key can be opened by other accounts.
    void filesOthersCanOpenAreNamed()
    {
        QTemporaryDir dir;
        const QString log = dir.filePath(QStringLiteral("log.db"));
        (void)KioskCheckup(Settings(), std::nullopt, log, m_clock, machine(true, true)).run(); // makes the log
        QVERIFY(QFile::exists(log));
        QVERIFY(QFile::setPermissions(log, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        auto checks = KioskCheckup(Settings(), std::nullopt, log, m_clock, machine(true, true)).run();
        QVERIFY2(find(checks, QStringLiteral("privacy"))->ok,
                 qPrintable(find(checks, QStringLiteral("privacy"))->sentence));
        QVERIFY(QFile::setPermissions(log, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));
        checks = KioskCheckup(Settings(), std::nullopt, log, m_clock, machine(true, true)).run();
        const auto* privacy = find(checks, QStringLiteral("privacy"));
        QVERIFY(!privacy->ok && privacy->needed);
        QVERIFY2(privacy->sentence.contains(QStringLiteral("every account of this machine (mode 0604)")),
                 qPrintable(privacy->sentence));
        QVERIFY(!KioskCheckup::doorReady(checks));
        // Issue 24: the log is no longer the gatehouse group's too (the console asks the kiosk's
        // desk); where the machine has that group, the log is given to it as before.
        if (const group* gatehouse = ::getgrnam(FilePrivacy::GROUP))
            QCOMPARE(::chown(QFile::encodeName(log).constData(), uid_t(-1), gatehouse->gr_gid), 0);
        QVERIFY(QFile::setPermissions(log, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                                               QFileDevice::WriteGroup));
        checks = KioskCheckup(Settings(), std::nullopt, log, m_clock, machine(true, true)).run();
        privacy = find(checks, QStringLiteral("privacy"));
        QVERIFY2(!privacy->ok && privacy->sentence.contains(QStringLiteral("log.db can be opened by the group")),
                 qPrintable(privacy->sentence));
        QVERIFY(QFile::setPermissions(log, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        // An export key the group can read: a private key is its owner's alone.
        const QString ini = dir.filePath(QStringLiteral("kiosk.ini"));
        const QString key = dir.filePath(QStringLiteral("export.pem"));
        QVERIFY(FilePrivacy::writeWhole(key, Ed25519Key::generate().value().privatePem(),
                                        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup));
        QFile file(ini);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[export]\nsigning_key=" + key.toUtf8() + "\n");
        file.close();
        checks = KioskCheckup(Settings::load(ini).value(), std::nullopt, log, m_clock, machine(true, true)).run();
        privacy = find(checks, QStringLiteral("privacy"));
        QVERIFY2(!privacy->ok && privacy->sentence.contains(QStringLiteral("export.pem can be opened by the group")),
                 qPrintable(privacy->sentence));
    }

    void theReceptionDeskIsAskedAsAConsoleWould()
    {
        // Issue 24: the console reaches the log only through the desk the kiosk serves; doctor says
        // whether it answers. Not needed by the door.
        Settings settings;
        const QString socket = m_dir.filePath(QStringLiteral("desk.sock"));
        settings.setDeskSocket(socket);
        auto checks = KioskCheckup(settings, std::nullopt, database(), m_clock, machine(true, true)).run();
        const auto* desk = find(checks, QStringLiteral("desk"));
        QVERIFY(!desk->ok && !desk->needed);
        QVERIFY2(desk->sentence.contains(QStringLiteral("systemctl start gatehouse-kiosk")),
                 qPrintable(desk->sentence));
        QLocalServer kiosk;
        QVERIFY(kiosk.listen(socket));
        checks = KioskCheckup(settings, std::nullopt, database(), m_clock, machine(true, true)).run();
        desk = find(checks, QStringLiteral("desk"));
        QVERIFY2(desk->ok, qPrintable(desk->sentence));
        QVERIFY(desk->sentence.contains(socket));
    }

    void theDeskByTlsIsCheckedToo()
    {
        // A kiosk serving its desk computers ([console] tls_port): doctor says what the kiosk only
        // logs, its TLS files. A desk computer ([console] kiosk): doctor dials the kiosk by TLS.
        if (!SiteAuthority::available())
            QSKIP("the openssl tool is not installed (packaging/install-deps.sh installs it)");
        const QString folder = m_dir.filePath(QStringLiteral("tls"));
        QVERIFY(QDir().mkpath(folder));
        const SiteAuthority authority(folder, QStringLiteral("site-authority"));
        const SiteAuthority stranger(folder, QStringLiteral("stranger-authority"));
        const auto kioskFiles = authority.kiosk(QStringLiteral("kiosk-1"), {QStringLiteral("IP:127.0.0.1")});
        const auto deskFiles = authority.desk(QStringLiteral("desk-1"));
        const auto strangeDesk = stranger.desk(QStringLiteral("desk-9"));
        QVERIFY(authority.ok() && stranger.ok() && kioskFiles && deskFiles && strangeDesk);
        const auto desk = [&](const QString& console) {
            const QString ini = QDir(folder).filePath(QStringLiteral("gatehouse.ini"));
            QFile file(ini);
            if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
                qFatal("cannot write %s", qPrintable(ini));
            file.write((QStringLiteral("[console]\nsocket=desk.sock\n") + console).toUtf8());
            file.close();
            const Result<Settings> settings = Settings::load(ini);
            if (!settings)
                qFatal("%s", qPrintable(settings.error().message()));
            const auto checks =
                KioskCheckup(settings.value(), std::nullopt, database(), m_clock, machine(true, true)).run();
            return *find(checks, QStringLiteral("desk"));
        };
        const auto files = [&](const SiteAuthority::Issued& issued) {
            return QStringLiteral("tls_certificate=%1\ntls_key=%2\ntls_authority=%3\n")
                .arg(issued.certificate, issued.key, authority.certificate());
        };

        QLocalServer kiosk;
        QVERIFY(kiosk.listen(QDir(folder).filePath(QStringLiteral("desk.sock"))));
        KioskCheckup::Check check = desk(QStringLiteral("tls_port=7443\n") + files(*kioskFiles));
        QVERIFY2(check.ok && check.sentence.contains(QStringLiteral("by TLS on port 7443")),
                 qPrintable(check.sentence));
        QVERIFY2(check.sentence.contains(QStringLiteral("valid until")), qPrintable(check.sentence));
        QVERIFY(QFile::setPermissions(kioskFiles->key, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
        check = desk(QStringLiteral("tls_port=7443\n") + files(*kioskFiles));
        QVERIFY2(!check.ok && check.sentence.contains(QStringLiteral("chmod 600")), qPrintable(check.sentence));
        QVERIFY(QFile::setPermissions(kioskFiles->key, QFile::ReadOwner | QFile::WriteOwner));

        // The kiosk's TLS door, on a thread of its own: doctor waits for its handshake.
        WorkerThread kioskSide(QStringLiteral("test-desk-door"));
        quint16 port = 0;
        QSslConfiguration door =
            DeskTls::configuration({kioskFiles->certificate, kioskFiles->key, authority.certificate()},
                                   QDateTime::currentDateTimeUtc())
                .value();
        door.setHandshakeMustInterruptOnError(true);
        door.setMissingCertificateIsFatal(true);
        kioskSide.run([&] {
            auto* server = new QSslServer(kioskSide.context());
            server->setSslConfiguration(door);
            if (server->listen(QHostAddress::LocalHost))
                port = server->serverPort();
        });
        QVERIFY(port != 0);
        const QString dial = QStringLiteral("kiosk=127.0.0.1:%1\n").arg(port);
        check = desk(dial + files(*deskFiles));
        QVERIFY2(check.ok && check.sentence.contains(QStringLiteral("serves this desk computer by TLS")),
                 qPrintable(check.sentence));
        check = desk(dial + QStringLiteral("tls_certificate=%1\ntls_key=%2\ntls_authority=%3\n")
                                .arg(strangeDesk->certificate, strangeDesk->key, authority.certificate()));
        QVERIFY2(!check.ok && check.sentence.contains(QStringLiteral("does not accept this computer's certificate")),
                 qPrintable(check.sentence));
        kioskSide.stop();
        check = desk(dial + files(*deskFiles));
        QVERIFY2(!check.ok && check.sentence.contains(QStringLiteral("does not answer")), qPrintable(check.sentence));
    }

    void theCentralStoreAndTheKeys()
    {
        const QString ini = m_dir.filePath(QStringLiteral("kiosk.ini"));
        QFile file(ini);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[site]\nid=hue-ubnd\n[central]\nuri=host=central.example dbname=gatehouse\nkiosk_id=gate-a\n"
                   "[passes]\ntrust_dir=keys\n");
        file.close();
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("keys")));
        const Settings settings = Settings::load(ini).value();
        // The store away: said, and the door still works (it sends later).
        auto checks = KioskCheckup(settings, std::nullopt, database(), m_clock,
                                   machine(true, true, Error(Error::Kind::Failed, QStringLiteral("No route."))))
                          .run();
        const auto* central = find(checks, QStringLiteral("central"));
        QVERIFY(central && !central->ok && !central->needed);
        QVERIFY(central->sentence.startsWith(QStringLiteral("No route.")));
        // No pass key yet: said.
        QVERIFY(!find(checks, QStringLiteral("keys"))->ok);
        QVERIFY(KioskCheckup::doorReady(checks));
        // The store has the kiosk at another site: which one to correct.
        checks =
            KioskCheckup(settings, std::nullopt, database(), m_clock, machine(true, true, QStringLiteral("hue-hotel")))
                .run();
        QVERIFY(find(checks, QStringLiteral("central"))->sentence.contains(QStringLiteral("hue-hotel")));
        QVERIFY(!find(checks, QStringLiteral("central"))->ok);
        // All well, with a pass key.
        QFile key(m_dir.filePath(QStringLiteral("keys/site.pub.pem")));
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write(Ed25519Key::generate().value().publicPem());
        key.close();
        checks = KioskCheckup(settings, std::nullopt, database(), m_clock, machine(true, true)).run();
        QVERIFY(find(checks, QStringLiteral("central"))->ok);
        QVERIFY2(find(checks, QStringLiteral("keys"))->ok, qPrintable(find(checks, QStringLiteral("keys"))->sentence));
        for (const auto& check : checks) // the desk answers only while a kiosk runs (above)
            QVERIFY2(check.ok || check.name == QLatin1String("desk"), qPrintable(check.sentence));
    }
};

QTEST_GUILESS_MAIN(TestKioskCheckup)
#include "TestKioskCheckup.moc"
