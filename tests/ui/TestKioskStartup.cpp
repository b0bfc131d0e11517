// The kiosk as the gatehouse program builds it (RunningKiosk, and the program itself), on a
// machine without a Bluetooth adapter or a camera, as the build machines are (issue 11): without
// --demo it records real visitors into the site's entry log, says on the idle screen what is
// missing and what to do instead, and a required site sends visitors to the receptionist; only
// --demo replays made-up visitors, into a log of its own.
#include "../integration/ProcessRun.h"
#include "ConsoleWindow.h"
#include "FakeClock.h"
#include "IdleScreen.h"
#include "KioskStartup.h"
#include "KioskWindow.h"
#include "RunningKiosk.h"
#include "SiteAuthority.h"
#include "common/Translation.h"
#include "desk/DeskLink.h"
#include "records/SiteRecords.h"
#include "storage/Database.h"
#include "storage/EntryLog.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString CARD = QStringLiteral("046090001234||Nguyễn Thị Hoa|12031990|Nữ|12 Lê Lợi, Phú Hội, TP Huế|01062021");
const QString KIOSK = QStringLiteral(GATEHOUSE_KIOSK);
} // namespace

class TestKioskStartup : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_count = 0;

    // A site's configuration whose entry log is site.db beside it.
    QString site(const QByteArray& policy)
    {
        const QString folder = m_dir.filePath(QString::number(++m_count));
        QDir().mkpath(folder);
        const QString ini = folder + QStringLiteral("/gatehouse.ini");
        QFile file(ini);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(ini));
        file.write("[site]\nid=ubnd-hue\nlanguage=en\npolicy=" + policy + "\n[storage]\ndatabase=site.db\n");
        return ini;
    }

    static QString siteDatabase(const QString& ini) { return QFileInfo(ini).dir().filePath(QStringLiteral("site.db")); }

    // Makes the account name (role, pin) in the entry log of the site at ini; false if it cannot.
    static bool hire(const QString& ini, const Clock& clock, const QString& name, Accounts::Role role,
                     const QString& pin)
    {
        auto records = SiteRecords::open(siteDatabase(ini), Database::Check::Quick,
                                         Site::from(Settings::load(ini).value()), clock);
        return records.ok() && records.value()->accounts().add(name, role, pin, QStringLiteral("cli")).ok();
    }

    static int entriesIn(const QString& path)
    {
        auto database = Database::open(path, Database::Check::None);
        if (!database)
            return -1;
        QSqlQuery query(database.value()->connection());
        return query.exec(QStringLiteral("SELECT count(*) FROM entry")) && query.next() ? query.value(0).toInt() : -1;
    }

