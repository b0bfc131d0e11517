#include "DeskLink.h"

#include <QDir>
#include <QFileInfo>

DeskLink::DeskLink(QObject* parent) : QObject(parent)
{
    connect(&m_socket, &QLocalSocket::readyRead, this, &DeskLink::readFrames);
    connect(&m_socket, &QLocalSocket::disconnected, this, [this] {
        lost(m_refusal.isEmpty() ? tr("The kiosk closed the reception desk's connection: is Gatehouse still running "
                                      "on this computer?")
                                 : m_refusal);
    });
}

DeskLink::~DeskLink()
{
    // Files of requests still waiting are dropped, never left half written.
    m_waiting.clear();
}

Result<void> DeskLink::connectTo(const QString& socketPath, int timeoutMs)
{
    m_socket.connectToServer(socketPath);
    if (m_socket.waitForConnected(timeoutMs))
        return {};
    const QString why =
        m_socket.error() == QLocalSocket::SocketAccessError
            ? tr("This account may not use the reception desk at %1: ask the site's administrator to add it to the "
                 "kiosk's group.")
                  .arg(socketPath)
            : tr("The kiosk does not answer at %1 (%2): start Gatehouse on this computer (systemctl start "
                 "gatehouse-kiosk).")
                  .arg(socketPath, m_socket.errorString());
    return Error(Error::Kind::Device, why);
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
    m_socket.write(DeskWire::frame(body));
    return id;
}

void DeskLink::readFrames()
{
    m_frames.feed(m_socket.readAll());
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
    if (m_frames.broken())
        m_socket.abort();
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
    const QHash<quint64, Waiting> waiting = std::exchange(m_waiting, {});
    for (const Waiting& each : waiting)
        each.failed(Error(Error::Kind::Device, why));
    emit closed(why);
}
