// The reception desk on the entry log in this process.
#include "desk/LocalDesk.h"

#include "AdoptionReportPdf.h"
#include "EntrancePoster.h"
#include "RollCallPdf.h"
#include "ble/AppProfileTable.h"
#include "ble/CalibrationSession.h"
#include "ble/QtBluetoothSource.h"
#include "crypto/ExportKey.h"
#include "export/ExportRequest.h"
#include "export/OfficialAsk.h"
#include "export/RosterImportRequest.h"
#include "export/TraceRequest.h"
#include "records/InsideWatch.h"
#include "records/SiteRecords.h"
#include "storage/SharedSettingsStore.h"

#include <QBluetoothLocalDevice>

struct LocalDesk::Log
{
    std::unique_ptr<SiteRecords> records;
};

LocalDesk::LocalDesk(Config config, const Clock& clock, QObject* parent) : Desk(std::move(config), clock, parent) {}

LocalDesk::~LocalDesk()
{
    // A request in progress finishes first (a file is written whole or not at all); the log
    // closes on the thread that opened it.
    m_thread.stop([this] { m_log.reset(); });
}

Result<void> LocalDesk::open()
{
    auto sessionRecords = SiteRecords::open(m_config.databasePath, Database::Check::Quick, m_config.site, m_clock);
    if (!sessionRecords)
        return sessionRecords.error();
    m_sessionRecords = std::move(sessionRecords).value();
    m_session = std::make_unique<DeskSession>(m_sessionRecords->pins(), m_sessionRecords->audit(), m_clock,
                                              m_config.place, m_config.lockAfterMs);
    connect(m_session.get(), &DeskSession::unlocked, this, &Desk::unlocked);
    connect(m_session.get(), &DeskSession::locked, this, &Desk::locked);
    m_insideWatch = new InsideWatch(m_config.databasePath, m_config.site, m_clock, this);
    connect(m_insideWatch, &InsideWatch::changed, this, &Desk::insideChanged);
    connect(m_insideWatch, &InsideWatch::dayChanged, this, &Desk::dayChanged);
    connect(m_insideWatch, &InsideWatch::problem, this, &Desk::insideProblem);
    // The desk's own entries and exits: who is inside follows at once, not at the next poll.
    connect(this, &LocalDesk::recorded, m_insideWatch, &InsideWatch::refresh);

    Result<void> opened;
    m_thread.run([&] {
        auto records = SiteRecords::open(m_config.databasePath, Database::Check::None, m_config.site, m_clock);
        if (!records) {
            opened = records.error();
            return;
        }
        m_log = std::make_unique<Log>();
        m_log->records = std::move(records).value();
    });
    return opened;
}

std::optional<Accounts::Account> LocalDesk::account() const
{
    return m_session ? m_session->account() : std::nullopt;
}

void LocalDesk::unlock(const QString& name, const QString& pin, Answer<Accounts::Account> done)
{
    if (!m_session)
        return done(Error(Error::Kind::Failed, tr("The entry log is not open: nothing was done.")));
    done(m_session->unlock(name, pin));
}

void LocalDesk::lock(const QString& why, Answer<void> done)
{
    done(m_session ? m_session->lock(why) : Result<void>());
}

void LocalDesk::touched()
{
    if (m_session)
        m_session->touched();
}

void LocalDesk::tick()
{
    if (m_session)
        (void)m_session->tick();
}

Result<void> LocalDesk::closeKiosk()
{
    if (!m_session)
        return Error(Error::Kind::Failed, tr("The entry log is not open: nothing was done."));
    return m_session->closeKiosk();
}

void LocalDesk::watchInside()
{
    if (m_insideWatch)
        m_insideWatch->start();
}

Result<QString> LocalDesk::allow(DeskSession::Need need) const
{
    if (!m_session)
        return Error(Error::Kind::Failed, tr("The entry log is not open: nothing was done."));
    return m_session->allow(need);
}

