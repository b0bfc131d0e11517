#include "DeskServer.h"

#include "desk/DeskConnection.h"

#include <QFile>
#include <QLocalSocket>

namespace {
// A dynamic property of a socket the kiosk's side has refused already.
constexpr const char* REFUSED = "gatehouseRefused";

// The peer's address as people write it (an IPv4 peer of the dual-stack port, not ::ffff:a.b.c.d).
QString peerOf(const QSslSocket& socket)
{
    bool v4 = false;
    const quint32 address = socket.peerAddress().toIPv4Address(&v4);
    return v4 ? QHostAddress(address).toString() : socket.peerAddress().toString();
}
} // namespace

DeskServer::DeskServer(Config config, const Clock& clock, QObject* parent)
    : QObject(parent), m_config(std::move(config)), m_clock(clock)
{
    // Read-write for the socket's owner and group, nobody else (Qt sets the file's mode).
    m_server.setSocketOptions(QLocalServer::UserAccessOption | QLocalServer::GroupAccessOption);
    connect(&m_server, &QLocalServer::newConnection, this, &DeskServer::accept);
    // Not newConnection: a QSslServer's comes as the TCP connection arrives, before its handshake,
    // when there is nothing to take yet (seen here with Qt 6.4.2: the first console was never
    // served); pendingConnectionAvailable (since Qt 6.4) once the socket is encrypted and queued.
    connect(&m_network, &QSslServer::pendingConnectionAvailable, this, &DeskServer::acceptFromNetwork);
    // A computer without a certificate of the site's authority, or with none, is refused in the
    // handshake (OpenSSL's verification with the site's authority only; see listen()): said once,
    // with OpenSSL's reason when it was ours, else with how the handshake failed (the other side
    // gave up on this kiosk's certificate, say).
    connect(&m_network, &QSslServer::handshakeInterruptedOnError, this,
            [this](QSslSocket* socket, const QSslError& error) {
                socket->setProperty(REFUSED, true);
                emit refused(tr("the computer at %1 (%2)").arg(peerOf(*socket), error.errorString()));
            });
    connect(&m_network, &QSslServer::errorOccurred, this,
            [this](QSslSocket* socket, QAbstractSocket::SocketError error) {
                if (error == QAbstractSocket::SslHandshakeFailedError && !socket->property(REFUSED).toBool())
                    emit refused(tr("the computer at %1 (%2)").arg(peerOf(*socket), socket->errorString()));
            });
}

Result<void> DeskServer::listen()
{
    QLocalServer::removeServer(m_config.socketPath); // a socket left by a kiosk that died
    if (!m_server.listen(m_config.socketPath)) {
        return Error(Error::Kind::Failed,
                     tr("The kiosk cannot open the reception desk's socket %1 (%2): the console cannot reach it.")
                         .arg(m_config.socketPath, m_server.errorString()));
    }
    if (m_config.network) {
        QSslConfiguration tls = m_config.network->tls;
        // Refused in the handshake with a TLS alert the console can name ("certificate required",
        // "unknown ca"), not a silent close after it (Qt's QSslConfiguration documentation for
        // both options: OpenSSL, TLS 1.3).
        tls.setHandshakeMustInterruptOnError(true);
        tls.setMissingCertificateIsFatal(true);
        m_network.setSslConfiguration(tls);
        if (!m_network.listen(m_config.network->address, m_config.network->port)) {
            return Error(Error::Kind::Failed,
                         tr("The kiosk cannot serve the reception desk on port %1 (%2): the desk computers cannot "
                            "reach it.")
                             .arg(m_config.network->port)
                             .arg(m_network.errorString()));
        }
    }
    return {};
}

bool DeskServer::mayConnect(const PeerCredentials& peer, uint owner, const QString& group)
{
    return peer.uid == 0 || peer.uid == owner || (!group.isEmpty() && peer.isMemberOf(group));
}

void DeskServer::accept()
{
    while (QLocalSocket* socket = m_server.nextPendingConnection()) {
        const std::optional<PeerCredentials> peer = PeerCredentials::of(socket->socketDescriptor());
        if (!peer || !mayConnect(*peer, m_config.owner, m_config.group)) {
            const QString who = peer ? peer->accountName() : tr("someone unknown");
            emit refused(who);
            QByteArray body;
            QDataStream out(&body, QIODevice::WriteOnly);
            DeskWire::use(out);
            out << quint64(0) << QStringLiteral("refused")
                << Error(Error::Kind::Input,
                         tr("The account %1 may not use the reception desk: ask the site's administrator to add it "
                            "to the group %2.")
                             .arg(who, m_config.group));
            socket->write(DeskWire::frame(body));
            socket->disconnectFromServer();
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            continue;
        }
        serve(socket);
    }
}

void DeskServer::acceptFromNetwork()
{
    while (QTcpSocket* next = m_network.nextPendingConnection()) {
        // Encrypted, the console's certificate verified: the desk's own lock and roles do the rest.
        serve(next);
    }
}

void DeskServer::serve(QIODevice* socket)
{
    ++m_connections;
    auto* connection = new DeskConnection(socket, m_config.desk, m_clock, this);
    connect(connection, &DeskConnection::closed, this, [this, connection] {
        --m_connections;
        connection->deleteLater();
    });
}
