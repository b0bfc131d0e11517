// The kiosk as the gatehouse program runs it.
#include "RunningKiosk.h"

#include "desk/DeskServer.h"
#include "desk/LocalDesk.h"

#include "ConsoleWindow.h"
#include "DemoFiles.h"
#include "IdleScreen.h"
#include "QtSpeaker.h"
#include "ble/AppProfileTable.h"
#include "checkin/CheckInService.h"
#include "checkin/KioskCheckup.h"
#include "common/FilePrivacy.h"
#include "common/Logging.h"
#include "common/Translation.h"
#include "crypto/DeskTls.h"
#include "crypto/TrustStore.h"
#include "records/SiteRecords.h"
#include "storage/Database.h"

#include <QApplication>

#include <unistd.h>

RunningKiosk::RunningKiosk(const Settings& settings, Options options, const Clock& clock, Hardware hardware)
    : m_settings(settings), m_options(std::move(options)), m_clock(clock), m_hardware(hardware)
{}

RunningKiosk::~RunningKiosk() = default;

Result<std::unique_ptr<RunningKiosk>> RunningKiosk::open(const Settings& settings, const Options& options,
                                                         Translation& translation, const Clock& clock,
                                                         Hardware hardware)
{
    std::unique_ptr<RunningKiosk> kiosk(new RunningKiosk(settings, options, clock, hardware));
    // The site's entry log, whatever hardware there is; a demo's visitors go into a log of their
    // own that disappears with the kiosk (never into the site's, nor into an export), unless --db
    // names one on purpose.
    kiosk->m_databasePath = !options.databasePath.isEmpty() ? options.databasePath : settings.databasePath();
    if (kiosk->m_databasePath.isEmpty())
        kiosk->m_databasePath = Database::defaultPath();
    if (options.demo) {
        kiosk->m_demoFolder = std::make_unique<QTemporaryDir>();
        if (options.databasePath.isEmpty())
            kiosk->m_databasePath = kiosk->m_demoFolder->filePath(QStringLiteral("demo.db"));
    }

    // The kiosk's entry log lives on its own writer thread (records/ThreadedCheckIn.h), with the
    // site's routine: retention at start and daily, closing time.
    kiosk->m_writer = std::make_unique<ThreadedCheckIn>(Site::from(settings), clock);
    QObject::connect(kiosk->m_writer.get(), &ThreadedCheckIn::problem, kiosk->m_writer.get(),
                     [](const QString& sentence) { qCWarning(lcUi).noquote() << sentence; });
    const Result<void> opened = kiosk->m_writer->open(kiosk->m_databasePath, !options.screenshot);
    if (!opened)
        return opened.error();

    auto trust = settings.trustDirectory().isEmpty() ? Result<TrustStore>(TrustStore())
                                                     : TrustStore::load(settings.trustDirectory());
    if (!trust)
        return trust.error();
    // A single-use pass already used is refused by the writer when it records (CheckInService).
    kiosk->m_recognizer = std::make_unique<PayloadRecognizer>(trust.value(), settings.siteId());
    auto questions = HealthQuestions::load(settings.questionsPath());
    if (!questions)
        return questions.error();
    auto profiles = AppProfileTable::load(settings.path());
    if (!profiles)
        return profiles.error();

    KioskFlow::Timing timing;
    timing.idleResetMs = qint64(settings.idleResetSeconds()) * 1000;
    kiosk->m_flow = std::make_unique<KioskFlow>(*kiosk->m_writer, *kiosk->m_recognizer, clock, timing,
                                                settings.healthDeclaration());
    // The sounds are synthesised into files at start: not for a screenshot, which plays none.
    if (!options.screenshot)
        kiosk->m_sound.emplace();
    KioskWindow::useLocaleOf(settings.language());
    kiosk->m_window =
        std::make_unique<KioskWindow>(settings, translation, *kiosk->m_flow, questions.value(), timing.appWaitMs,
                                      options.demo, kiosk->m_sound ? &*kiosk->m_sound : nullptr);
    kiosk->m_window->idleScreen()->setDeviceStatus(hardware.bluetooth, hardware.camera, options.demo);
    // Without a working scanner there is no app to wait for: the policy decides at once.
    kiosk->m_flow->setAppCheckAvailable(options.demo || hardware.bluetooth);
    if (options.screenshot)
        return kiosk;
    if (settings.speech()) {
        kiosk->m_speaker = std::make_unique<QtSpeaker>();
        kiosk->m_window->setSpeaker(kiosk->m_speaker.get());
    }
    QObject::connect(kiosk->m_window->idleScreen(), &IdleScreen::staffRequested, kiosk->m_window.get(),
                     [raw = kiosk.get()] { raw->openConsole(); });

    PresenceTracker::Config presence;
    presence.thresholdDbm = settings.presenceThresholdDbm();
    kiosk->m_devices = std::make_unique<KioskDevices>(*kiosk->m_flow, clock, profiles.value(), presence);
    KioskFlow* flow = kiosk->m_flow.get();
    IdleScreen* idle = kiosk->m_window->idleScreen();
    QObject::connect(kiosk->m_devices.get(), &KioskDevices::problem, idle,
                     [](const QString& sentence) { qCWarning(lcUi).noquote() << sentence; });
    QObject::connect(kiosk->m_devices.get(), &KioskDevices::bluetoothWorking, idle,
                     [idle, flow, demo = options.demo](bool working) {
                         idle->setBluetoothWorking(working);
                         flow->setAppCheckAvailable(demo || working);
                     });
    QObject::connect(kiosk->m_devices.get(), &KioskDevices::cameraWorking, idle, &IdleScreen::setCameraWorking);
    kiosk->m_window->showCameraOf(*kiosk->m_devices);

    // The reception desk, served to the consoles of this computer: the kiosk's account owns the
    // entry log, and a console reaches it only through a Desk of this process, where each
    // request's role is checked (desk/DeskServer.h). A demo's made-up log is nobody's to serve.
    if (!options.demo) {
        DeskServer::Config desk;
        desk.socketPath = settings.deskSocket();
        desk.group = QString::fromLatin1(FilePrivacy::GROUP);
        desk.owner = geteuid();
        desk.desk = Desk::Config::from(settings, kiosk->m_databasePath, DeskSession::Place::Desk);
        // And to the desk computers of the site's network, by TLS, when the site asks for it.
        if (settings.deskTlsPort() > 0) {
            // Checked at the system's time, which OpenSSL verifies certificates by, not the kiosk's
            // clock (a test's, or one a technician set).
            const Result<QSslConfiguration> tls =
                DeskTls::configuration(DeskTls::Files::of(settings), QDateTime::currentDateTimeUtc());
            if (tls)
                desk.network =
                    DeskServer::Config::Network{QHostAddress::Any, quint16(settings.deskTlsPort()), tls.value()};
            else
                qCWarning(lcUi).noquote() << tls.error().message();
        }
        auto thread = std::make_unique<WorkerThread>(QStringLiteral("gatehouse-desk-socket"));
        DeskServer* server = nullptr;
        Result<void> listening;
        thread->run([&] {
            server = new DeskServer(std::move(desk), clock, thread->context());
            QObject::connect(server, &DeskServer::refused, server, [](const QString& who) {
                qCWarning(lcUi).noquote() << QStringLiteral("The reception desk turned away %1").arg(who);
            });
            listening = server->listen();
        });
        // The kiosk records visitors without a console all the same: said, never a reason to stop
        // (the thread ends with what it holds).
        if (listening) {
            kiosk->m_deskThread = std::move(thread);
            kiosk->m_deskServer = server;
        } else {
            qCWarning(lcUi).noquote() << listening.error().message();
        }
    }

    // The central store, on its own thread: a round every interval and one after each visitor.
    // A demo's made-up visitors never go there.
    if (settings.hasCentral() && !options.demo) {
        OutboxSender::Config central;
        central.uri = settings.centralUri();
        central.kioskId = settings.centralKioskId();
        central.site = settings.siteId();
        central.shareSettings = true;
        central.settingsPath = settings.path();
        // Its doctor's checks with its health, on the sync's thread (the store answered already).
        central.checks = [settings, database = kiosk->m_databasePath, clock = &clock] {
            const auto connected = [site = settings.siteId()](const QString&, const QString&) -> Result<QString> {
                return site;
            };
            return KioskCheckup::jsonArray(
                KioskCheckup(settings, std::nullopt, database, *clock,
                             KioskCheckup::systemProbes(settings.adapterAddress(), connected))
                    .run());
        };
        kiosk->m_central =
            std::make_unique<CentralSync>(central, kiosk->m_databasePath, clock, settings.centralIntervalSeconds());
        idle->setSyncStatus(QString(), 0, false);
        const SiteTime siteTime(settings.utcOffsetMinutes());
        QObject::connect(kiosk->m_central.get(), &CentralSync::stateChanged, idle,
                         [idle, siteTime](const CentralSync::State& state) {
                             idle->setSyncStatus(state.lastSentAt.isValid()
                                                     ? siteTime.format(state.lastSentAt, QStringLiteral("HH:mm"))
                                                     : QString(),
                                                 state.waiting, !state.lastError.isEmpty());
                         });
        QObject::connect(kiosk->m_central.get(), &CentralSync::stateChanged, idle,
                         [raw = kiosk.get()](const CentralSync::State& state) {
                             if (state.settingsApplied)
                                 raw->applySettings(*state.settingsApplied);
                         });
        CentralSync* sync = kiosk->m_central.get();
        QObject::connect(flow, &KioskFlow::stateChanged, sync, [sync](KioskFlow::State state) {
            if (state == KioskFlow::State::Result)
                sync->sendSoon();
        });
    }
    return kiosk;
}

