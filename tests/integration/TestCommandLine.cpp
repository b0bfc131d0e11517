// The two executables as a user meets them: versions, help, and a one-sentence error with exit
// code 2 for every bad option, missing file or unusable folder, never a crash.
#include "ProcessRun.h"

#include <QFile>
#include <QImage>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {
using Run = ProcessRun;

Run run(const QString& program, const QStringList& arguments, const QProcessEnvironment& environment = {})
{
    return ProcessRun::start(program, arguments, environment);
}

const QString CLI = QStringLiteral(GATEHOUSE_CLI);
const QString KIOSK = QStringLiteral(GATEHOUSE_KIOSK);
} // namespace

class TestCommandLine : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // An error ends stderr as one sentence (the kiosk may have logged its start before it), nothing
    // is on stdout, and the process exited rather than crashed.
    static void verifyOneSentence(const Run& result, const QString& expected)
    {
        QCOMPARE(result.status, QProcess::NormalExit);
        QCOMPARE(result.exitCode, 2);
        const QString lastLine = result.err.trimmed().split(QLatin1Char('\n')).constLast();
        QVERIFY2(lastLine.contains(expected), qPrintable(result.err));
        QVERIFY2(lastLine.endsWith(QLatin1Char('.')) || lastLine.endsWith(QLatin1String("\".")), qPrintable(lastLine));
        QVERIFY2(result.out.isEmpty(), result.out.constData());
    }