private slots:
    // The on-screen keyboard opens in the language the kiosk starts in, set before the application
    // exists (KioskStartup::prepareKeyboard): --lang first, then the configuration, then Vietnamese.
    void theKeyboardStartsInTheKiosksLanguage()
    {
        const QString english = site("recommended"); // language=en
        const QString program = QStringLiteral("gatehouse");
        QCOMPARE(KioskStartup::prepareKeyboard({program, QStringLiteral("--config"), english}), QStringLiteral("en"));
        QCOMPARE(QLocale().name(), QStringLiteral("en_US"));
        QCOMPARE(KioskStartup::prepareKeyboard({program, QStringLiteral("--config=") + english}), QStringLiteral("en"));
        QCOMPARE(KioskStartup::prepareKeyboard(
                     {program, QStringLiteral("--config"), english, QStringLiteral("--lang"), QStringLiteral("vi")}),
                 QStringLiteral("vi"));
        QCOMPARE(QLocale().name(), QStringLiteral("vi_VN"));
        QCOMPARE(KioskStartup::prepareKeyboard({program, QStringLiteral("--lang=en")}), QStringLiteral("en"));
        // A bad --lang or a missing file is reported by run(); the keyboard still opens.
        QCOMPARE(KioskStartup::prepareKeyboard(
                     {program, QStringLiteral("--lang"), QStringLiteral("fr"), QStringLiteral("--config"), english}),
                 QStringLiteral("en"));
        QCOMPARE(KioskStartup::prepareKeyboard(
                     {program, QStringLiteral("--config"), m_dir.filePath(QStringLiteral("absent.ini"))}),
                 QStringLiteral("vi"));
        QCOMPARE(qgetenv("QT_IM_MODULE"), QByteArray("qtvirtualkeyboard"));
        KioskWindow::useLocaleOf(QStringLiteral("vi"));
    }

    void withoutDemoTheSitesLogIsWritten()
    {
        const QString ini = site("recommended");
        Translation translation;
        FakeClock clock(QDateTime(QDate(2020, 8, 3), QTime(1, 0), Qt::UTC));
        auto kiosk = RunningKiosk::open(Settings::load(ini).value(), RunningKiosk::Options(), translation, clock,
                                        RunningKiosk::Hardware{false, false});
        QVERIFY2(kiosk.ok(), kiosk.ok() ? "" : qPrintable(kiosk.error().message()));
        QVERIFY(!kiosk.value()->isDemo());
        QCOMPARE(kiosk.value()->databasePath(), siteDatabase(ini));
        // The real devices start (and are retried by their sources); none is there.
        kiosk.value()->startDevices();
        KioskWindow& window = kiosk.value()->window();
        window.resize(1280, 800);
        window.show();
        auto* problem = window.findChild<QLabel*>(QStringLiteral("DeviceProblem"));
        QVERIFY(problem->isVisible());
        QVERIFY(problem->text().contains(QStringLiteral("Bluetooth is not working")));
        QVERIFY(problem->text().contains(QStringLiteral("Camera not working")));
        QVERIFY(!window.findChild<QLabel*>(QStringLiteral("DemoBanner"))->isVisible());

        // A visitor shows their card to the USB scanner: recorded in the site's log, at once (no
        // adapter: nothing to wait for), told so.
        kiosk.value()->flow().codeScanned(CARD);
        QTRY_COMPARE(kiosk.value()->flow().state(), KioskFlow::State::Result);
        QVERIFY(kiosk.value()->flow().outcome() && kiosk.value()->flow().outcome()->entry);
        QCOMPARE(entriesIn(siteDatabase(ini)), 1);
    }

    void onlyAnAdministratorLeavesTheLockedKiosk()
    {
        // Issue 15: the locked kiosk's way to the console is a long press on the title, then an
        // administrator's PIN; a receptionist's PIN does not open it; locking goes back to check-in.
        const QString ini = site("recommended");
        FakeClock clock(QDateTime(QDate(2020, 8, 3), QTime(1, 0), Qt::UTC));
        QVERIFY(hire(ini, clock, QStringLiteral("Lê Lễ Tân"), Accounts::Role::Receptionist, QStringLiteral("111111")));
        QVERIFY(hire(ini, clock, QStringLiteral("Hồ Quản Trị"), Accounts::Role::Admin, QStringLiteral("222222")));
        Translation translation;
        auto kiosk = RunningKiosk::open(Settings::load(ini).value(), RunningKiosk::Options(), translation, clock,
                                        RunningKiosk::Hardware{false, false});
        QVERIFY(kiosk.ok());
        KioskWindow& window = kiosk.value()->window();
        window.resize(1280, 800);
        window.setLocked(true);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // A short tap on the title does nothing; a hold of three seconds opens the console.
        auto* title = window.idleScreen()->findChild<QLabel*>(QStringLiteral("Title"));
        QTest::mouseClick(title, Qt::LeftButton);
        QTest::qWait(IdleScreen::StaffHoldMs + 300);
        QVERIFY(!kiosk.value()->console());
        QTest::mousePress(title, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(kiosk.value()->console(), IdleScreen::StaffHoldMs + 2000);
        QTest::mouseRelease(title, Qt::LeftButton);
        ConsoleWindow* console = kiosk.value()->console();
        QVERIFY(console->isVisible());
        QVERIFY(!window.isVisible());
        QVERIFY(console->isLocked());
        // Meanwhile nothing starts a check-in behind it.
        kiosk.value()->flow().codeScanned(CARD);
        QCOMPARE(kiosk.value()->flow().state(), KioskFlow::State::Idle);

        QVERIFY(!console->unlock(QStringLiteral("Lê Lễ Tân"), QStringLiteral("111111")));
        QVERIFY(console->isLocked());
        QVERIFY(console->findChild<QLabel*>(QStringLiteral("LockProblem"))
                    ->text()
                    .contains(QStringLiteral("administrator")));
        QVERIFY(console->unlock(QStringLiteral("Hồ Quản Trị"), QStringLiteral("222222")));
        QSignalSpy closing(console, &ConsoleWindow::closeKiosk);
        auto* close = console->findChild<QPushButton*>(QStringLiteral("CloseKiosk"));
        QVERIFY(close && close->isVisible());
        close->click();
        QCOMPARE(closing.count(), 1);

        // Locking the console gives the door back to visitors.
        console->lock(QStringLiteral("button"));
        QTRY_VERIFY(!kiosk.value()->console());
        QVERIFY(window.isVisible());
        kiosk.value()->flow().codeScanned(CARD);
        QTRY_COMPARE(kiosk.value()->flow().state(), KioskFlow::State::Result);

        // What happened is in the audit log, under the accounts' names.
        auto database = Database::open(siteDatabase(ini), Database::Check::None);
        QVERIFY(database.ok());
        QSqlQuery query(database.value()->connection());
        QVERIFY(query.exec(QStringLiteral("SELECT actor || ' ' || action FROM audit_log ORDER BY id")));
        QStringList actions;
        while (query.next())
            actions << query.value(0).toString();
        QVERIFY2(actions.contains(QStringLiteral("Lê Lễ Tân pin_refused")), qPrintable(actions.join(u',')));
        QVERIFY2(actions.contains(QStringLiteral("Hồ Quản Trị console_unlock")), qPrintable(actions.join(u',')));
        QVERIFY2(actions.contains(QStringLiteral("Hồ Quản Trị kiosk_closed")), qPrintable(actions.join(u',')));
    }

    void theKioskServesTheDeskToItsConsoles()
    {
        // Issue 24: the console of this computer reaches the entry log through the kiosk's own
        // process ([console] socket), where its session and role are checked.
        const QString ini = site("recommended");
        {
            QFile file(ini);
            QVERIFY(file.open(QIODevice::Append));
            file.write("[console]\nsocket=desk.sock\n");
        }
        FakeClock clock(QDateTime(QDate(2020, 8, 3), QTime(1, 0), Qt::UTC));
        QVERIFY(hire(ini, clock, QStringLiteral("Lê Lễ Tân"), Accounts::Role::Receptionist, QStringLiteral("111111")));
        Translation translation;
        auto kiosk = RunningKiosk::open(Settings::load(ini).value(), RunningKiosk::Options(), translation, clock,
                                        RunningKiosk::Hardware{false, false});
        QVERIFY(kiosk.ok());
        QVERIFY(kiosk.value()->servesDesk());
        const QString socket = QFileInfo(ini).dir().filePath(QStringLiteral("desk.sock"));
        QCOMPARE(QFileInfo(socket).permissions() & (QFile::ReadOther | QFile::WriteOther), QFile::Permissions());

        // A visitor checks in at the kiosk; the console, signed in, sees them inside.
        kiosk.value()->flow().codeScanned(CARD);
        QTRY_COMPARE(kiosk.value()->flow().state(), KioskFlow::State::Result);
        DeskLink console;
        const Result<void> connected = console.connectTo(socket);
        QVERIFY2(connected, qPrintable(connected ? QString() : connected.error().message()));
        std::optional<Result<Accounts::Account>> signedIn;
        console.ask<Accounts::Account>(
            QStringLiteral("unlock"),
            [](QDataStream& out) { out << QStringLiteral("Lê Lễ Tân") << QStringLiteral("111111"); },
            [&signedIn](const Result<Accounts::Account>& account) { signedIn = account; });
        QTRY_VERIFY(signedIn.has_value());
        QVERIFY2(*signedIn, qPrintable(*signedIn ? QString() : signedIn->error().message()));
        std::optional<Result<CheckInService::SitePresence>> inside;
        console.ask<CheckInService::SitePresence>(
            QStringLiteral("present"), {},
            [&inside](const Result<CheckInService::SitePresence>& present) { inside = present; });
        QTRY_VERIFY(inside.has_value());
        QVERIFY(*inside);
        QCOMPARE(inside->value().entries.size(), 1);

        // Gone with the kiosk: a console then hears that it is not running.
        kiosk.value().reset();
        QTRY_VERIFY(!console.isConnected());
        DeskLink late;
        QVERIFY(!late.connectTo(socket, 1000));
    }

    void theConsoleProgramAsksTheKioskAndOpensNoLog()
    {
        // `gatehouse --console` as a site runs it: its configuration names a log it could never
        // open (issue 24: nobody but the kiosk's account can), and it works all the same, through
        // the desk the kiosk serves.
        const QString kioskIni = site("recommended");
        const QString socket = QFileInfo(kioskIni).dir().filePath(QStringLiteral("desk.sock"));
        {
            QFile file(kioskIni);
            QVERIFY(file.open(QIODevice::Append));
            file.write("[console]\nsocket=" + socket.toUtf8() + "\n");
        }
        FakeClock clock(QDateTime(QDate(2020, 8, 3), QTime(1, 0), Qt::UTC));
        QVERIFY(
            hire(kioskIni, clock, QStringLiteral("Lê Lễ Tân"), Accounts::Role::Receptionist, QStringLiteral("111111")));
        Translation translation;
        auto kiosk = RunningKiosk::open(Settings::load(kioskIni).value(), RunningKiosk::Options(), translation, clock,
                                        RunningKiosk::Hardware{false, false});
        QVERIFY(kiosk.ok() && kiosk.value()->servesDesk());

        const QString consoleIni = m_dir.filePath(QStringLiteral("console.ini"));
        QFile file(consoleIni);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            "[site]\nid=ubnd-hue\nlanguage=vi\n[storage]\ndatabase=/nonexistent/gatehouse.db\n[console]\nsocket=" +
            socket.toUtf8() + "\n");
        file.close();
        const QString picture = QStringLiteral(GATEHOUSE_PICTURES "/console/program-over-the-socket.png");
        QVERIFY(QDir().mkpath(QFileInfo(picture).path()));
        QFile::remove(picture);
        // The kiosk's desk answers from its own thread while this one waits for the program.
        const ProcessRun run = ProcessRun::start(KIOSK, {QStringLiteral("--console"), QStringLiteral("--config"),
                                                         consoleIni, QStringLiteral("--screenshot"), picture});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(QFileInfo::exists(picture));
        QVERIFY(!QFileInfo::exists(QStringLiteral("/nonexistent")));
    }

    void aDeskComputerAsksTheKioskByTls()
    {
        // `gatehouse --console` on a desk computer of the site's network ([console] kiosk), the
        // kiosk serving its desk by TLS too ([console] tls_port), each with the certificate the
        // site's authority signed, made with openssl as the README tells a technician.
        if (!SiteAuthority::available())
            QSKIP("the openssl tool is not installed (packaging/install-deps.sh installs it)");
        const QString kioskIni = site("recommended");
        const QString folder = QFileInfo(kioskIni).path();
        const SiteAuthority authority(folder, QStringLiteral("site-authority"));
        const auto kioskFiles = authority.kiosk(QStringLiteral("kiosk-1"), {QStringLiteral("IP:127.0.0.1")});
        const auto deskFiles = authority.desk(QStringLiteral("desk-1"));
        QVERIFY(authority.ok() && kioskFiles && deskFiles);
        quint16 port = 0;
        {
            QTcpServer probe; // a free port of the loopback for the kiosk to take
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort();
        }
        {
            QFile file(kioskIni);
            QVERIFY(file.open(QIODevice::Append));
            file.write(QStringLiteral("[console]\nsocket=desk.sock\ntls_port=%1\ntls_certificate=%2\ntls_key=%3\n"
                                      "tls_authority=%4\n")
                           .arg(port)
                           .arg(kioskFiles->certificate, kioskFiles->key, authority.certificate())
                           .toUtf8());
        }
        FakeClock clock(QDateTime(QDate(2020, 8, 3), QTime(1, 0), Qt::UTC));
        QVERIFY(
            hire(kioskIni, clock, QStringLiteral("Lê Lễ Tân"), Accounts::Role::Receptionist, QStringLiteral("111111")));
        Translation translation;
        auto kiosk = RunningKiosk::open(Settings::load(kioskIni).value(), RunningKiosk::Options(), translation, clock,
                                        RunningKiosk::Hardware{false, false});
        QVERIFY(kiosk.ok() && kiosk.value()->servesDesk());

        const auto console = [&](const SiteAuthority::Issued& desk, const QString& picture) {
            const QString consoleIni = m_dir.filePath(QStringLiteral("desk-computer.ini"));
            QFile file(consoleIni);
            if (!file.open(QIODevice::WriteOnly))
                return ProcessRun();
            file.write(QStringLiteral("[site]\nid=ubnd-hue\nlanguage=vi\n[storage]\ndatabase=/nonexistent/"
                                      "gatehouse.db\n[console]\nkiosk=127.0.0.1:%1\ntls_certificate=%2\n"
                                      "tls_key=%3\ntls_authority=%4\n")
                           .arg(port)
                           .arg(desk.certificate, desk.key, authority.certificate())
                           .toUtf8());
            file.close();
            QDir().mkpath(QFileInfo(picture).path());
            QFile::remove(picture);
            return ProcessRun::start(KIOSK, {QStringLiteral("--console"), QStringLiteral("--config"), consoleIni,
                                             QStringLiteral("--screenshot"), picture});
        };
        // The site's desk computer: the lock screen with the kiosk's names.
        const QString picture = QStringLiteral(GATEHOUSE_PICTURES "/console/desk-computer-by-tls.png");
        const ProcessRun served = console(*deskFiles, picture);
        QVERIFY2(served.exitCode == 0, qPrintable(served.err));
        QVERIFY(QFileInfo::exists(picture));
        QVERIFY(!QFileInfo::exists(QStringLiteral("/nonexistent")));
        // A computer whose certificate another authority signed: told so, on its lock screen.
        const SiteAuthority stranger(folder, QStringLiteral("stranger-authority"));
        const auto strangeDesk = stranger.desk(QStringLiteral("desk-9"));
        QVERIFY(stranger.ok() && strangeDesk);
        const QString refusedPicture = QStringLiteral(GATEHOUSE_PICTURES "/console/desk-computer-refused.png");
        const ProcessRun refused = console(*strangeDesk, refusedPicture);
        QVERIFY2(refused.exitCode == 0, qPrintable(refused.err));
        QVERIFY(QFileInfo::exists(refusedPicture));
    }

    void withoutAnAdapterARequiredSiteSendsVisitorsToTheReceptionist()
    {
        const QString ini = site("required");
        Translation translation;
        FakeClock clock(QDateTime(QDate(2020, 8, 3), QTime(1, 0), Qt::UTC));
        auto kiosk = RunningKiosk::open(Settings::load(ini).value(), RunningKiosk::Options(), translation, clock,
                                        RunningKiosk::Hardware{false, true});
        QVERIFY(kiosk.ok());
        kiosk.value()->flow().codeScanned(CARD);
        QTRY_COMPARE(kiosk.value()->flow().state(), KioskFlow::State::Result);
        QVERIFY(kiosk.value()->flow().refused());
        QCOMPARE(entriesIn(siteDatabase(ini)), 0);
    }

    void onlyDemoModeWritesElsewhere()
    {
        const QString ini = site("recommended");
        Translation translation;
        FakeClock clock;
        RunningKiosk::Options options;
        options.demo = true;
        options.screenshot = true; // the screens only: no replay in this test
        auto kiosk = RunningKiosk::open(Settings::load(ini).value(), options, translation, clock,
                                        RunningKiosk::Hardware{true, true});
        QVERIFY(kiosk.ok());
        QVERIFY(kiosk.value()->databasePath() != siteDatabase(ini));
        QVERIFY(!QFileInfo::exists(siteDatabase(ini)));
        QVERIFY(!kiosk.value()->servesDesk()); // nobody's desk: made-up visitors
    }

    void theProgramWithoutDemoOpensTheSitesLog()
    {
        // The gatehouse program itself, as a site starts it, on this machine without devices.
        const QString ini = site("recommended");
        const QString picture = m_dir.filePath(QStringLiteral("idle.png"));
        const ProcessRun run =
            ProcessRun::start(KIOSK, {QStringLiteral("--config"), ini, QStringLiteral("--screenshot"), picture});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(QFileInfo::exists(picture));
        QCOMPARE(entriesIn(siteDatabase(ini)), 0); // the site's log, created and ready
        QVERIFY(QFileInfo::exists(siteDatabase(ini)));

        const QString demoIni = site("recommended");
        const ProcessRun demo =
            ProcessRun::start(KIOSK, {QStringLiteral("--config"), demoIni, QStringLiteral("--demo"),
                                      QStringLiteral("--screenshot"), m_dir.filePath(QStringLiteral("demo.png"))});
        QVERIFY2(demo.exitCode == 0, qPrintable(demo.err));
        QVERIFY(!QFileInfo::exists(siteDatabase(demoIni))); // a demo never touches the site's log
    }
};

QTEST_MAIN(TestKioskStartup)
#include "TestKioskStartup.moc"