template <typename T>
void LocalDesk::onWorker(DeskSession::Need need, std::function<Result<T>(SiteRecords&, const QString& actor)> work,
                         Answer<T> done)
{
    const Result<QString> actor = allow(need);
    if (!actor)
        return answerNow<T>(actor.error(), std::move(done));
    onWorkerUnchecked<T>(
        [actor = actor.value(), work = std::move(work)](SiteRecords& records) { return work(records, actor); },
        std::move(done));
}

template <typename T>
void LocalDesk::onWorkerUnchecked(std::function<Result<T>(SiteRecords&)> work, Answer<T> done)
{
    started();
    m_thread.post([this, work = std::move(work), done = std::move(done)] {
        const Result<T> result =
            m_log ? work(*m_log->records)
                  : Result<T>(Error(Error::Kind::Failed, tr("The entry log is not open: nothing was done.")));
        WorkerThread::answer(this, [this, done, result] {
            finished();
            done(result);
        });
    });
}

Result<std::optional<Ed25519Key>> LocalDesk::signingKey() const
{
    if (m_config.signingKey.isEmpty())
        return std::optional<Ed25519Key>();
    auto key = ExportKey::load(m_config.signingKey, m_config.passDirectory);
    if (!key)
        return key.error();
    return std::optional<Ed25519Key>(key.value());
}

template <typename T>
void LocalDesk::onOfficialFile(const FileAsk& ask, std::function<Result<T>(SiteRecords&, const OfficialFile::Ask&)> run,
                               Answer<T> done)
{
    if (Result<void> asked = OfficialAsk::check(ask.from, ask.to, ask.language); !asked)
        return answerNow<T>(asked.error(), std::move(done));
    onWorker<T>(
        DeskSession::Need::Admin,
        [this, ask, run = std::move(run)](SiteRecords& records, const QString& actor) -> Result<T> {
            const auto key = signingKey();
            if (!key)
                return key.error();
            return run(records, {ask.path, ask.from, ask.to, actor, key.value(), {}, ask.deliveredAs});
        },
        std::move(done));
}

void LocalDesk::exportEntries(const FileAsk& ask, Answer<OfficialFile::Handed> done)
{
    onOfficialFile<OfficialFile::Handed>(
        ask,
        [language = ask.language](SiteRecords& records, const OfficialFile::Ask& file) {
            ExportRequest request;
            request.ask = file;
            request.language = language;
            return request.run(records);
        },
        std::move(done));
}

void LocalDesk::traceCase(const FileAsk& ask, const QString& idNumber, Answer<OfficialFile::Handed> done)
{
    onOfficialFile<OfficialFile::Handed>(
        ask,
        [language = ask.language, idNumber](SiteRecords& records, const OfficialFile::Ask& file) {
            TraceRequest request;
            request.ask = file;
            request.idNumber = idNumber; // in any spelling: TraceRequest normalises it
            request.language = language;
            return request.run(records);
        },
        std::move(done));
}

void LocalDesk::adoptionReport(const FileAsk& ask, Answer<ReportRequest::Made> done)
{
    onOfficialFile<ReportRequest::Made>(
        ask,
        [language = ask.language, siteName = m_config.siteName](SiteRecords& records, const OfficialFile::Ask& file) {
            ReportRequest request;
            request.ask = file;
            request.language = language;
            // Drawn here, off the GUI thread: the page needs Qt GUI only (report/DailyEntriesChart.h).
            request.pdf = [siteName](const AdoptionReport& report, QIODevice& out, Sha256& hash) {
                return AdoptionReportPdf::write(report, siteName, out, &hash);
            };
            return request.run(records);
        },
        std::move(done));
}

void LocalDesk::writePoster(const QString& path, Answer<void> done)
{
    onWorker<void>(
        DeskSession::Need::Admin,
        [this, path](SiteRecords&, const QString&) {
            return EntrancePoster::writePdf(path, m_config.siteName, m_config.installUrl);
        },
        std::move(done));
}

void LocalDesk::importRoster(const QString& path, Answer<StaffRoster::Import> done)
{
    onWorker<StaffRoster::Import>(
        DeskSession::Need::Admin,
        [path](SiteRecords& records, const QString& actor) {
            return RosterImportRequest{path, actor}.run(records);
        },
        std::move(done));
}

