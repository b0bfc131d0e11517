#include "DeskConnection.h"

#include "common/Logging.h"
#include "records/InsideWatch.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QScopedValueRollback>
#include <QSslSocket>
#include <QTemporaryDir>

namespace {
// How often the idle lock is looked at; it locks by the session's clock.
constexpr int IDLE_CHECK_MS = 1000;

template <typename T>
void writeResult(QDataStream& out, const Result<T>& result)
{
    out << result.ok();
    if (result)
        out << result.value();
    else
        out << result.error();
}

void writeResult(QDataStream& out, const Result<void>& result)
{
    out << result.ok();
    if (!result)
        out << result.error();
}
} // namespace

DeskConnection::DeskConnection(QIODevice* socket, const Desk::Config& config, const Clock& clock, QObject* parent)
    : QObject(parent), m_socket(socket), m_desk(std::make_unique<LocalDesk>(config, clock))
{
    m_socket->setParent(this);
    connect(m_socket, &QIODevice::readyRead, this, &DeskConnection::readFrames);
    connect(m_socket, &QIODevice::bytesWritten, this, &DeskConnection::pump);
    if (auto* local = qobject_cast<QLocalSocket*>(m_socket))
        connect(local, &QLocalSocket::disconnected, this, &DeskConnection::closed);
    else if (auto* network = qobject_cast<QAbstractSocket*>(m_socket))
        connect(network, &QAbstractSocket::disconnected, this, &DeskConnection::closed);
    // By TLS, room in the socket comes as the encrypted bytes leave.
    if (auto* tls = qobject_cast<QSslSocket*>(m_socket))
        connect(tls, &QSslSocket::encryptedBytesWritten, this, &DeskConnection::pump);
    if (const Result<void> opened = m_desk->open(); !opened) {
        tell(QStringLiteral("unusable"), [&opened](QDataStream& out) { out << opened.error(); });
        // Once the server listens to closed(): it learns of this connection's end like any other's.
        QMetaObject::invokeMethod(this, &DeskConnection::hangUp, Qt::QueuedConnection);
        return;
    }
    connect(&m_desk->session(), &DeskSession::locked, this,
            [this](const QString& why) { tell(QStringLiteral("locked"), [&why](QDataStream& out) { out << why; }); });
    connect(m_desk.get(), &Desk::recorded, this, [this] { tell(QStringLiteral("recorded")); });
    connect(m_desk.get(), &Desk::accountsChanged, this, [this] { tell(QStringLiteral("accountsChanged")); });
    // Who is inside, and the day's figures, only to a signed-in console: names are not shown to
    // whoever opens the socket. A new session hears them at once.
    InsideWatch& inside = m_desk->insideWatch();
    connect(&inside, &InsideWatch::changed, this, [this](const CheckInService::SitePresence& presence) {
        if (!m_desk->session().isLocked())
            tell(QStringLiteral("inside"), [&presence](QDataStream& out) { out << presence; });
    });
    connect(&inside, &InsideWatch::dayChanged, this, [this](const DaySummary& day) {
        if (!m_desk->session().isLocked())
            tell(QStringLiteral("day"), [&day](QDataStream& out) { out << day; });
    });
    connect(&inside, &InsideWatch::problem, this, [this](const QString& sentence) {
        if (!m_desk->session().isLocked())
            tell(QStringLiteral("insideProblem"), [&sentence](QDataStream& out) { out << sentence; });
    });
    connect(&m_desk->session(), &DeskSession::unlocked, &inside, &InsideWatch::refresh);
    inside.start();
    m_idle.setInterval(IDLE_CHECK_MS);
    connect(&m_idle, &QTimer::timeout, this, [this] { (void)m_desk->session().tick(); });
    m_idle.start();
    readFrames(); // what arrived before the Desk was ready
}

void DeskConnection::readFrames()
{
    m_frames.feed(m_socket->readAll());
    while (const std::optional<QByteArray> body = m_frames.next()) {
        QDataStream in(*body);
        DeskWire::use(in);
        quint64 id = 0;
        QString verb;
        in >> id >> verb;
        if (in.status() != QDataStream::Ok || id == 0) {
            m_frames = {};
            hangUp(); // not one of our consoles
            return;
        }
        serve(id, verb, in);
    }
    if (m_frames.broken())
        hangUp();
}

void DeskConnection::hangUp()
{
    // What was written still goes first (both kinds wait for it before closing).
    if (auto* local = qobject_cast<QLocalSocket*>(m_socket))
        local->disconnectFromServer();
    else if (auto* network = qobject_cast<QAbstractSocket*>(m_socket))
        network->disconnectFromHost();
}

