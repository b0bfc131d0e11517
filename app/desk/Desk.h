// The reception desk, as every page of the console sees it (issue 24): who is signed in, the
// desk's requests, and what it hears without asking (an entry recorded, who is inside). Two run
// it: LocalDesk, on the entry log in this process (the kiosk's own console over its check-in
// screen, and the kiosk's side of the desk's socket), and RemoteDesk, which asks the Desk that the
// kiosk's process serves (`gatehouse --console`: the console's account never opens the file).
// Every request answers through a callback on the caller's thread; the role is checked where the
// log is, whatever the screen shows.
#pragma once

#include "ble/RssiCalibration.h"
#include "checkin/CheckInService.h"
#include "checkin/DaySummary.h"
#include "common/Clock.h"
#include "common/Settings.h"
#include "desk/DeskSession.h"
#include "export/OfficialFile.h"
#include "export/ReportRequest.h"
#include "export/RollCallRequest.h"
#include "storage/Accounts.h"
#include "storage/AuditLog.h"
#include "storage/StaffRoster.h"

#include <QObject>

#include <functional>
#include <optional>

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

    const Config& config() const { return m_config; }
    // The site's time, and now by the desk's clock: the pages' windows are in the site's time.
    SiteTime siteTime() const { return m_config.site.time(); }
    QDateTime now() const { return m_clock.now(); }
    QString settingsPath() const { return m_config.settingsPath; }

    // Who is signed in: none while locked.
    virtual std::optional<Accounts::Account> account() const = 0;
    bool isLocked() const { return !account().has_value(); }
    QString actor() const;
    bool isAdmin() const;
    // Signs in as name with pin (audited console_unlock); done hears the account, or the PIN
    // check's sentence. unlocked() follows.
    virtual void unlock(const QString& name, const QString& pin, Answer<Accounts::Account> done) = 0;
    // Locks now, saying why in the audit log; locked() follows at once (the next person at the
    // desk sees nothing), done hears whether the audit row was written.
    virtual void lock(const QString& why, Answer<void> done) = 0;
    // Someone touched the desk: the idle time starts again.
    virtual void touched() = 0;
    // Lets time pass: the session locks itself after [console] lock_minutes without input, and
    // says so with locked().
    virtual void tick() = 0;
    // An administrator signed in over the kiosk closes it (audited kiosk_closed before it goes);
    // only the kiosk's own console can.
    [[nodiscard]] virtual Result<void> closeKiosk() = 0;

    // Whether need may be asked now, and the window and language of an official's file are
    // acceptable (export/OfficialAsk.h): for the page to say so before it asks where to write. The
    // requests are checked again where the log is.
    [[nodiscard]] Result<void> mayAsk(DeskSession::Need need) const;
    [[nodiscard]] Result<void> mayAsk(const FileAsk& ask) const;

    // Who is inside now and the day so far, told by insideChanged() and dayChanged() from now on.
    virtual void watchInside() = 0;

    // The officials' files (administrators): every entry of the window (.xlsx or .csv), a contact
    // trace of a case, the adoption report (.pdf or .csv), the entrance poster (.pdf).
    virtual void exportEntries(const FileAsk& ask, Answer<OfficialFile::Handed> done) = 0;
    virtual void traceCase(const FileAsk& ask, const QString& idNumber, Answer<OfficialFile::Handed> done) = 0;
    virtual void adoptionReport(const FileAsk& ask, Answer<ReportRequest::Made> done) = 0;
    virtual void writePoster(const QString& path, Answer<void> done) = 0;
    virtual void importRoster(const QString& path, Answer<StaffRoster::Import> done) = 0;
    // Everyone inside now, as the evacuation roll call in the configured folder (receptionists).
    virtual void rollCall(Answer<RollCallRequest::Made> done) = 0;

    // The receptionist's requests. Who is inside now, at this door and the site's others.
    virtual void presentAtSite(Answer<CheckInService::SitePresence> done) = 0;
    // Checks a visitor in by hand under the signed-in account's name (whatever request.actor
    // says): the kiosk's rules, with a reason to admit without the app under a required policy.
    virtual void checkIn(CheckInService::Request request, Answer<CheckInService::Outcome> done) = 0;
    // Checks out by hand, audited under the signed-in account: the entry entryId of this door, or
    // (entryId 0) whoever holds idNumber at another door of the site.
    virtual void checkOutByHand(qint64 entryId, const QString& idNumber, Answer<void> done) = 0;

    // The administrator's settings (common/Settings.h's desk keys): written to the INI when every
    // value is valid, and audited under the account's name. The kiosk uses them from its next start.
    virtual void changeSettings(const QList<QPair<Settings::DeskKey, QString>>& values, Answer<SettingsSaved> done) = 0;
    // Listens on adapter (empty: the system's) for 20 s to a phone held where visitors hold
    // theirs, as `gatehouse-cli calibrate --live` does (ble/CalibrationSession.h); progress says how
    // it goes, done proposes a presence threshold.
    virtual void calibrate(const QString& adapter, std::function<void(int secondsLeft, qint64 adverts)> progress,
                           Answer<RssiCalibration::Proposal> done) = 0;

    // The accounts an administrator manages (storage/Accounts.h audits every change under the
    // administrator's name): the list, add one, remove one, give one a new PIN (ends a lock).
    virtual void accounts(Answer<QList<Accounts::Account>> done) = 0;
    virtual void addAccount(const QString& name, Accounts::Role role, const QString& pin, Answer<void> done) = 0;
    virtual void removeAccount(const QString& name, Answer<void> done) = 0;
    virtual void setPin(const QString& name, const QString& pin, Answer<void> done) = 0;
    // The names the lock screen offers: asked before anyone is signed in, so without a session.
    virtual void signInNames(Answer<QStringList> done) = 0;
    // The newest rows of the audit log, newest first (administrators).
    virtual void auditLog(int newest, Answer<QList<AuditLog::Record>> done) = 0;

    // Requests asked and not yet answered.
    int pending() const { return m_pending; }

signals:
    // Some request is running (true) or none is left (false): the console shows it works.
    void busyChanged(bool busy);
    // The desk recorded an entry or an exit: who is inside has changed.
    void recorded();
    // An account was added, removed or given a new PIN here.
    void accountsChanged();
    void unlocked(const Accounts::Account& account);
    // Locked again (by lock(), the idle time, or the kiosk's side); why as audited.
    void locked(const QString& why);
    // Who is inside, the day so far, or why they cannot be read (after watchInside()).
    void insideChanged(const CheckInService::SitePresence& presence);
    void dayChanged(const DaySummary& day);
    void insideProblem(const QString& sentence);
    // The kiosk that serves this desk is reachable again (true), or gone or refusing this console,
    // why in a sentence (RemoteDesk; a LocalDesk is the log's own).
    void reachable(bool yes, const QString& why);

protected:
    // A request asked, and answered: busyChanged() on the first and the last.
    void started();
    void finished();
    // Answers done with error as every request is answered, after the caller returned to its event
    // loop: a caller handles one way of hearing back.
    template <typename T>
    void answerNow(const Error& error, Answer<T> done)
    {
        started();
        QMetaObject::invokeMethod(
            this,
            [this, done = std::move(done), error] {
                finished();
                done(Result<T>(error));
            },
            Qt::QueuedConnection);
    }

    const Config m_config;
    const Clock& m_clock;

private:
    int m_pending = 0;
};
