#include "DeskLink.h"

#include "crypto/DeskTls.h"

#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QTimer>

QString DeskLink::Where::name() const
{
    return overNetwork() ? QStringLiteral("%1:%2").arg(host).arg(port) : socketPath;
}

Result<DeskLink::Where> DeskLink::Where::of(const Settings& settings, const QDateTime& now)
{
    if (settings.deskKioskHost().isEmpty())
        return Where{settings.deskSocket(), {}, 0, {}};
    const Result<QSslConfiguration> tls = DeskTls::configuration(DeskTls::Files::of(settings), now);
    if (!tls)
        return tls.error();
    return Where{{}, settings.deskKioskHost(), settings.deskKioskPort(), tls.value()};
}

DeskLink::DeskLink(QObject* parent) : QObject(parent) {}

DeskLink::~DeskLink()
{
    // Files of requests still waiting are dropped, never left half written; the socket closes
    // as it goes, which is no kiosk lost.
    m_waiting.clear();
    if (m_socket)
        m_socket->disconnect(this);
}

bool DeskLink::isConnected() const
{
    if (m_closed)
        return false;
    if (auto* local = qobject_cast<QLocalSocket*>(m_socket.get()))
        return local->state() == QLocalSocket::ConnectedState;
    if (auto* network = qobject_cast<QSslSocket*>(m_socket.get()))
        return network->state() == QAbstractSocket::ConnectedState && network->isEncrypted();
    return false;
}

void DeskLink::open(const Where& where)
{
    m_where = where;
    const auto opened = [this] {
        m_opened = true;
        emit this->opened();
    };
    const auto disconnected = [this] {
        if (!m_opened || !m_tlsRefusal.isEmpty()) {
            lost(failure());
            return;
        }
        lost(
            !m_refusal.isEmpty() ? m_refusal
            : m_where.overNetwork()
                ? tr("The kiosk at %1 closed the reception desk's connection: is it on and running Gatehouse?")
                      .arg(m_where.name())
                : tr("The kiosk closed the reception desk's connection: is Gatehouse still running on this computer?"));
    };
    if (!where.overNetwork()) {
        auto* socket = new QLocalSocket;
        m_socket.reset(socket);
        connect(socket, &QLocalSocket::readyRead, this, &DeskLink::readFrames);
        connect(socket, &QLocalSocket::connected, this, opened);
        connect(socket, &QLocalSocket::disconnected, this, disconnected);
        connect(socket, &QLocalSocket::errorOccurred, this, [this, disconnected] {
            if (!m_opened)
                disconnected();
        });
        socket->connectToServer(where.socketPath);
        return;
    }
    auto* socket = new QSslSocket;
    m_socket.reset(socket);
    socket->setSslConfiguration(where.tls);
    connect(socket, &QSslSocket::readyRead, this, &DeskLink::readFrames);
    connect(socket, &QSslSocket::encrypted, this, opened);
    connect(socket, &QSslSocket::disconnected, this, disconnected);
    connect(socket, &QSslSocket::errorOccurred, this, [this, disconnected] {
        if (!m_opened)
            disconnected();
    });
    // TLS 1.3 finishes the console's handshake before the kiosk has judged its certificate: a
    // refusal comes as an alert afterwards, and is what the console then says.
    connect(socket, &QSslSocket::alertReceived, this,
            [this](QSsl::AlertLevel level, QSsl::AlertType, const QString& description) {
                if (level == QSsl::AlertLevel::Fatal)
                    m_tlsRefusal = description;
            });
    socket->connectToHostEncrypted(where.host, quint16(where.port));
    QTimer::singleShot(NETWORK_TIMEOUT_MS, socket, [this, socket] {
        if (m_opened || m_closed)
            return;
        // Said first: the socket aborted then says only "unknown error". Whoever hears it may
        // delete this link, and the socket with it.
        const QPointer<QSslSocket> alive(socket);
        lost(tr("The kiosk at %1 does not answer within %2 seconds: is it on, running Gatehouse, with "
                "console/tls_port set, and is the way to it open?")
                 .arg(m_where.name())
                 .arg(NETWORK_TIMEOUT_MS / 1000));
        if (alive)
            alive->abort();
    });
}