bool DeskConnection::isConnected() const
{
    if (auto* local = qobject_cast<QLocalSocket*>(m_socket))
        return local->state() == QLocalSocket::ConnectedState;
    if (auto* network = qobject_cast<QAbstractSocket*>(m_socket))
        return network->state() == QAbstractSocket::ConnectedState;
    return false;
}

bool DeskConnection::send(const QByteArray& body)
{
    if (body.size() > qsizetype(DeskWire::MAX_FRAME))
        return false;
    if (isConnected())
        m_socket->write(DeskWire::frame(body));
    return true;
}

void DeskConnection::tell(const QString& verb, const std::function<void(QDataStream&)>& write)
{
    QByteArray body;
    QDataStream out(&body, QIODevice::WriteOnly);
    DeskWire::use(out);
    out << quint64(0) << verb;
    if (write)
        write(out);
    // Said rather than sent (who is inside, of a site with tens of thousands open): the console
    // would take a frame that long for a stranger's and hang up.
    if (!send(body))
        qCWarning(lcUi).noquote() << QStringLiteral("The reception desk's %1 is too long to tell a console (%2 bytes)")
                                         .arg(verb)
                                         .arg(body.size());
}

template <typename T>
Desk::Answer<T> DeskConnection::answer(quint64 id)
{
    return [connection = QPointer<DeskConnection>(this), id](const Result<T>& result) {
        if (!connection)
            return;
        QByteArray body;
        QDataStream out(&body, QIODevice::WriteOnly);
        DeskWire::use(out);
        out << id << DeskWire::Part::Answer;
        writeResult(out, result);
        if (!connection->send(body)) {
            connection->answerNow(
                id,
                Error(Error::Kind::Failed, tr("The kiosk's answer is too long for the console (%1 MB): ask for less at "
                                              "a time.")
                                               .arg(body.size() / (1024 * 1024))));
        }
    };
}

void DeskConnection::answerNow(quint64 id, const Error& error)
{
    answer<void>(id)(Result<void>(error));
}

qint64 DeskConnection::queued() const
{
    // A QSslSocket's bytesToWrite() counts only what it has not encrypted yet; what it has waits in
    // its TCP socket's buffer, which has no bound (seen in BenchDesk: a million-row workbook
    // queued whole, and the console's thread busy for a second reading it).
    qint64 bytes = m_socket->bytesToWrite();
    if (const auto* tls = qobject_cast<const QSslSocket*>(m_socket))
        bytes += tls->encryptedBytesToWrite();
    return bytes;
}

void DeskConnection::pump()
{
    // Not again from within its own write: the socket may say bytesWritten there, and a frame
    // written in the middle of another would break both.
    if (m_pumping)
        return;
    const QScopedValueRollback pumping(m_pumping, true);
    while (!m_outgoing.empty() && queued() < QUEUED_AT_MOST) {
        Outgoing& out = m_outgoing.front();
        const auto done = [this](bool sent) {
            const std::function<void(bool)> finish = std::move(m_outgoing.front().finish);
            m_outgoing.pop_front();
            finish(sent);
        };
        if (out.names.isEmpty()) {
            done(true);
            continue;
        }
        if (!out.file) {
            out.file = std::make_unique<QFile>(out.folder->filePath(out.names.first()));
            if (!out.file->open(QIODevice::ReadOnly)) {
                done(false);
                continue;
            }
        }
        // At least one piece for each file, so that an empty file arrives too.
        const QByteArray piece = out.file->read(DeskWire::FILE_PIECE);
        if (out.file->error() != QFileDevice::NoError) {
            done(false);
            continue;
        }
        QByteArray body;
        QDataStream stream(&body, QIODevice::WriteOnly);
        DeskWire::use(stream);
        stream << out.id << DeskWire::Part::Piece << out.names.first() << piece;
        send(body);
        if (out.file->atEnd()) {
            out.file.reset();
            out.names.removeFirst();
        }
    }
}

template <typename T, typename Rename>
void DeskConnection::handOver(quint64 id, std::shared_ptr<QTemporaryDir> folder, const QString& first, Result<T> result,
                              Rename rename)
{
    if (!result)
        return answer<T>(id)(result);
    // The file first, then what was written beside it (its manifest and signature): the folder
    // holds nothing else.
    QStringList names = QDir(folder->path()).entryList(QDir::Files, QDir::Name);
    if (names.removeOne(first))
        names.prepend(first);
    Outgoing outgoing;
    outgoing.id = id;
    outgoing.folder = std::move(folder);
    outgoing.names = names;
    outgoing.finish = [connection = QPointer<DeskConnection>(this), id, result, rename](bool sent) mutable {
        if (!connection)
            return;
        if (!sent) {
            return connection->answerNow(
                id, Error(Error::Kind::Failed, tr("The kiosk wrote the file but could not read it back to send it.")));
        }
        if constexpr (!std::is_void_v<T>)
            rename(result.value());
        connection->answer<T>(id)(result);
    };
    m_outgoing.push_back(std::move(outgoing));
    pump();
}

