// The reception desk served by the kiosk's own process (issue 24): a Unix socket that a console on
// the same computer connects to, so that the entry log can have one owner, the kiosk's account,
// and the console reaches the data only through the Desk, where the signed-in account's role is
// checked for every request (desk/DeskConnection.h).
//
// Who may connect is decided by the kernel's word, not the peer's (common/PeerCredentials.h): the
// log's owner, root, and members of the desk's group. Anyone else is told so and let go before a
// request of theirs is read; the socket file itself is read-write for owner and group only. Each
// connection has its own Desk and session: one console's unlock is not another's.
//
// A console on a desk computer of the site's network comes by TLS when the site asks for it
// ([console] tls_port): only with a certificate the site's authority signed (crypto/DeskTls.h), the
// handshake done before a byte of the desk is read (QSslServer hands over encrypted sockets only,
// and drops one whose handshake takes longer than a few seconds). It is then served as a console
// of this computer is: locked until a person's PIN opens it, their role checked at every request.
#pragma once

#include "common/PeerCredentials.h"
#include "common/Result.h"
#include "desk/Desk.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QLocalServer>
#include <QObject>
#include <QSslConfiguration>
#include <QSslServer>

#include <optional>

class DeskServer : public QObject
{
    Q_OBJECT

public:
    struct Config
    {
        QString socketPath;
        QString group;  // its members may connect (the package's: FilePrivacy::GROUP)
        uint owner = 0; // the entry log's owner: the kiosk's account (geteuid())
        Desk::Config desk;
        // Consoles of the site's network, by TLS; none when absent.
        struct Network
        {
            QHostAddress address = QHostAddress::Any;
            quint16 port = 0;      // 0: one the system picks (tests)
            QSslConfiguration tls; // DeskTls::configuration()
        };
        std::optional<Network> network;
    };

    DeskServer(Config config, const Clock& clock, QObject* parent = nullptr);

    // Listens at the socket's path (a stale socket there is replaced), owner and group only, and on
    // the network's port when there is one.
    [[nodiscard]] Result<void> listen();
    // The TCP port consoles of the network reach the desk at; 0 when not served there.
    quint16 networkPort() const { return m_network.isListening() ? m_network.serverPort() : 0; }
    // Consoles connected now.
    int connections() const { return m_connections; }

    // Whether peer may use the desk: root, the owner, or a member of group.
    static bool mayConnect(const PeerCredentials& peer, uint owner, const QString& group);

signals:
    // A peer was turned away (for the log): who they were, and why when it came by the network.
    void refused(const QString& who);

private:
    void accept();
    void acceptFromNetwork();
    // A Desk of its own for a console let in.
    void serve(QIODevice* socket);

    const Config m_config;
    const Clock& m_clock;
    QLocalServer m_server;
    QSslServer m_network;
    int m_connections = 0;
};
