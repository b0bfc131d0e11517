// Turns the command line, the configuration and the machine's hardware into a running kiosk.
#include "KioskStartup.h"

#include "desk/RemoteDesk.h"

#include "ConsoleWindow.h"
#include "KioskWindow.h"
#include "RunningKiosk.h"
#include "Version.h"
#include "ble/BluetoothStack.h"
#include "common/FilePrivacy.h"
#include "common/HardwareProbe.h"
#include "common/Logging.h"
#include "common/Settings.h"
#include "common/SystemClock.h"
#include "common/Translation.h"
#include "storage/Database.h"
#include "storage/SharedSettingsStore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QFileInfo>
#include <QImageWriter>
#include <QRegularExpression>
#include <QScreen>

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
        // Nothing to show: a technician asks the version or the options over SSH.
        for (const char* noWindow : {"--version", "-v", "--help", "-h", "--help-all"}) {
            if (std::strcmp(argv[i], noWindow) == 0)
                screenshot = true;
        }
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

// Renders window to a PNG at file and says whether it could.
int screenshot(QWidget& window, const QString& file)
{
    QApplication::processEvents();
    QImageWriter png(file, "png");
    if (!png.write(window.grab().toImage()))
        return fail(KioskStartup::tr("Gatehouse cannot write the screenshot %1 (%2).").arg(file, png.errorString()), 2);
    return 0;
}
} // namespace

QString KioskStartup::prepareKeyboard(const QStringList& arguments)
{
    // The on-screen keyboard for the touch screen, loaded at run time.
    if (!qEnvironmentVariableIsSet("QT_IM_MODULE"))
        qputenv("QT_IM_MODULE", "qtvirtualkeyboard");
    // --NAME VALUE or --NAME=VALUE, as QCommandLineParser takes them in run().
    const auto option = [&arguments](const QString& name) -> std::optional<QString> {
        const QString dashed = QStringLiteral("--") + name;
        for (qsizetype i = 1; i < arguments.size(); ++i) {
            if (arguments[i] == dashed && i + 1 < arguments.size())
                return arguments[i + 1];
            if (arguments[i].startsWith(dashed + QLatin1Char('=')))
                return arguments[i].mid(dashed.size() + 1);
        }
        return std::nullopt;
    };
    QString language = QStringLiteral("vi");
    if (const auto asked = option(QStringLiteral("lang")); asked && Translation::languages().contains(*asked)) {
        language = *asked;
    } else if (const auto settings = Settings::locate(option(QStringLiteral("config")).value_or(QString()));
               settings && Translation::languages().contains(settings->language())) {
        language = settings->language();
    }
    KioskWindow::useLocaleOf(language);
    return language;
}

