// The reception desk on the entry log in this process (issue 24): what the desk asks of the log
// runs here, on one worker thread with the desk's own connection to the log, and answers through
// callbacks on the caller's thread, as CheckInGateway does for the kiosk. A million-row workbook
// took the console's GUI thread 27 s; now the console keeps drawing and says it is working.
//
// Every request asks the DeskSession first, in the core and whatever the screen shows: an
// administrator's request from a receptionist's session, or any request while locked, is answered
// with the session's sentence and runs nothing. The actor a file is audited under comes from the
// session at the moment of the request.
//
// Only the log's owner runs one: the kiosk's process, for its own console over the check-in
// screen and for each console connected to the desk's socket (desk/DeskConnection.h). It owns the
// desk's session, whose PIN checks use a second connection on the caller's thread (a person waits
// for them), and the inside-now watch.
#pragma once

#include "common/SystemClock.h"
#include "common/WorkerThread.h"
#include "desk/Desk.h"

#include <memory>

class InsideWatch;
class SiteRecords;

class LocalDesk : public Desk
{
    Q_OBJECT

public:
    LocalDesk(Config config, const Clock& clock, QObject* parent = nullptr);
    ~LocalDesk() override;

    // Opens the entry log for the desk (start-up only): on its worker for its requests, and on the
    // caller's thread for the session's PIN checks, which a person waits for. Then the session
    // and the inside-now watch exist.
    [[nodiscard]] Result<void> open();

    // Who is signed in (valid after open()).
    DeskSession& session() { return *m_session; }
    const DeskSession& session() const { return *m_session; }
    // Who is inside now, read off the caller's thread whenever the kiosk commits (valid after
    // open(); started by watchInside()).
    InsideWatch& insideWatch() { return *m_insideWatch; }

    std::optional<Accounts::Account> account() const override;
    // Answered before it returns: the PIN is checked on this thread.
    void unlock(const QString& name, const QString& pin, Answer<Accounts::Account> done) override;
    void lock(const QString& why, Answer<void> done) override;
    void touched() override;
    void tick() override;
    [[nodiscard]] Result<void> closeKiosk() override;
    void watchInside() override;

    void exportEntries(const FileAsk& ask, Answer<OfficialFile::Handed> done) override;
    void traceCase(const FileAsk& ask, const QString& idNumber, Answer<OfficialFile::Handed> done) override;
    void adoptionReport(const FileAsk& ask, Answer<ReportRequest::Made> done) override;
    void writePoster(const QString& path, Answer<void> done) override;
    void importRoster(const QString& path, Answer<StaffRoster::Import> done) override;
    void rollCall(Answer<RollCallRequest::Made> done) override;
    // The roll call written into folder, for a console that keeps it in deliveredIn (the desk's
    // socket).
    void rollCallInto(const QString& folder, const QString& deliveredIn, Answer<RollCallRequest::Made> done);
    void presentAtSite(Answer<CheckInService::SitePresence> done) override;
    void checkIn(CheckInService::Request request, Answer<CheckInService::Outcome> done) override;
    void checkOutByHand(qint64 entryId, const QString& idNumber, Answer<void> done) override;
    void changeSettings(const QList<QPair<Settings::DeskKey, QString>>& values, Answer<SettingsSaved> done) override;
    void calibrate(const QString& adapter, std::function<void(int secondsLeft, qint64 adverts)> progress,
                   Answer<RssiCalibration::Proposal> done) override;
    void accounts(Answer<QList<Accounts::Account>> done) override;
    void addAccount(const QString& name, Accounts::Role role, const QString& pin, Answer<void> done) override;
    void removeAccount(const QString& name, Answer<void> done) override;
    void setPin(const QString& name, const QString& pin, Answer<void> done) override;
    void signInNames(Answer<QStringList> done) override;
    void auditLog(int newest, Answer<QList<AuditLog::Record>> done) override;

private:
    struct Log; // lives on the worker

    // Checks need now, then runs work on the worker with the session's actor and hands its result
    // to done on this object's thread.
    template <typename T>
    void onWorker(DeskSession::Need need, std::function<Result<T>(SiteRecords&, const QString& actor)> work,
                  Answer<T> done);
    // The session's answer for need; an Error while the log is not open.
    Result<QString> allow(DeskSession::Need need) const;
    // values without those the central store sets for this kiosk; an Error naming one changed here.
    Result<QList<QPair<Settings::DeskKey, QString>>>
    withoutProvinces(const QList<QPair<Settings::DeskKey, QString>>& values) const;
    // Runs work on the worker whoever is signed in (the lock screen's names only).
    template <typename T>
    void onWorkerUnchecked(std::function<Result<T>(SiteRecords&)> work, Answer<T> done);
    // An official's file: checks the window and language now, then runs run on the worker with the
    // file's ask (the session's actor, the signing key).
    template <typename T>
    void onOfficialFile(const FileAsk& ask, std::function<Result<T>(SiteRecords&, const OfficialFile::Ask&)> run,
                        Answer<T> done);
    // The signing key when one is configured, loaded on the worker for each file.
    Result<std::optional<Ed25519Key>> signingKey() const;

    std::unique_ptr<SiteRecords> m_sessionRecords; // the session's connection, on the caller's thread
    std::unique_ptr<DeskSession> m_session;
    InsideWatch* m_insideWatch = nullptr; // a child
    SystemClock m_liveClock;              // a calibration listens to a real adapter, in real time
    std::unique_ptr<Log> m_log;           // opened and closed on m_thread
    WorkerThread m_thread{QStringLiteral("gatehouse-desk")};
};