private slots:
    void cliVersionAndHelp()
    {
        const Run version = run(CLI, {QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY2(version.out.startsWith("gatehouse-cli 0."), version.out.constData());

        const Run help = run(CLI, {QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("Usage: gatehouse-cli"));
        QVERIFY(help.out.contains("--db PATH"));
    }

    // The CLI runs on a province's servers without a desktop: it draws its PDF pages with Qt GUI
    // alone (app/report) and links no Qt Widgets, nor Qt Charts built on them (issue 24).
    void cliLinksNoWidgets()
    {
        const QString readelf = QStandardPaths::findExecutable(QStringLiteral("readelf"));
        if (readelf.isEmpty())
            QSKIP("readelf (binutils) is not installed: packaging/install-deps.sh installs it.");
        const Run linked = run(readelf, {QStringLiteral("--dynamic"), CLI});
        QCOMPARE(linked.exitCode, 0);
        QVERIFY2(linked.out.contains("libQt6Gui"), linked.out.constData());
        QVERIFY2(!linked.out.contains("libQt6Widgets"), linked.out.constData());
        QVERIFY2(!linked.out.contains("libQt6Charts"), linked.out.constData());
    }

    void cliBadUsage_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected");
        QTest::addRow("unknown option") << QStringList{QStringLiteral("--frobnicate")}
                                        << QStringLiteral("Unknown option 'frobnicate'");
        QTest::addRow("unknown command") << QStringList{QStringLiteral("teleport")}
                                         << QStringLiteral("Unknown command \"teleport\"");
        QTest::addRow("no command") << QStringList{} << QStringLiteral("No command given");
    }

    void cliBadUsage()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        verifyOneSentence(run(CLI, arguments), expected);
    }

    void kioskVersion()
    {
        const Run version = run(KIOSK, {QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY2(version.out.startsWith("gatehouse 0."), version.out.constData());
        // Also over SSH, where there is no display: the version and the options need none.
        QProcessEnvironment noDisplay = QProcessEnvironment::systemEnvironment();
        for (const QString& name :
             {QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("DISPLAY"), QStringLiteral("WAYLAND_DISPLAY")})
            noDisplay.remove(name);
        const Run overSsh = run(KIOSK, {QStringLiteral("--version")}, noDisplay);
        QCOMPARE(overSsh.exitCode, 0);
        QVERIFY2(overSsh.out.startsWith("gatehouse 0."), qPrintable(overSsh.err));
        const Run help = run(KIOSK, {QStringLiteral("--help")}, noDisplay);
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.contains("--config"), qPrintable(help.err));
    }

    void kioskBadInput_data()
    {
        const QString blocker = m_dir.filePath(QStringLiteral("blocker"));
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected");
        QTest::addRow("unknown option") << QStringList{QStringLiteral("--frobnicate")}
                                        << QStringLiteral("Unknown option 'frobnicate'");
        QTest::addRow("missing config") << QStringList{QStringLiteral("--config"),
                                                       m_dir.filePath(QStringLiteral("absent.ini"))}
                                        << QStringLiteral("does not exist");
        QTest::addRow("unwritable data folder")
            << QStringList{QStringLiteral("--db"), blocker + QStringLiteral("/data/gatehouse.db")}
            << QStringLiteral("cannot create its data folder");
        QTest::addRow("bad size") << QStringList{QStringLiteral("--size"), QStringLiteral("huge")}
                                  << QStringLiteral("--size needs");
    }

    void kioskBadInput()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        // English messages whatever the configured language, so the test reads one language.
        verifyOneSentence(run(KIOSK, arguments + QStringList{QStringLiteral("--lang"), QStringLiteral("en")}),
                          expected);
    }

    void kioskWithoutDisplaySaysSo()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
        environment.remove(QStringLiteral("DISPLAY"));
        environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
        const Run result = run(KIOSK, {}, environment);
        QCOMPARE(result.status, QProcess::NormalExit);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(QStringLiteral("needs a display")), qPrintable(result.err));
    }

    void kioskScreenshot()
    {
        const QString png = m_dir.filePath(QStringLiteral("idle.png"));
        const Run result =
            run(KIOSK, {QStringLiteral("--screenshot"), png, QStringLiteral("--size"), QStringLiteral("1920x1080"),
                        QStringLiteral("--db"), m_dir.filePath(QStringLiteral("kiosk.db"))});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        const QImage image(png);
        QCOMPARE(image.size(), QSize(1920, 1080));
    }

    void kioskScreenshotToUnwritablePlace()
    {
        const Run result =
            run(KIOSK, {QStringLiteral("--screenshot"), m_dir.filePath(QStringLiteral("no/such/folder/idle.png")),
                        QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--db"),
                        m_dir.filePath(QStringLiteral("kiosk.db"))});
        verifyOneSentence(result, QStringLiteral("cannot write the screenshot"));
    }

    void doctorReportsEveryCheckAndABadConfiguration()
    {
        // A technician's first command: a configuration with a mistake is one of the ✘ lines, not
        // a refusal; every check has its sentence; exit 1 exactly when a needed check failed
        // (this machine's adapter decides which: both are checked against the lines).
        const QString ini = m_dir.filePath(QStringLiteral("doctor.ini"));
        QFile file(ini);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[site]\nretention_days=abc\n");
        file.close();
        const Run doctor =
            run(CLI, {QStringLiteral("--config"), ini, QStringLiteral("--db"),
                      m_dir.filePath(QStringLiteral("doctor.db")), QStringLiteral("doctor"), QStringLiteral("--json")});
        QCOMPARE(doctor.status, QProcess::NormalExit);
        const QList<QJsonObject> checks = doctor.jsonLines();
        QVERIFY2(checks.size() >= 6, doctor.out.constData());
        QCOMPARE(checks[0].value(QStringLiteral("check")).toString(), QStringLiteral("configuration"));
        QVERIFY(!checks[0].value(QStringLiteral("ok")).toBool());
        QVERIFY(checks[0].value(QStringLiteral("sentence")).toString().contains(QStringLiteral("retention_days")));
        bool neededFailed = false;
        for (const QJsonObject& check : checks) {
            QVERIFY(!check.value(QStringLiteral("sentence")).toString().isEmpty());
            neededFailed |=
                !check.value(QStringLiteral("ok")).toBool() && check.value(QStringLiteral("needed")).toBool();
        }
        QCOMPARE(doctor.exitCode, neededFailed ? 1 : 0);
        QVERIFY(neededFailed); // the configuration
        // In words: ✔ or ✘ before each sentence.
        const Run words =
            run(CLI, {QStringLiteral("--db"), m_dir.filePath(QStringLiteral("doctor.db")), QStringLiteral("doctor")});
        for (const QString& line : QString::fromUtf8(words.out).trimmed().split(u'\n').mid(0, 6))
            QVERIFY2(line.startsWith(QStringLiteral("✔ ")) || line.startsWith(QStringLiteral("✘ ")), qPrintable(line));
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "TestCommandLine.moc"
