// The kiosk as the gatehouse program runs it: the writer thread on the entry log, the trusted pass
// keys, the questions, the flow, the window and the devices, built from the site's settings. The
// site's entry log unless the kiosk was started as a demo (--demo): a demo's made-up visitors go
// into a log of its own that disappears with the kiosk, and only then (issue 11: a missing camera
// or adapter is shown and retried, never a reason to stop recording real visitors).
#pragma once

#include "KioskDevices.h"
#include "KioskWindow.h"
#include "ResultSound.h"
#include "central/CentralSync.h"
#include "checkin/HealthQuestions.h"
#include "checkin/KioskFlow.h"
#include "common/Result.h"
#include "common/Settings.h"
#include "common/WorkerThread.h"
#include "qr/PayloadRecognizer.h"
#include "records/ThreadedCheckIn.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <memory>
#include <optional>

class Clock;
class ConsoleWindow;
class LocalDesk;
class DeskServer;
class Speaker;
class Translation;

class RunningKiosk
{
    Q_DECLARE_TR_FUNCTIONS(RunningKiosk)

public:
    struct Options
    {
        // --db: the entry log to write instead of the settings' (a demo writes there too when given).
        QString databasePath;
        // --demo: replay the shipped lobby and made-up visitors into a log of their own.
        bool demo = false;
        // --screenshot: build the screens only (no sounds, devices or housekeeping).
        bool screenshot = false;
    };

    // Which devices were found at start (common/HardwareProbe.h); the indicator follows what the
    // devices report afterwards.
    struct Hardware
    {
        bool bluetooth = false;
        bool camera = false;
    };

    // Opens the entry log and builds the kiosk; an Error with a sentence when the log, the keys,
    // the questions or the app profiles cannot be used. Devices start with startDevices().
    [[nodiscard]] static Result<std::unique_ptr<RunningKiosk>> open(const Settings& settings, const Options& options,
                                                                    Translation& translation, const Clock& clock,
                                                                    Hardware hardware);

    ~RunningKiosk();

    // The site's hardware, or the demo's replay.
    void startDevices();

    QString databasePath() const { return m_databasePath; }
    bool isDemo() const { return m_options.demo; }
    KioskFlow& flow() { return *m_flow; }
    KioskWindow& window() { return *m_window; }
    KioskDevices* devices() { return m_devices.get(); }

    // The administrator's way out of the locked kiosk (a long press on the idle screen's title):
    // the console over the check-in screen, on a desk of this process (the log's owner), unlocked only
    // by an administrator's PIN (ConsoleWindow::Place::Kiosk). The flow is paused meanwhile; when
    // the console locks, the check-in screen comes back; its "Close the kiosk" ends the program.
    void openConsole();
    ConsoleWindow* console() const { return m_console.get(); }
    // Whether this kiosk serves the reception desk to the consoles of its computer ([console]
    // socket, desk/DeskServer.h): not for a demo or a screenshot, or when the socket could not be
    // made.
    bool servesDesk() const { return m_deskServer != nullptr; }

private:
    RunningKiosk(const Settings& settings, Options options, const Clock& clock, Hardware hardware);
    void closeConsole();
    // A new set of the province's shared settings, checked and kept by the sync (issue 26).
    void applySettings(const SharedSettings& central);

    // Declared in the order they depend on each other, so that they go in the reverse: the devices
    // report into the flow, the window shows it, the flow talks to the writer.
    Settings m_settings;
    Options m_options;
    const Clock& m_clock;
    Hardware m_hardware;
    std::unique_ptr<QTemporaryDir> m_demoFolder; // demo mode only
    QString m_databasePath;
    std::unique_ptr<ThreadedCheckIn> m_writer;
    std::unique_ptr<PayloadRecognizer> m_recognizer;
    std::unique_ptr<KioskFlow> m_flow;
    std::optional<ResultSound> m_sound;
    std::unique_ptr<Speaker> m_speaker; // [kiosk] speech=true only
    std::unique_ptr<KioskWindow> m_window;
    std::unique_ptr<KioskDevices> m_devices;
    // The link to the central store ([central]); never for a demo or a screenshot.
    std::unique_ptr<CentralSync> m_central;
    // The desk served over the socket, the only way a console reaches the entry log (issue 24), on
    // a thread of its own: a console's PIN check (scrypt, a tenth of a second) or its requests
    // never hold the check-in screen.
    std::unique_ptr<WorkerThread> m_deskThread;
    DeskServer* m_deskServer = nullptr; // lives on m_deskThread, deleted as it ends
    // While the console is open over the kiosk (the records outlive the console that reads them).
    std::unique_ptr<LocalDesk> m_consoleDesk; // destroyed after the window that holds it
    std::unique_ptr<ConsoleWindow> m_console;
};
