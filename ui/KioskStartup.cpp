// Turns the command line, the configuration and the machine's hardware into a running kiosk.
#include "KioskStartup.h"

#include "ConsoleWindow.h"
#include "DemoFiles.h"
#include "IdleScreen.h"
#include "KioskDevices.h"
#include "KioskWindow.h"
#include "ResultSound.h"
#include "Version.h"
#include "ble/AppProfileTable.h"
#include "checkin/CheckInService.h"
#include "checkin/HealthQuestions.h"
#include "checkin/KioskFlow.h"
#include "checkin/SiteRecords.h"
#include "checkin/ThreadedCheckIn.h"
#include "common/HardwareProbe.h"
#include "common/Logging.h"
#include "common/Settings.h"
#include "common/SystemClock.h"
#include "common/Translation.h"
#include "crypto/TrustStore.h"
#include "qr/PayloadRecognizer.h"
#include "storage/Database.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QImageWriter>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <cstdio>
#include <cstring>
#include <optional>

namespace {
// Qt aborts with a core dump when it cannot reach a display. Say it in a sentence instead, and
// let a screenshot run without one (it renders offscreen).
bool prepareDisplay(int argc, char* argv[])
{
    bool screenshot = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--screenshot") == 0 || std::strncmp(argv[i], "--screenshot=", 13) == 0)
            screenshot = true;
    }
    if (qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        return true;
    if (screenshot) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        return true;
    }
    return qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY");
}

int fail(const QString& sentence, int code)
{
    std::fprintf(stderr, "%s\n", qUtf8Printable(sentence));
    return code;
}
} // namespace