int KioskStartup::run(int argc, char* argv[])
{
    // Nothing this program writes is for other users of the machine (common/FilePrivacy.h).
    FilePrivacy::applyUmask();
    // Qt 6.4's GStreamer backend crashes where GStreamer is only partly installed; FFmpeg's plays
    // the demo clips and drives cameras everywhere.
    if (!qEnvironmentVariableIsSet("QT_MEDIA_BACKEND"))
        qputenv("QT_MEDIA_BACKEND", "ffmpeg");
    // iPhones' identifiers are read through BlueZ's D-Bus GATT API, never by Qt's guess.
    BluetoothStack::chooseDbusGatt();
    // Libraries' debug chatter (the FFmpeg backend lists codecs and accelerators) stays out of the
    // kiosk's log unless asked for.
    if (!qEnvironmentVariableIsSet("QT_LOGGING_RULES"))
        qputenv("QT_LOGGING_RULES", "*.debug=false");
    Gatehouse::setApplicationIdentity(); // where the default configuration file is
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    (void)prepareKeyboard(arguments);
    if (!prepareDisplay(argc, argv)) {
        // Before QApplication exists there is no translator: say it in both languages.
        std::fprintf(stderr, "Gatehouse needs a display: set DISPLAY, or run it with QT_QPA_PLATFORM=offscreen.\n"
                             "Gatehouse cần màn hình: hãy đặt DISPLAY, hoặc chạy với QT_QPA_PLATFORM=offscreen.\n");
        return 2;
    }
    QApplication app(argc, argv);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Gatehouse check-in kiosk."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption configOption(QStringLiteral("config"), QStringLiteral("Configuration file (INI)."),
                                          QStringLiteral("PATH"));
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("SQLite database file."),
                                      QStringLiteral("PATH"));
    const QCommandLineOption demoOption(
        QStringLiteral("demo"),
        QStringLiteral("Demo mode: replay made-up visitors into a log of their own that "
                       "disappears at exit. Without it the kiosk records into the site's log."));
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
    // What the province's central store last sent this kiosk, over the INI (issue 26): a kiosk that
    // starts without a network follows it still.
    {
        QString database = parser.isSet(dbOption) ? parser.value(dbOption) : settings->databasePath();
        QString warning;
        settings = SharedSettingsStore::inForce(settings.value(),
                                                database.isEmpty() ? Database::defaultPath() : database, warning);
        if (!warning.isEmpty())
            qCWarning(lcUi).noquote() << warning;
    }
    if (parser.isSet(langOption)) {
        if (!Translation::languages().contains(parser.value(langOption)))
            return fail(tr("--lang must be vi or en."), 2);
        settings->setLanguage(parser.value(langOption));
    }
    Translation translation;
    (void)translation.apply(settings->language());

    QString siteDatabase = parser.isSet(dbOption) ? parser.value(dbOption) : settings->databasePath();
    if (siteDatabase.isEmpty())
        siteDatabase = Database::defaultPath();

    const RunningKiosk::Hardware hardware{HardwareProbe::hasBluetoothAdapter(), HardwareProbe::hasCamera()};
    SystemClock clock;
    if (parser.isSet(consoleOption)) {
        // The console never opens the entry log: it asks the desk the kiosk's process serves on
        // this computer ([console] socket) or, from a desk computer, by TLS ([console] kiosk,
        // this computer's certificate checked at the system's time, which OpenSSL verifies by);
        // the desk checks its session and role (issue 24).
        const Result<DeskLink::Where> kioskDesk =
            DeskLink::Where::of(settings.value(), QDateTime::currentDateTimeUtc());
        if (!kioskDesk)
            return fail(kioskDesk.error().message(), kioskDesk.error().exitCode());
        RemoteDesk desk(Desk::Config::from(settings.value(), siteDatabase, DeskSession::Place::Desk), clock);
        // Before the window asks its first question; while the kiosk does not answer, the lock
        // screen says so, and the desk tries again.
        bool heard = false;
        QObject::connect(&desk, &Desk::reachable, &desk, [&heard] { heard = true; });
        desk.reach(kioskDesk.value());
        ConsoleWindow consoleWindow(desk, ConsoleWindow::devicesFound(hardware.bluetooth, hardware.camera));
        consoleWindow.resize(size.captured(1).toInt(), size.captured(2).toInt());
        consoleWindow.show();
        if (parser.isSet(screenshotOption)) {
            // The lock screen as a person sees it: once the kiosk has answered (its names), or
            // said why not.
            QDeadlineTimer waited(5000);
            while (!heard && !waited.hasExpired()) // a kiosk of the network: its handshake
                QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
            bool answered = false;
            desk.signInNames([&answered](const Result<QStringList>&) { answered = true; });
            while (!answered && !waited.hasExpired())
                QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
            return screenshot(consoleWindow, parser.value(screenshotOption));
        }
        return QApplication::exec();
    }

    // Demo mode only when asked for (issue 11): without it, the site's entry log, always.
    RunningKiosk::Options options;
    options.databasePath = parser.value(dbOption);
    options.demo = parser.isSet(demoOption);
    options.screenshot = parser.isSet(screenshotOption);
    auto kiosk = RunningKiosk::open(settings.value(), options, translation, clock, hardware);
    if (!kiosk)
        return fail(kiosk.error().message(), kiosk.error().exitCode());
    KioskWindow& window = kiosk.value()->window();
    // Full screen, the panel decides the size (a first frame at another size would show cut or
    // stretched under a kiosk compositor until the next one).
    if (parser.isSet(windowedOption) || options.screenshot || parser.isSet(sizeOption))
        window.resize(size.captured(1).toInt(), size.captured(2).toInt());
    if (options.screenshot) {
        window.show();
        return screenshot(window, parser.value(screenshotOption));
    }
    kiosk.value()->startDevices();
    if (parser.isSet(windowedOption)) {
        window.show();
    } else {
        // A touch kiosk: full screen, and no mouse pointer left standing in the middle of it.
        QApplication::setOverrideCursor(Qt::BlankCursor);
        window.setLocked(true); // the door's window: nobody closes it (KioskWindow.h)
        // Drawn at the panel's size from the first frame, not at a default size the compositor
        // then has to correct (a first frame cut, or with a black margin, under cage).
        if (!parser.isSet(sizeOption) && window.screen())
            window.resize(window.screen()->size());
        window.showFullScreen();
    }
    // No personal data in the log: which log and which devices, nothing of any visitor.
    qCInfo(lcUi).noquote() << "Gatehouse kiosk ready" << (options.demo ? "(demo mode)" : "")
                           << "adapter:" << hardware.bluetooth << "camera:" << hardware.camera
                           << "database:" << kiosk.value()->databasePath();
    if (!hardware.bluetooth)
        qCWarning(lcUi).noquote() << "No Bluetooth adapter: the tracing app cannot be checked until one appears.";
    if (!hardware.camera)
        qCWarning(lcUi).noquote() << "No camera: QR codes only from a USB scanner until one appears.";
    return QApplication::exec();
}