void LocalDesk::rollCall(Answer<RollCallRequest::Made> done)
{
    rollCallInto(m_config.rollCallFolder, QString(), std::move(done));
}

void LocalDesk::rollCallInto(const QString& folder, const QString& deliveredIn, Answer<RollCallRequest::Made> done)
{
    onWorker<RollCallRequest::Made>(
        DeskSession::Need::Receptionist,
        [this, folder, deliveredIn](SiteRecords& records, const QString& actor) {
            RollCallRequest request;
            request.folder = folder;
            request.deliveredIn = deliveredIn;
            request.actor = actor;
            request.pdf = [siteName = m_config.siteName, siteTime = m_config.site.time()](
                              const CheckInService::SitePresence& inside, const QDateTime& at, QIODevice& out,
                              Sha256& hash) { return RollCallPdf::write(inside, siteName, siteTime, at, out, &hash); };
            return request.run(records);
        },
        std::move(done));
}

void LocalDesk::presentAtSite(Answer<CheckInService::SitePresence> done)
{
    onWorker<CheckInService::SitePresence>(
        DeskSession::Need::Receptionist,
        [](SiteRecords& records, const QString&) { return records.service().presentAtSite(); }, std::move(done));
}

void LocalDesk::checkIn(CheckInService::Request request, Answer<CheckInService::Outcome> done)
{
    onWorker<CheckInService::Outcome>(
        DeskSession::Need::Receptionist,
        [request](SiteRecords& records, const QString& actor) mutable {
            request.actor = actor;
            return records.service().checkIn(request);
        },
        [this, done = std::move(done)](const Result<CheckInService::Outcome>& outcome) {
            if (outcome && outcome->entry)
                emit recorded();
            done(outcome);
        });
}

void LocalDesk::checkOutByHand(qint64 entryId, const QString& idNumber, Answer<void> done)
{
    onWorker<void>(
        DeskSession::Need::Receptionist,
        [entryId, idNumber](SiteRecords& records, const QString& actor) -> Result<void> {
            if (entryId)
                return records.service().checkOutEntryByHand(entryId, actor);
            // At another door: the exit is recorded here and sent to the central store.
            const Result<Entry> left = records.service().checkOutPersonByHand(idNumber, actor);
            if (!left)
                return left.error();
            return {};
        },
        [this, done = std::move(done)](const Result<void>& left) {
            if (left)
                emit recorded();
            done(left);
        });
}

void LocalDesk::changeSettings(const QList<QPair<Settings::DeskKey, QString>>& values, Answer<SettingsSaved> done)
{
    onWorker<SettingsSaved>(
        DeskSession::Need::Admin,
        [this, values](SiteRecords& records, const QString& actor) -> Result<SettingsSaved> {
            const auto local = withoutProvinces(values);
            if (!local)
                return local.error();
            const auto changes = Settings::change(m_config.settingsPath, local.value());
            if (!changes)
                return changes.error();
            SettingsSaved saved{changes.value(), {}};
            if (saved.changes.isEmpty())
                return saved;
            const Result<void> audited = records.audit().append(
                {m_clock.now(), actor, QStringLiteral("settings"), saved.changes.join(QStringLiteral("; "))});
            if (!audited)
                saved.problem = audited.error().message();
            return saved;
        },
        std::move(done));
}

Result<QList<QPair<Settings::DeskKey, QString>>>
LocalDesk::withoutProvinces(const QList<QPair<Settings::DeskKey, QString>>& values) const
{
    // What the province shares and has set wins over the INI at every start and sync (issue 26;
    // common/Settings.cpp): a different value written here would never be used, so it is refused
    // with who sets it; the same value, or the INI's own, is left out of the file.
    const auto central = SharedSettingsStore::read(m_config.databasePath);
    if (!central)
        return central.error();
    if (!central->has_value())
        return values;
    const Result<Settings> ini = Settings::locate(m_config.settingsPath);
    QList<QPair<Settings::DeskKey, QString>> local;
    for (const auto& [key, value] : values) {
        const auto set = central->value().forIniKey(Settings::iniKey(key));
        if (!set) {
            local.append({key, value});
            continue;
        }
        if (value == set->value || (ini && value == ini->value(key)))
            continue;
        return Error(Error::Kind::Usage,
                     tr("%1 is set for this kiosk by the central store (%2: %3); change it there, in the province's "
                        "console or with gatehouse-cli central settings.")
                         .arg(Settings::iniKey(key), set->source, set->value));
    }
    return local;
}

