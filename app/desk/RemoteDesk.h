// The reception desk the kiosk's process serves, asked over its socket (issue 24):
// `gatehouse --console` on the kiosk's computer, whose account never opens the entry log, or on a
// desk computer of the site's network by TLS (crypto/DeskTls.h). Each
// request goes to the kiosk's side (desk/DeskConnection.h), where a LocalDesk with this console's
// own session checks the role; answers, files and events come back through DeskLink.
//
// The session is the kiosk's: signed in when the kiosk says so, locked at once when this console
// locks (before the kiosk hears it: the next person at the desk sees nothing) and when the kiosk
// says it locked (its idle time). When the kiosk goes away (it restarts, say) the console is locked
// and tries again every few seconds, saying so.
#pragma once

#include "desk/Desk.h"
#include "desk/DeskLink.h"

#include <QTimer>

#include <memory>

class RemoteDesk : public Desk
{
    Q_OBJECT

public:
    static constexpr int RetryMs = 3000;
    // Input is told to the kiosk's side at most this often (its idle lock counts minutes).
    static constexpr qint64 TouchEveryMs = 10000;

    // config: the console's own settings (the roll call's folder, what the settings page shows).
    RemoteDesk(Config config, const Clock& clock, QObject* parent = nullptr);
    ~RemoteDesk() override;

    // Connects to the kiosk's desk at where and says so with reachable(true) (this computer's
    // socket before this returns; a kiosk of the network once its TLS handshake is done), or says
    // why with reachable(false, why) and tries again RetryMs later, as after losing it.
    void reach(const DeskLink::Where& where);
    void reach(const QString& socketPath) { reach(DeskLink::Where{socketPath, {}, 0, {}}); }
    bool isConnected() const { return m_link && m_link->isConnected(); }

    std::optional<Accounts::Account> account() const override { return m_account; }
    void unlock(const QString& name, const QString& pin, Answer<Accounts::Account> done) override;
    void lock(const QString& why, Answer<void> done) override;
    void touched() override;
    void tick() override {} // the kiosk's side times the idle lock and tells it
    [[nodiscard]] Result<void> closeKiosk() override;
    void watchInside() override {} // told while signed in, from the kiosk's side

    void exportEntries(const FileAsk& ask, Answer<OfficialFile::Handed> done) override;
    void traceCase(const FileAsk& ask, const QString& idNumber, Answer<OfficialFile::Handed> done) override;
    void adoptionReport(const FileAsk& ask, Answer<ReportRequest::Made> done) override;
    void writePoster(const QString& path, Answer<void> done) override;
    void importRoster(const QString& path, Answer<StaffRoster::Import> done) override;
    void rollCall(Answer<RollCallRequest::Made> done) override;
    void presentAtSite(Answer<CheckInService::SitePresence> done) override;
    void checkIn(CheckInService::Request request, Answer<CheckInService::Outcome> done) override;
    void checkOutByHand(qint64 entryId, const QString& idNumber, Answer<void> done) override;
    void changeSettings(const QList<QPair<Settings::DeskKey, QString>>& values, Answer<SettingsSaved> done) override;
    // Not over the socket: it listens to the kiosk's adapter, at the kiosk.
    void calibrate(const QString& adapter, std::function<void(int secondsLeft, qint64 adverts)> progress,
                   Answer<RssiCalibration::Proposal> done) override;
    void accounts(Answer<QList<Accounts::Account>> done) override;
    void addAccount(const QString& name, Accounts::Role role, const QString& pin, Answer<void> done) override;
    void removeAccount(const QString& name, Answer<void> done) override;
    void setPin(const QString& name, const QString& pin, Answer<void> done) override;
    void signInNames(Answer<QStringList> done) override;
    void auditLog(int newest, Answer<QList<AuditLog::Record>> done) override;

private:
    // Asks verb of the kiosk's side; done hears the answer on this thread, after the caller
    // returned, as a LocalDesk answers.
    template <typename T>
    void ask(const QString& verb, const DeskLink::Arguments& args, Answer<T> done, const QString& filesTo = {});
    template <typename T>
    void officialFile(const QString& verb, const FileAsk& ask, const QString& idNumber, Answer<T> done);
    void told(const QString& verb, const QByteArray& rest);
    void lost(const QString& why);
    void signedOut(const QString& why);

    DeskLink::Where m_where;
    QTimer m_retry; // single shot: started again each time the kiosk cannot be reached
    std::unique_ptr<DeskLink> m_link;
    std::optional<Accounts::Account> m_account;
    qint64 m_touchToldMs = 0;
};