std::shared_ptr<QTemporaryDir> DeskConnection::privateFolder(quint64 id)
{
    // Private to the kiosk's account (its umask), and gone once the file is sent.
    auto folder = std::make_shared<QTemporaryDir>();
    if (folder->isValid())
        return folder;
    answerNow(id, Error(Error::Kind::Failed, tr("The kiosk has no room to write the file: nothing was written.")));
    return nullptr;
}

template <typename T>
void DeskConnection::officialFile(quint64 id, Desk::FileAsk ask,
                                  const std::function<void(const Desk::FileAsk&, Desk::Answer<T>)>& run,
                                  const std::function<OfficialFile::Handed&(T&)>& handedOf)
{
    const QString name = QFileInfo(ask.path).fileName();
    if (name.isEmpty())
        return answerNow(id, Error(Error::Kind::Usage, tr("The file needs a name.")));
    const auto folder = privateFolder(id);
    if (!folder)
        return;
    ask.deliveredAs = ask.path;
    ask.path = folder->filePath(name);
    run(ask, [connection = QPointer<DeskConnection>(this), id, folder, name, handedOf](const Result<T>& result) {
        if (connection) {
            connection->handOver<T>(id, folder, name, result, [handedOf](T& made) {
                OfficialFile::Handed& handed = handedOf(made);
                if (!handed.manifest.isEmpty()) // beside the file, where the console writes it
                    handed.manifest = QFileInfo(handed.manifest).fileName();
            });
        }
    });
}