void LocalDesk::calibrate(const QString& adapter, std::function<void(int secondsLeft, qint64 adverts)> progress,
                          Answer<RssiCalibration::Proposal> done)
{
    if (const Result<QString> allowed = allow(DeskSession::Need::Admin); !allowed)
        return answerNow<RssiCalibration::Proposal>(allowed.error(), std::move(done));
    if (QBluetoothLocalDevice::allDevices().isEmpty()) {
        return answerNow<RssiCalibration::Proposal>(
            Error(Error::Kind::Device, tr("This computer has no Bluetooth adapter: calibrate at the kiosk itself "
                                          "(gatehouse-cli calibrate --live).")),
            std::move(done));
    }
    // The site's own app profiles, as the kiosk at the door uses them.
    auto profiles = AppProfileTable::load(m_config.settingsPath);
    if (!profiles)
        return answerNow<RssiCalibration::Proposal>(profiles.error(), std::move(done));
    // Event-driven (Qt Bluetooth's agent), so it runs here rather than on the worker, which it
    // would not hold anyway.
    started();
    auto* session = new CalibrationSession(std::make_unique<QtBluetoothSource>(QBluetoothAddress(adapter), m_liveClock),
                                           profiles.value(), 20, CalibrationSession::Timing::Live, this);
    connect(session, &CalibrationSession::progress, this, std::move(progress));
    connect(session, &CalibrationSession::finished, this, [this, session, done = std::move(done)] {
        session->deleteLater();
        finished();
        done(session->outcome());
    });
    session->start();
}

void LocalDesk::accounts(Answer<QList<Accounts::Account>> done)
{
    onWorker<QList<Accounts::Account>>(
        DeskSession::Need::Admin, [](SiteRecords& records, const QString&) { return records.accounts().all(); },
        std::move(done));
}

void LocalDesk::addAccount(const QString& name, Accounts::Role role, const QString& pin, Answer<void> done)
{
    onWorker<void>(
        DeskSession::Need::Admin,
        [name, role, pin](SiteRecords& records, const QString& actor) {
            return records.accounts().add(name, role, pin, actor);
        },
        [this, done = std::move(done)](const Result<void>& added) {
            if (added)
                emit accountsChanged();
            done(added);
        });
}

void LocalDesk::removeAccount(const QString& name, Answer<void> done)
{
    onWorker<void>(
        DeskSession::Need::Admin,
        [name](SiteRecords& records, const QString& actor) { return records.accounts().remove(name, actor); },
        [this, done = std::move(done)](const Result<void>& removed) {
            if (removed)
                emit accountsChanged();
            done(removed);
        });
}

void LocalDesk::setPin(const QString& name, const QString& pin, Answer<void> done)
{
    onWorker<void>(
        DeskSession::Need::Admin,
        [name, pin](SiteRecords& records, const QString& actor) { return records.accounts().setPin(name, pin, actor); },
        [this, done = std::move(done)](const Result<void>& changed) {
            if (changed)
                emit accountsChanged();
            done(changed);
        });
}

void LocalDesk::signInNames(Answer<QStringList> done)
{
    onWorkerUnchecked<QStringList>(
        [](SiteRecords& records) -> Result<QStringList> {
            const auto accounts = records.accounts().all();
            if (!accounts)
                return accounts.error();
            QStringList names;
            for (const Accounts::Account& account : accounts.value())
                names.append(account.name);
            return names;
        },
        std::move(done));
}

void LocalDesk::auditLog(int newest, Answer<QList<AuditLog::Record>> done)
{
    onWorker<QList<AuditLog::Record>>(
        DeskSession::Need::Admin,
        [newest](SiteRecords& records, const QString&) { return records.audit().latest(newest); }, std::move(done));
}
