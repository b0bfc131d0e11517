// The kiosk as the gatehouse program builds it (RunningKiosk) with its real Bluetooth source
// against the fake BlueZ (tests/fakes/FakeBluez.h), as an unprivileged user (issue 23): the idle
// screen says in words when the adapter is switched off or unplugged, a required site then sends
// visitors to the receptionist, and when the adapter is back the kiosk checks the app again, by
// itself. Pictures of the idle screen in each state go to tests/pictures/live for people to see.
#include "FakeBluez.h"
#include "IdleScreen.h"
#include "RunningKiosk.h"
#include "common/SystemClock.h"
#include "common/Translation.h"

#include <QDir>
#include <QLabel>
#include <QTemporaryDir>
#include <QTest>

class TestLiveKiosk : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QString why = m_fake.start();
        if (!why.isEmpty())
            QSKIP(qPrintable(why));
        QVERIFY(QDir().mkpath(QStringLiteral(GATEHOUSE_PICTURES "/live")));
    }

    void idleScreenSaysWhatBluetoothDoes()
    {
        const QString ini = m_dir.filePath(QStringLiteral("gatehouse.ini"));
        QFile file(ini);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[site]\nid=ubnd-hue\nlanguage=en\npolicy=required\n[storage]\ndatabase=site.db\n");
        file.close();
        Translation translation;
        SystemClock clock;
        auto kiosk = RunningKiosk::open(Settings::load(ini).value(), RunningKiosk::Options(), translation, clock,
                                        RunningKiosk::Hardware{true, false});
        QVERIFY2(kiosk.ok(), kiosk.ok() ? "" : qPrintable(kiosk.error().message()));
        kiosk.value()->startDevices();
        KioskWindow& window = kiosk.value()->window();
        window.resize(1280, 800);
        window.show();
        auto* problem = window.findChild<QLabel*>(QStringLiteral("DeviceProblem"));
        const auto bluetoothProblem = [problem] {
            return problem->isVisible() && problem->text().contains(QStringLiteral("Bluetooth is not working"));
        };
        const auto picture = [&window](const char* name) {
            QVERIFY(window.grab().save(QStringLiteral(GATEHOUSE_PICTURES "/live/%1.png").arg(QLatin1String(name))));
        };

        QTRY_VERIFY_WITH_TIMEOUT(!bluetoothProblem(), 10000); // BlueZ discovers: the app can be checked
        picture("1-adapter-on");

        m_fake.command({{QStringLiteral("cmd"), QStringLiteral("power")}, {QStringLiteral("on"), false}});
        QTRY_VERIFY_WITH_TIMEOUT(bluetoothProblem(), 5000);
        picture("2-adapter-off");
        // Nobody waits for an app that cannot be seen: the required site's receptionist is asked.
        QVERIFY(!kiosk.value()->flow().appCheckAvailable());

        m_fake.command({{QStringLiteral("cmd"), QStringLiteral("power")}, {QStringLiteral("on"), true}});
        QTRY_VERIFY_WITH_TIMEOUT(!bluetoothProblem(), 5000);
        QVERIFY(kiosk.value()->flow().appCheckAvailable());

        m_fake.command({{QStringLiteral("cmd"), QStringLiteral("remove-adapter")}});
        QTRY_VERIFY_WITH_TIMEOUT(bluetoothProblem(), 5000);
        picture("3-adapter-unplugged");
        m_fake.command({{QStringLiteral("cmd"), QStringLiteral("add-adapter")}});
        QTRY_VERIFY_WITH_TIMEOUT(!bluetoothProblem(), 5000);
        picture("4-adapter-back");
    }

private:
    FakeBluez m_fake;
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestLiveKiosk)
#include "TestLiveKiosk.moc"