void DeskConnection::serve(quint64 id, const QString& verb, QDataStream& in)
{
    const auto malformed = [&in] { return in.status() != QDataStream::Ok; };
    const Error badRequest(Error::Kind::Usage, tr("The console sent a request the kiosk cannot read."));
    DeskSession& session = m_desk->session();
    if (verb == QLatin1String("names")) {
        m_desk->signInNames(answer<QStringList>(id));
    } else if (verb == QLatin1String("unlock")) {
        QString name;
        QString pin;
        in >> name >> pin;
        if (malformed())
            return answerNow(id, badRequest);
        answer<Accounts::Account>(id)(session.unlock(name, pin));
    } else if (verb == QLatin1String("lock")) {
        QString why;
        in >> why;
        if (malformed())
            return answerNow(id, badRequest);
        answer<void>(id)(session.lock(why));
    } else if (verb == QLatin1String("touched")) {
        session.touched();
        answer<void>(id)(Result<void>());
    } else if (verb == QLatin1String("present")) {
        m_desk->presentAtSite(answer<CheckInService::SitePresence>(id));
    } else if (verb == QLatin1String("checkIn")) {
        CheckInService::Request request;
        in >> request;
        if (malformed())
            return answerNow(id, badRequest);
        request.atKiosk = false; // a desk's check-in, whatever the console says
        m_desk->checkIn(request, answer<CheckInService::Outcome>(id));
    } else if (verb == QLatin1String("checkOut")) {
        qint64 entryId = 0;
        QString idNumber;
        in >> entryId >> idNumber;
        if (malformed())
            return answerNow(id, badRequest);
        m_desk->checkOutByHand(entryId, idNumber, answer<void>(id));
    } else if (verb == QLatin1String("accounts")) {
        m_desk->accounts(answer<QList<Accounts::Account>>(id));
    } else if (verb == QLatin1String("addAccount")) {
        QString name;
        Accounts::Role role = Accounts::Role::Receptionist;
        QString pin;
        in >> name >> role >> pin;
        if (malformed())
            return answerNow(id, badRequest);
        m_desk->addAccount(name, role, pin, answer<void>(id));
    } else if (verb == QLatin1String("removeAccount")) {
        QString name;
        in >> name;
        if (malformed())
            return answerNow(id, badRequest);
        m_desk->removeAccount(name, answer<void>(id));
    } else if (verb == QLatin1String("setPin")) {
        QString name;
        QString pin;
        in >> name >> pin;
        if (malformed())
            return answerNow(id, badRequest);
        m_desk->setPin(name, pin, answer<void>(id));
    } else if (verb == QLatin1String("export") || verb == QLatin1String("trace") || verb == QLatin1String("report")) {
        Desk::FileAsk ask;
        QString idNumber;
        in >> ask.path >> ask.from >> ask.to >> ask.language;
        if (verb == QLatin1String("trace"))
            in >> idNumber;
        if (malformed())
            return answerNow(id, badRequest);
        LocalDesk* desk = m_desk.get();
        const auto handed = [](OfficialFile::Handed& file) -> OfficialFile::Handed& { return file; };
        if (verb == QLatin1String("export")) {
            officialFile<OfficialFile::Handed>(
                id, ask, [desk](const Desk::FileAsk& file, auto done) { desk->exportEntries(file, std::move(done)); },
                handed);
        } else if (verb == QLatin1String("trace")) {
            officialFile<OfficialFile::Handed>(
                id, ask,
                [desk, idNumber](const Desk::FileAsk& file, auto done) {
                    desk->traceCase(file, idNumber, std::move(done));
                },
                handed);
        } else {
            officialFile<ReportRequest::Made>(
                id, ask, [desk](const Desk::FileAsk& file, auto done) { desk->adoptionReport(file, std::move(done)); },
                [](ReportRequest::Made& made) -> OfficialFile::Handed& { return made.file; });
        }
    } else if (verb == QLatin1String("poster")) {
        QString path;
        in >> path;
        const QString name = QFileInfo(path).fileName();
        if (malformed() || name.isEmpty())
            return answerNow(id, badRequest);
        const auto folder = privateFolder(id);
        if (!folder)
            return;
        m_desk->writePoster(folder->filePath(name), [connection = QPointer<DeskConnection>(this), id, folder,
                                                     name](const Result<void>& written) {
            if (connection)
                connection->handOver<void>(id, folder, name, written, nullptr);
        });
    } else if (verb == QLatin1String("rollCall")) {
        // Into the console's own folder ([console] roll_call_folder of its configuration).
        QString consolesFolder;
        in >> consolesFolder;
        if (malformed())
            return answerNow(id, badRequest);
        const auto folder = privateFolder(id);
        if (!folder)
            return;
        m_desk->rollCallInto(folder->path(), consolesFolder,
                             [connection = QPointer<DeskConnection>(this), id, folder,
                              consolesFolder](const Result<RollCallRequest::Made>& made) {
                                 if (!connection)
                                     return;
                                 const QString name = made ? QFileInfo(made->path).fileName() : QString();
                                 connection->handOver<RollCallRequest::Made>(
                                     id, folder, name, made, [consolesFolder, name](RollCallRequest::Made& call) {
                                         call.path = QDir(consolesFolder).filePath(name);
                                     });
                             });
    } else if (verb == QLatin1String("roster")) {
        // The console's CSV, brought here whole (a roster is small beside a frame).
        QString name;
        QByteArray csv;
        in >> name >> csv;
        name = QFileInfo(name).fileName();
        if (malformed() || name.isEmpty())
            return answerNow(id, badRequest);
        // Nothing of a roster is written here for a session that may not import one.
        if (const Result<void> allowed = m_desk->mayAsk(DeskSession::Need::Admin); !allowed)
            return answerNow(id, allowed.error());
        const auto folder = privateFolder(id);
        if (!folder)
            return;
        QFile copy(folder->filePath(name));
        if (!copy.open(QIODevice::WriteOnly) || copy.write(csv) != csv.size() || !copy.flush())
            return answerNow(id, Error(Error::Kind::Failed, tr("The kiosk has no room for the roster: nothing was "
                                                               "imported.")));
        copy.close();
        m_desk->importRoster(copy.fileName(), [connection = QPointer<DeskConnection>(this), id,
                                               folder](const Result<StaffRoster::Import>& done) {
            if (connection)
                connection->answer<StaffRoster::Import>(id)(done);
        });
    } else if (verb == QLatin1String("settings")) {
        // The kiosk's configuration as its file says now (a change applies at its next start).
        if (const Result<void> allowed = m_desk->mayAsk(DeskSession::Need::Admin); !allowed)
            return answerNow(id, allowed.error());
        const Result<Settings> now = Settings::locate(m_desk->settingsPath());
        if (!now)
            return answerNow(id, now.error());
        QList<QPair<Settings::DeskKey, QString>> values;
        for (const Settings::DeskKey key : Settings::deskKeys())
            values.append({key, now->value(key)});
        answer<QList<QPair<Settings::DeskKey, QString>>>(id)(values);
    } else if (verb == QLatin1String("changeSettings")) {
        QList<QPair<Settings::DeskKey, QString>> values;
        in >> values;
        if (malformed())
            return answerNow(id, badRequest);
        m_desk->changeSettings(values, answer<Desk::SettingsSaved>(id));
    } else if (verb == QLatin1String("audit")) {
        int newest = 0;
        in >> newest;
        if (malformed())
            return answerNow(id, badRequest);
        m_desk->auditLog(newest, answer<QList<AuditLog::Record>>(id));
    } else {
        answerNow(id, Error(Error::Kind::Usage, tr("The kiosk does not serve \"%1\" to a console yet: do it at the "
                                                   "kiosk's own console.")
                                                    .arg(verb.left(40))));
    }
}
