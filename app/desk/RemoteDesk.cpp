// The reception desk the kiosk's process serves, asked over its socket or by TLS.
#include "desk/RemoteDesk.h"

#include "desk/DeskWire.h"

#include <QFile>
#include <QFileInfo>
#include <QPointer>

RemoteDesk::RemoteDesk(Config config, const Clock& clock, QObject* parent) : Desk(std::move(config), clock, parent)
{
    m_retry.setInterval(RetryMs);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, [this] { reach(m_where); });
}

RemoteDesk::~RemoteDesk()
{
    // Its socket closes as it goes: that is no kiosk lost.
    if (m_link)
        m_link->disconnect(this);
}

void RemoteDesk::reach(const DeskLink::Where& where)
{
    m_where = where;
    m_link = std::make_unique<DeskLink>();
    connect(m_link.get(), &DeskLink::opened, this, [this] { emit reachable(true, QString()); });
    connect(m_link.get(), &DeskLink::told, this, &RemoteDesk::told);
    connect(m_link.get(), &DeskLink::closed, this, &RemoteDesk::lost);
    m_link->open(where); // this computer's socket answers before this returns
}

void RemoteDesk::lost(const QString& why)
{
    // The link's own signal is still being emitted: it goes after.
    if (m_link)
        m_link.release()->deleteLater();
    signedOut(QStringLiteral("kiosk_gone"));
    emit reachable(false, why);
    m_retry.start();
}

void RemoteDesk::signedOut(const QString& why)
{
    if (!m_account)
        return;
    m_account.reset();
    emit locked(why);
}

template <typename T>
void RemoteDesk::ask(const QString& verb, const DeskLink::Arguments& args, Answer<T> done, const QString& filesTo)
{
    if (!isConnected()) {
        return answerNow<T>(
            Error(Error::Kind::Device, m_where.overNetwork()
                                           ? tr("The console is not connected to the kiosk at %1.").arg(m_where.name())
                                           : tr("The console is not connected to the kiosk: is "
                                                "Gatehouse running on this computer?")),
            std::move(done));
    }
    started();
    m_link->ask<T>(
        verb, args,
        [desk = QPointer<RemoteDesk>(this), done = std::move(done)](const Result<T>& result) {
            if (desk)
                desk->finished();
            done(result);
        },
        filesTo);
}

void RemoteDesk::told(const QString& verb, const QByteArray& rest)
{
    QDataStream in(rest);
    DeskWire::use(in);
    if (verb == QLatin1String("locked")) {
        QString why;
        in >> why;
        signedOut(why);
    } else if (verb == QLatin1String("recorded")) {
        emit recorded();
    } else if (verb == QLatin1String("accountsChanged")) {
        emit accountsChanged();
    } else if (verb == QLatin1String("inside")) {
        CheckInService::SitePresence presence;
        in >> presence;
        if (in.status() == QDataStream::Ok && m_account)
            emit insideChanged(presence);
    } else if (verb == QLatin1String("day")) {
        DaySummary day;
        in >> day;
        if (in.status() == QDataStream::Ok && m_account)
            emit dayChanged(day);
    } else if (verb == QLatin1String("insideProblem")) {
        QString sentence;
        in >> sentence;
        emit insideProblem(sentence);
    }
    // "refused" and "unusable": the link closes with their sentence (lost()).
}

void RemoteDesk::unlock(const QString& name, const QString& pin, Answer<Accounts::Account> done)
{
    ask<Accounts::Account>(
        QStringLiteral("unlock"), [name, pin](QDataStream& out) { out << name << pin; },
        [desk = QPointer<RemoteDesk>(this), done = std::move(done)](const Result<Accounts::Account>& account) {
            if (desk && account) {
                desk->m_account = account.value();
                desk->m_touchToldMs = desk->m_clock.monotonicMs();
                emit desk->unlocked(account.value());
            }
            done(account);
        });
}

void RemoteDesk::lock(const QString& why, Answer<void> done)
{
    if (!m_account)
        return done(Result<void>());
    signedOut(why); // now, before the kiosk's side hears it
    ask<void>(
        QStringLiteral("lock"), [why](QDataStream& out) { out << why; }, std::move(done));
}

void RemoteDesk::touched()
{
    const qint64 now = m_clock.monotonicMs();
    if (!m_account || !isConnected() || now - m_touchToldMs < TouchEveryMs)
        return;
    m_touchToldMs = now;
    // Not a request anyone waits for: the desk is not busy with it.
    m_link->ask<void>(QStringLiteral("touched"), {}, [](const Result<void>&) {});
}

Result<void> RemoteDesk::closeKiosk()
{
    return Error(Error::Kind::Usage, tr("The kiosk is closed from its own screen."));
}

template <typename T>
void RemoteDesk::officialFile(const QString& verb, const FileAsk& file, const QString& idNumber, Answer<T> done)
{
    // The window, language and role are checked on the kiosk's side (and by the page before it
    // asks where to write).
    ask<T>(
        verb,
        [file, idNumber, trace = verb == QLatin1String("trace")](QDataStream& out) {
            out << file.path << file.from << file.to << file.language;
            if (trace)
                out << idNumber;
        },
        std::move(done), QFileInfo(file.path).absolutePath());
}

