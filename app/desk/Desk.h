// The reception desk's core (issue 24): what the desk asks of the entry log runs here, on one
// worker thread with the desk's own connection to the log, and answers through callbacks on the
// caller's thread, as CheckInGateway does for the kiosk. A million-row workbook took the console's
// GUI thread 27 s; now the console keeps drawing and says it is working.
//
// Every request asks the DeskSession first, in the core and whatever the screen shows: an
// administrator's request from a receptionist's session, or any request while locked, is answered
// with the session's sentence and runs nothing. The actor a file is audited under comes from the
// session at the moment of the request.
//
// Every page of the console asks it and nothing else (tests/CheckLayers.cmake). It owns the
// desk's session, whose PIN checks use a second connection on the caller's thread (a person waits
// for them), and the inside-now watch. Not yet (issue 24): the Desk served by the kiosk's own
// process over an authenticated socket, so that the console need not open the file at all; today
// it runs in the console's process, on the log it shares with the gatehouse group.
#pragma once

#include "ble/RssiCalibration.h"
#include "checkin/CheckInService.h"
#include "common/Clock.h"
#include "common/Settings.h"
#include "common/SystemClock.h"
#include "common/WorkerThread.h"
#include "desk/DeskSession.h"
#include "export/OfficialFile.h"
#include "export/ReportRequest.h"
#include "export/RollCallRequest.h"
#include "storage/Accounts.h"
#include "storage/AuditLog.h"
#include "storage/StaffRoster.h"

#include <QObject>

#include <functional>
#include <memory>

class InsideWatch;
class SiteRecords;

class Desk : public QObject
{
    Q_OBJECT

public:
    // What the desk needs of the site's settings ([site], [export], [passes], [console]).
    struct Config
    {
        QString databasePath;
        Site site;
        QString siteName;       // heads the printed pages
        QString installUrl;     // the poster's QR code
        QString signingKey;     // [export] signing_key: files are signed when set
        QString passDirectory;  // [passes] trust_dir: a pass key never signs an export
        QString rollCallFolder; // [console] roll_call_folder
        QString settingsPath;   // the INI the settings page changes (and its app profiles)
        Settings settings;      // the configuration as loaded: what the settings page shows first
        // Where the desk runs (its own program, or over the kiosk's screen) and how long it stays
        // unlocked without input ([console] lock_minutes).
        DeskSession::Place place = DeskSession::Place::Desk;
        qint64 lockAfterMs = 5 * 60 * 1000;

        // The desk of the site settings describe, on the entry log at databasePath.
        static Config from(const Settings& settings, const QString& databasePath, DeskSession::Place place);
    };

    // Settings saved: one "key: old -> new" line per change; problem: the audit row could not be
    // written (the file is changed all the same, and says so).
    struct SettingsSaved
    {
        QStringList changes;
        QString problem;
    };

    // An official's file: where, the window in UTC, the language of its words.
    struct FileAsk
    {
        QString path;
        QDateTime from;
        QDateTime to;
        QString language = QStringLiteral("vi");
        // Where the console keeps the file, when the Desk writes it elsewhere first (the kiosk's
        // side of the desk's socket): the audit row names it.
        QString deliveredAs;
    };

    template <typename T>
    using Answer = std::function<void(const Result<T>&)>;

    Desk(Config config, const Clock& clock, QObject* parent = nullptr);
    ~Desk() override;

    // Opens the entry log for the desk (start-up only): on its worker for its requests, and on the
    // caller's thread for the session's PIN checks, which a person waits for. Then the session
    // and the inside-now watch exist.
    [[nodiscard]] Result<void> open();

    // Who is signed in (valid after open()).
    DeskSession& session() { return *m_session; }
    const DeskSession& session() const { return *m_session; }
    // Who is inside now, read off the caller's thread whenever the kiosk commits (valid after
    // open(); started by the first who listens).
    InsideWatch& insideWatch() { return *m_insideWatch; }
    const Config& config() const { return m_config; }
    // The site's time, and now by the desk's clock: the pages' windows are in the site's time.
    SiteTime siteTime() const { return m_config.site.time(); }
    QDateTime now() const { return m_clock.now(); }

    // Whether need may be asked now, and the window and language of an official's file are
    // acceptable (export/OfficialAsk.h): for the page to say so before it asks where to write. The
    // requests check again themselves.
    [[nodiscard]] Result<void> mayAsk(DeskSession::Need need) const;
    [[nodiscard]] Result<void> mayAsk(const FileAsk& ask) const;