void RunningKiosk::applySettings(const SharedSettings& central)
{
    // Checked already by the sync thread over the same INI; loaded again here for this thread.
    const auto updated = Settings::load(m_settings.path(), central);
    if (!updated) {
        qCWarning(lcUi).noquote() << updated.error().message();
        return;
    }
    // The site's rules (policy, retention) at once: the writer takes the site anew and the next
    // visitor meets them. What the screen, voice and scanner were built with waits for a start.
    m_writer->setSite(Site::from(updated.value()));
    QStringList later;
    const QList<Settings::InForce> before = m_settings.effective();
    for (const Settings::InForce& now : updated->effective()) {
        for (const Settings::InForce& was : before) {
            if (was.key == now.key && was.value != now.value &&
                !SharedSettings::appliesAtOnce(now.key.section(u'/', 1)) && now.key != QLatin1String("site/id"))
                later.append(now.key);
        }
    }
    qCInfo(lcUi).noquote() << "settings from the central store applied:" << central.lines().join(QStringLiteral(", "));
    if (!later.isEmpty())
        qCInfo(lcUi).noquote() << "these take effect when the kiosk starts again:" << later.join(QStringLiteral(", "));
    m_settings = updated.value();
}

void RunningKiosk::openConsole()
{
    if (m_console)
        return;
    // The desk's own connections (desk/LocalDesk.h), as each console the socket serves has; the
    // kiosk's writer keeps its own (SQLite WAL lets both work).
    auto desk =
        std::make_unique<LocalDesk>(Desk::Config::from(m_settings, m_databasePath, DeskSession::Place::Kiosk), m_clock);
    if (const Result<void> opened = desk->open(); !opened) {
        qCWarning(lcUi).noquote() << opened.error().message();
        return;
    }
    m_consoleDesk = std::move(desk);
    m_console = std::make_unique<ConsoleWindow>(*m_consoleDesk,
                                                ConsoleWindow::devicesFound(m_hardware.bluetooth, m_hardware.camera),
                                                ConsoleWindow::Place::Kiosk);
    QObject::connect(m_console.get(), &ConsoleWindow::backToKiosk, m_window.get(), [this] { closeConsole(); });
    QObject::connect(m_console.get(), &ConsoleWindow::closeKiosk, m_window.get(), [] {
        qCInfo(lcUi).noquote() << "Gatehouse kiosk closed by an administrator at the kiosk";
        QCoreApplication::quit();
    });
    m_flow->setPaused(true);
    m_console->setGeometry(m_window->geometry());
    if (m_window->isFullScreen())
        m_console->showFullScreen();
    else
        m_console->show();
    m_window->hide();
}

void RunningKiosk::closeConsole()
{
    if (!m_console)
        return;
    if (m_window->isLocked())
        m_window->showFullScreen();
    else
        m_window->show();
    m_console->hide();
    m_flow->setPaused(false);
    // Gone once the console's own signal has returned.
    QMetaObject::invokeMethod(
        m_window.get(),
        [this] {
            m_console.reset();
            m_consoleDesk.reset(); // after the window that holds it
        },
        Qt::QueuedConnection);
}

void RunningKiosk::startDevices()
{
    if (!m_devices)
        return;
    if (m_options.demo) {
        auto demoData = DemoFiles::extract(m_demoFolder->path());
        if (demoData)
            m_devices->startDemo(demoData.value());
        else
            qCWarning(lcUi).noquote() << demoData.error().message();
        return;
    }
    // A device that is missing now is shown on the idle screen and retried by its source (the
    // camera when it is plugged in, the adapter with back-off): no restart needed.
    m_devices->startHardware(m_settings.cameraName(), m_settings.adapterAddress());
    if (m_central)
        m_central->start();
}