int KioskStartup::run(int argc, char* argv[])
{
    // Qt 6.4's GStreamer backend crashes where GStreamer is only partly installed; FFmpeg's plays
    // the demo clips and drives cameras everywhere.
    if (!qEnvironmentVariableIsSet("QT_MEDIA_BACKEND"))
        qputenv("QT_MEDIA_BACKEND", "ffmpeg");
    // Libraries' debug chatter (the FFmpeg backend lists codecs and accelerators) stays out of the
    // kiosk's log unless asked for.
    if (!qEnvironmentVariableIsSet("QT_LOGGING_RULES"))
        qputenv("QT_LOGGING_RULES", "*.debug=false");
    // The on-screen keyboard (Qt Virtual Keyboard) for the touch screen, loaded at run time.
    if (!qEnvironmentVariableIsSet("QT_IM_MODULE"))
        qputenv("QT_IM_MODULE", "qtvirtualkeyboard");
    if (!prepareDisplay(argc, argv)) {
        // Before QApplication exists there is no translator: say it in both languages.
        std::fprintf(stderr, "Gatehouse needs a display: set DISPLAY, or run it with QT_QPA_PLATFORM=offscreen.\n"
                             "Gatehouse cần màn hình: hãy đặt DISPLAY, hoặc chạy với QT_QPA_PLATFORM=offscreen.\n");
        return 2;
    }
    QApplication app(argc, argv);
    Gatehouse::setApplicationIdentity();

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Gatehouse check-in kiosk."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption configOption(QStringLiteral("config"), QStringLiteral("Configuration file (INI)."),
                                          QStringLiteral("PATH"));
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("SQLite database file."),
                                      QStringLiteral("PATH"));
    const QCommandLineOption demoOption(
        QStringLiteral("demo"), QStringLiteral("Replay recorded visitors instead of the real scanner and camera."));
    const QCommandLineOption consoleOption(
        QStringLiteral("console"),
        QStringLiteral("Open the receptionist's console (PIN-locked) on the site's entry log instead of the kiosk."));
    const QCommandLineOption windowedOption(QStringLiteral("windowed"),
                                            QStringLiteral("Run in a window instead of full screen."));
    const QCommandLineOption langOption(QStringLiteral("lang"), QStringLiteral("Start in this language (vi or en)."),
                                        QStringLiteral("LANG"));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
                                              QStringLiteral("Render the current screen to a PNG file and exit."),
                                              QStringLiteral("FILE.png"));
    const QCommandLineOption sizeOption(
        QStringLiteral("size"), QStringLiteral("Window size for --windowed and --screenshot (default 1280x800)."),
        QStringLiteral("WxH"), QStringLiteral("1280x800"));
    parser.addOptions(
        {configOption, dbOption, demoOption, consoleOption, windowedOption, langOption, screenshotOption, sizeOption});
    if (!parser.parse(QApplication::arguments()))
        return fail(parser.errorText() + QStringLiteral(" Try \"gatehouse --help\"."), 2);
    if (parser.isSet(helpOption)) {
        std::printf("%s", qUtf8Printable(parser.helpText()));
        return 0;
    }
    if (parser.isSet(versionOption)) {
        std::printf("gatehouse %s\n", Gatehouse::VERSION);
        return 0;
    }
    if (!parser.positionalArguments().isEmpty())
        return fail(
            tr("Unexpected argument \"%1\". Try \"gatehouse --help\".").arg(parser.positionalArguments().first()), 2);

    static const QRegularExpression sizePattern(QStringLiteral("^(\\d{3,4})x(\\d{3,4})$"));
    const QRegularExpressionMatch size = sizePattern.match(parser.value(sizeOption));
    if (!size.hasMatch())
        return fail(tr("--size needs a width and height such as 1280x800."), 2);

    auto settings = Settings::locate(parser.value(configOption));
    if (!settings)
        return fail(settings.error().message(), settings.error().exitCode());
    if (parser.isSet(langOption)) {
        if (!Translation::languages().contains(parser.value(langOption)))
            return fail(tr("--lang must be vi or en."), 2);
        settings->setLanguage(parser.value(langOption));
    }
    Translation translation;
    (void)translation.apply(settings->language());

    // Without a Bluetooth adapter or a camera a real check-in is impossible: show a demo instead,
    // so that a newcomer sees the kiosk work (README's first command).
    const bool hasAdapter = HardwareProbe::hasBluetoothAdapter();
    const bool hasCamera = HardwareProbe::hasCamera();
    const bool demo = parser.isSet(demoOption) || !hasAdapter || !hasCamera;

    // The demo's made-up visitors go into a log of their own that disappears with the kiosk:
    // never into the site's entry log, never into an export (unless --db names one on purpose).
    QTemporaryDir demoFolder;
    QString databasePath = parser.isSet(dbOption) ? parser.value(dbOption) : settings->databasePath();
    if (databasePath.isEmpty())
        databasePath = Database::defaultPath();
    const bool console = parser.isSet(consoleOption);
    if (demo && !console && !parser.isSet(dbOption))
        databasePath = demoFolder.filePath(QStringLiteral("demo.db"));
    SystemClock clock;
    if (console) {
        // The console runs on the GUI thread with its own connection: a person waits for each of
        // its answers anyway, and the kiosk's writer is another process.
        auto records =
            SiteRecords::open(databasePath, Database::Check::Quick, CheckInService::siteFrom(settings.value()), clock);
        if (!records)
            return fail(records.error().message(), records.error().exitCode());
        // The desk's window on the same log the kiosk writes (SQLite WAL: both can work at once).
        const QString devices =
            tr("Bluetooth: %1   Camera: %2")
                .arg(hasAdapter ? tr("found") : tr("not found"), hasCamera ? tr("found") : tr("not found"));
        ConsoleWindow consoleWindow(settings.value(), *records.value(), devices);
        consoleWindow.resize(size.captured(1).toInt(), size.captured(2).toInt());
        consoleWindow.show();
        if (parser.isSet(screenshotOption)) {
            QApplication::processEvents();
            QImageWriter writer(parser.value(screenshotOption), "png");
            if (!writer.write(consoleWindow.grab().toImage()))
                return fail(tr("Gatehouse cannot write the screenshot %1 (%2).")
                                .arg(parser.value(screenshotOption), writer.errorString()),
                            2);
            return 0;
        }
        return QApplication::exec();
    }

    // The kiosk's entry log lives on its own writer thread (checkin/ThreadedCheckIn.h), with the
    // site's routine: retention at start and daily, closing time.
    ThreadedCheckIn writer(CheckInService::siteFrom(settings.value()), clock);
    QObject::connect(&writer, &ThreadedCheckIn::problem, &writer,
                     [](const QString& sentence) { qCWarning(lcUi).noquote() << sentence; });
    const Result<void> opened = writer.open(databasePath, !parser.isSet(screenshotOption));
    if (!opened)
        return fail(opened.error().message(), opened.error().exitCode());

    auto trust = settings->trustDirectory().isEmpty() ? Result<TrustStore>(TrustStore())
                                                      : TrustStore::load(settings->trustDirectory());
    if (!trust)
        return fail(trust.error().message(), trust.error().exitCode());
    // A single-use pass already used is refused by the writer when it records (CheckInService).
    PayloadRecognizer recognizer(trust.value(), settings->siteId());
    auto questions = HealthQuestions::load(settings->questionsPath());
    if (!questions)
        return fail(questions.error().message(), questions.error().exitCode());
    auto profiles = AppProfileTable::load(settings->path());
    if (!profiles)
        return fail(profiles.error().message(), profiles.error().exitCode());
    KioskFlow::Timing timing;
    timing.idleResetMs = qint64(settings->idleResetSeconds()) * 1000;
    KioskFlow flow(writer, recognizer, clock, timing, settings->healthDeclaration());
    // The sounds are synthesised into files at start: not for a screenshot, which plays none.
    std::optional<ResultSound> sound;
    if (!parser.isSet(screenshotOption))
        sound.emplace();
    KioskWindow::useLocaleOf(settings->language());
    KioskWindow window(settings.value(), translation, flow, questions.value(), timing.appWaitMs, demo,
                       sound ? &*sound : nullptr);
    window.resize(size.captured(1).toInt(), size.captured(2).toInt());
    window.idleScreen()->setDeviceStatus(hasAdapter, hasCamera, demo);

    if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        window.show();
        QApplication::processEvents();
        QImageWriter png(file, "png");
        if (!png.write(window.grab().toImage()))
            return fail(tr("Gatehouse cannot write the screenshot %1 (%2).").arg(file, png.errorString()), 2);
        return 0;
    }

    PresenceTracker::Config presence;
    presence.thresholdDbm = settings->presenceThresholdDbm();
    KioskDevices devices(flow, clock, profiles.value(), presence);
    QObject::connect(&devices, &KioskDevices::problem, &window,
                     [](const QString& sentence) { qCWarning(lcUi).noquote() << sentence; });
    QObject::connect(&devices, &KioskDevices::bluetoothWorking, window.idleScreen(), &IdleScreen::setBluetoothWorking);
    QObject::connect(&devices, &KioskDevices::cameraWorking, window.idleScreen(), &IdleScreen::setCameraWorking);
    if (demo) {
        auto demoData = DemoFiles::extract(demoFolder.path());
        if (demoData)
            devices.startDemo(demoData.value());
        else
            qCWarning(lcUi).noquote() << demoData.error().message();
    } else {
        devices.startHardware(settings->cameraName(), settings->adapterAddress());
    }

    if (parser.isSet(windowedOption)) {
        window.show();
    } else {
        // A touch kiosk: full screen, and no mouse pointer left standing in the middle of it.
        QApplication::setOverrideCursor(Qt::BlankCursor);
        window.showFullScreen();
    }
    qCInfo(lcUi).noquote() << "Gatehouse kiosk ready" << (demo ? "(demo mode)" : "") << "adapter:" << hasAdapter
                           << "camera:" << hasCamera << "database:" << databasePath;
    return QApplication::exec();
}