    // The officials' files (administrators): every entry of the window (.xlsx or .csv), a contact
    // trace of a case, the adoption report (.pdf or .csv), the entrance poster (.pdf).
    void exportEntries(const FileAsk& ask, Answer<OfficialFile::Handed> done);
    void traceCase(const FileAsk& ask, const QString& idNumber, Answer<OfficialFile::Handed> done);
    void adoptionReport(const FileAsk& ask, Answer<ReportRequest::Made> done);
    void writePoster(const QString& path, Answer<void> done);
    void importRoster(const QString& path, Answer<StaffRoster::Import> done);
    // Everyone inside now, as the evacuation roll call in the configured folder (receptionists).
    void rollCall(Answer<RollCallRequest::Made> done);
    // The same written into folder, for a console that keeps it in deliveredIn (the desk's socket).
    void rollCallInto(const QString& folder, const QString& deliveredIn, Answer<RollCallRequest::Made> done);

    // The receptionist's requests. Who is inside now, at this door and the site's others.
    void presentAtSite(Answer<CheckInService::SitePresence> done);
    // Checks a visitor in by hand under the signed-in account's name (whatever request.actor
    // says): the kiosk's rules, with a reason to admit without the app under a required policy.
    void checkIn(CheckInService::Request request, Answer<CheckInService::Outcome> done);
    // Checks out by hand, audited under the signed-in account: the entry entryId of this door, or
    // (entryId 0) whoever holds idNumber at another door of the site.
    void checkOutByHand(qint64 entryId, const QString& idNumber, Answer<void> done);

    // The administrator's settings (common/Settings.h's desk keys): written to the INI when every
    // value is valid, and audited under the account's name. The kiosk uses them from its next start.
    void changeSettings(const QList<QPair<Settings::DeskKey, QString>>& values, Answer<SettingsSaved> done);
    // Listens on adapter (empty: the system's) for 20 s to a phone held where visitors hold
    // theirs, as `gatehouse-cli calibrate --live` does (ble/CalibrationSession.h); progress says how
    // it goes, done proposes a presence threshold.
    void calibrate(const QString& adapter, std::function<void(int secondsLeft, qint64 adverts)> progress,
                   Answer<RssiCalibration::Proposal> done);
    QString settingsPath() const { return m_config.settingsPath; }

    // The accounts an administrator manages (storage/Accounts.h audits every change under the
    // administrator's name): the list, add one, remove one, give one a new PIN (ends a lock).
    void accounts(Answer<QList<Accounts::Account>> done);
    void addAccount(const QString& name, Accounts::Role role, const QString& pin, Answer<void> done);
    void removeAccount(const QString& name, Answer<void> done);
    void setPin(const QString& name, const QString& pin, Answer<void> done);
    // The names the lock screen offers: asked before anyone is signed in, so without a session.
    void signInNames(Answer<QStringList> done);
    // The newest rows of the audit log, newest first (administrators).
    void auditLog(int newest, Answer<QList<AuditLog::Record>> done);

    // Requests asked and not yet answered.
    int pending() const { return m_pending; }

signals:
    // Some request is running (true) or none is left (false): the console shows it works.
    void busyChanged(bool busy);
    // The desk recorded an entry or an exit: who is inside has changed.
    void recorded();
    // An account was added, removed or given a new PIN here.
    void accountsChanged();

private:
    struct Log; // lives on the worker

    // Checks need now, then runs work on the worker with the session's actor and hands its result
    // to done on this object's thread.
    template <typename T>
    void onWorker(DeskSession::Need need, std::function<Result<T>(SiteRecords&, const QString& actor)> work,
                  Answer<T> done);
    template <typename T>
    void answerNow(const Error& error, Answer<T> done);
    // The session's answer for need; an Error while the log is not open.
    Result<QString> allow(DeskSession::Need need) const;
    // Runs work on the worker whoever is signed in (the lock screen's names only).
    template <typename T>
    void onWorkerUnchecked(std::function<Result<T>(SiteRecords&)> work, Answer<T> done);
    void started();
    void finished();
    // An official's file: checks the window and language now, then runs run on the worker with the
    // file's ask (the session's actor, the signing key).
    template <typename T>
    void onOfficialFile(const FileAsk& ask, std::function<Result<T>(SiteRecords&, const OfficialFile::Ask&)> run,
                        Answer<T> done);
    // The signing key when one is configured, loaded on the worker for each file.
    Result<std::optional<Ed25519Key>> signingKey() const;

    const Config m_config;
    const Clock& m_clock;
    std::unique_ptr<SiteRecords> m_sessionRecords; // the session's connection, on the caller's thread
    std::unique_ptr<DeskSession> m_session;
    InsideWatch* m_insideWatch = nullptr; // a child
    SystemClock m_liveClock;              // a calibration listens to a real adapter, in real time
    int m_pending = 0;
    std::unique_ptr<Log> m_log; // opened and closed on m_thread
    WorkerThread m_thread{QStringLiteral("gatehouse-desk")};
};