Result<void> DeskLink::connectTo(const Where& where, int timeoutMs)
{
    open(where);
    if (auto* network = qobject_cast<QSslSocket*>(m_socket.get()); network && !m_closed)
        network->waitForEncrypted(timeoutMs);
    else if (auto* local = qobject_cast<QLocalSocket*>(m_socket.get()); local && !m_closed)
        local->waitForConnected(timeoutMs);
    if (isConnected())
        return {};
    return Error(Error::Kind::Device, failure());
}

QString DeskLink::failure() const
{
    if (auto* local = qobject_cast<QLocalSocket*>(m_socket.get())) {
        if (local->error() == QLocalSocket::SocketAccessError)
            return tr("This account may not use the reception desk at %1: ask the site's administrator to add it to "
                      "the kiosk's group.")
                .arg(m_where.socketPath);
        return tr("The kiosk does not answer at %1 (%2): start Gatehouse on this computer (systemctl start "
                  "gatehouse-kiosk).")
            .arg(m_where.socketPath, local->errorString());
    }
    auto* network = qobject_cast<QSslSocket*>(m_socket.get());
    if (!network)
        return tr("The console is not connected to the kiosk.");
    return DeskTls::unreachable(*network, m_where.name(), m_tlsRefusal);
}

quint64 DeskLink::send(const QString& verb, const Arguments& args)
{
    const quint64 id = ++m_asked;
    QByteArray body;
    QDataStream out(&body, QIODevice::WriteOnly);
    DeskWire::use(out);
    out << id << verb;
    if (args)
        args(out);
    m_socket->write(DeskWire::frame(body));
    return id;
}

void DeskLink::readFrames()
{
    m_frames.feed(m_socket->readAll());
    while (const std::optional<QByteArray> body = m_frames.next()) {
        QDataStream in(*body);
        DeskWire::use(in);
        quint64 id = 0;
        in >> id;
        if (id == 0) {
            QString verb;
            in >> verb;
            const QByteArray rest = body->mid(int(in.device()->pos()));
            if (verb == QLatin1String("refused") || verb == QLatin1String("unusable")) {
                Error why;
                in >> why;
                m_refusal = why.message();
            }
            emit told(verb, rest);
            continue;
        }
        auto waiting = m_waiting.find(id);
        if (waiting == m_waiting.end())
            continue; // an answer to nothing asked: ignored
        DeskWire::Part part = DeskWire::Part::Answer;
        in >> part;
        if (part == DeskWire::Part::Piece) {
            piece(*waiting, in);
            continue;
        }
        Waiting done = std::move(*waiting);
        m_waiting.erase(waiting);
        // Whether it was done: the files are kept only then.
        bool ok = false;
        in >> ok;
        bool kept = true;
        for (const auto& file : std::as_const(done.files)) {
            if (ok)
                kept = file->commit() && kept;
            else
                file->cancelWriting();
        }
        if (!kept) {
            done.failed(
                Error(Error::Kind::Failed,
                      tr("The file from the kiosk could not be saved in %1: is the disk full?").arg(done.filesTo)));
            continue;
        }
        done.answered(ok, in);
    }
    if (m_frames.broken()) {
        if (auto* local = qobject_cast<QLocalSocket*>(m_socket.get()))
            local->abort();
        else if (auto* network = qobject_cast<QSslSocket*>(m_socket.get()))
            network->abort();
    }
}

void DeskLink::piece(Waiting& waiting, QDataStream& in)
{
    QString name;
    QByteArray bytes;
    in >> name >> bytes;
    // Only a name, in the folder the console chose: never a path the other side picks.
    name = QFileInfo(name).fileName();
    if (in.status() != QDataStream::Ok || name.isEmpty() || waiting.filesTo.isEmpty())
        return;
    std::shared_ptr<QSaveFile>& file = waiting.files[name];
    if (!file) {
        QDir().mkpath(waiting.filesTo);
        file = std::make_shared<QSaveFile>(QDir(waiting.filesTo).filePath(name));
        if (!file->open(QIODevice::WriteOnly))
            return; // commit() fails and says so when the answer comes
    }
    if (file->isOpen() && file->write(bytes) != bytes.size())
        file->cancelWriting();
}

void DeskLink::lost(const QString& why)
{
    if (std::exchange(m_closed, true))
        return; // an error and then the disconnection: said once
    const QHash<quint64, Waiting> waiting = std::exchange(m_waiting, {});
    for (const Waiting& each : waiting)
        each.failed(Error(Error::Kind::Device, why));
    emit closed(why);
}