void RemoteDesk::exportEntries(const FileAsk& ask, Answer<OfficialFile::Handed> done)
{
    officialFile<OfficialFile::Handed>(QStringLiteral("export"), ask, QString(), std::move(done));
}

void RemoteDesk::traceCase(const FileAsk& ask, const QString& idNumber, Answer<OfficialFile::Handed> done)
{
    officialFile<OfficialFile::Handed>(QStringLiteral("trace"), ask, idNumber, std::move(done));
}

void RemoteDesk::adoptionReport(const FileAsk& ask, Answer<ReportRequest::Made> done)
{
    officialFile<ReportRequest::Made>(QStringLiteral("report"), ask, QString(), std::move(done));
}

void RemoteDesk::writePoster(const QString& path, Answer<void> done)
{
    ask<void>(
        QStringLiteral("poster"), [path](QDataStream& out) { out << path; }, std::move(done),
        QFileInfo(path).absolutePath());
}

void RemoteDesk::importRoster(const QString& path, Answer<StaffRoster::Import> done)
{
    // Read here, with this account's rights, and taken to the kiosk whole (a roster is small).
    QFile roster(path);
    if (!roster.open(QIODevice::ReadOnly) || roster.size() > DeskWire::MAX_FRAME / 2) {
        return answerNow<StaffRoster::Import>(
            Error(Error::Kind::Input, roster.isOpen()
                                          ? tr("The roster %1 is too large to be a staff list.").arg(path)
                                          : tr("The roster %1 cannot be read: %2").arg(path, roster.errorString())),
            std::move(done));
    }
    ask<StaffRoster::Import>(
        QStringLiteral("roster"),
        [name = QFileInfo(path).fileName(), csv = roster.readAll()](QDataStream& out) { out << name << csv; },
        std::move(done));
}

void RemoteDesk::rollCall(Answer<RollCallRequest::Made> done)
{
    // Made by DeskLink when the first piece arrives.
    const QString folder = m_config.rollCallFolder;
    ask<RollCallRequest::Made>(
        QStringLiteral("rollCall"), [folder](QDataStream& out) { out << folder; }, std::move(done), folder);
}

void RemoteDesk::presentAtSite(Answer<CheckInService::SitePresence> done)
{
    ask<CheckInService::SitePresence>(QStringLiteral("present"), {}, std::move(done));
}

void RemoteDesk::checkIn(CheckInService::Request request, Answer<CheckInService::Outcome> done)
{
    ask<CheckInService::Outcome>(
        QStringLiteral("checkIn"), [request](QDataStream& out) { out << request; }, std::move(done));
}

void RemoteDesk::checkOutByHand(qint64 entryId, const QString& idNumber, Answer<void> done)
{
    ask<void>(
        QStringLiteral("checkOut"), [entryId, idNumber](QDataStream& out) { out << entryId << idNumber; },
        std::move(done));
}

void RemoteDesk::changeSettings(const QList<QPair<Settings::DeskKey, QString>>& values, Answer<SettingsSaved> done)
{
    ask<SettingsSaved>(
        QStringLiteral("changeSettings"), [values](QDataStream& out) { out << values; }, std::move(done));
}

void RemoteDesk::calibrate(const QString&, std::function<void(int, qint64)>, Answer<RssiCalibration::Proposal> done)
{
    answerNow<RssiCalibration::Proposal>(Error(Error::Kind::Usage, tr("Calibration listens to the kiosk's own "
                                                                      "adapter: do it at the kiosk (gatehouse-cli "
                                                                      "calibrate --live).")),
                                         std::move(done));
}

void RemoteDesk::accounts(Answer<QList<Accounts::Account>> done)
{
    ask<QList<Accounts::Account>>(QStringLiteral("accounts"), {}, std::move(done));
}

void RemoteDesk::addAccount(const QString& name, Accounts::Role role, const QString& pin, Answer<void> done)
{
    ask<void>(
        QStringLiteral("addAccount"), [name, role, pin](QDataStream& out) { out << name << role << pin; },
        std::move(done));
}

void RemoteDesk::removeAccount(const QString& name, Answer<void> done)
{
    ask<void>(
        QStringLiteral("removeAccount"), [name](QDataStream& out) { out << name; }, std::move(done));
}

void RemoteDesk::setPin(const QString& name, const QString& pin, Answer<void> done)
{
    ask<void>(
        QStringLiteral("setPin"), [name, pin](QDataStream& out) { out << name << pin; }, std::move(done));
}

void RemoteDesk::signInNames(Answer<QStringList> done)
{
    ask<QStringList>(QStringLiteral("names"), {}, std::move(done));
}

void RemoteDesk::auditLog(int newest, Answer<QList<AuditLog::Record>> done)
{
    ask<QList<AuditLog::Record>>(
        QStringLiteral("audit"), [newest](QDataStream& out) { out << newest; }, std::move(done));
}
