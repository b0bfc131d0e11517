// The reception desk served by the kiosk's own process (issue 24): a Unix socket that a console on
// the same computer connects to, so that the entry log can have one owner, the kiosk's account,
// and the console reaches the data only through the Desk, where the signed-in account's role is
// checked for every request (desk/DeskConnection.h).
//
// Who may connect is decided by the kernel's word, not the peer's (common/PeerCredentials.h): the
// log's owner, root, and members of the desk's group. Anyone else is told so and let go before a
// request of theirs is read; the socket file itself is read-write for owner and group only. Each
// connection has its own Desk and session: one console's unlock is not another's.
#pragma once

#include "common/PeerCredentials.h"
#include "common/Result.h"
#include "desk/Desk.h"

#include <QCoreApplication>
#include <QLocalServer>
#include <QObject>

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
    };

    DeskServer(Config config, const Clock& clock, QObject* parent = nullptr);

    // Listens at the socket's path (a stale socket there is replaced), owner and group only.
    [[nodiscard]] Result<void> listen();
    // Consoles connected now.
    int connections() const { return m_connections; }

    // Whether peer may use the desk: root, the owner, or a member of group.
    static bool mayConnect(const PeerCredentials& peer, uint owner, const QString& group);

signals:
    // A peer was turned away (for the log): who they were.
    void refused(const QString& account);

private:
    void accept();

    const Config m_config;
    const Clock& m_clock;
    QLocalServer m_server;
    int m_connections = 0;
};
