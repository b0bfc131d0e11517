// The kiosk as the gatehouse program builds it (RunningKiosk, and the program itself), on a
// machine without a Bluetooth adapter or a camera, as the build machines are (issue 11): without
// --demo it records real visitors into the site's entry log, says on the idle screen what is
// missing and what to do instead, and a required site sends visitors to the receptionist; only
// --demo replays made-up visitors, into a log of its own.
#include "../integration/ProcessRun.h"
#include "FakeClock.h"
#include "IdleScreen.h"
#include "RunningKiosk.h"
#include "common/Translation.h"
#include "storage/Database.h"
#include "storage/EntryLog.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QSqlQuery>
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

    static int entriesIn(const QString& path)
    {
        auto database = Database::open(path, Database::Check::None);
        if (!database)
            return -1;
        QSqlQuery query(database.value()->connection());
        return query.exec(QStringLiteral("SELECT count(*) FROM entry")) && query.next() ? query.value(0).toInt() : -1;
    }

private slots:
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
