#include "PeerCredentials.h"

#include <QList>

#include <grp.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

std::optional<PeerCredentials> PeerCredentials::of(qintptr socketDescriptor)
{
    ucred peer{};
    socklen_t size = sizeof(peer);
    if (getsockopt(int(socketDescriptor), SOL_SOCKET, SO_PEERCRED, &peer, &size) != 0 || size != sizeof(peer))
        return std::nullopt;
    return PeerCredentials{peer.pid, peer.uid, peer.gid};
}

bool PeerCredentials::isMemberOf(const QString& group) const
{
    const QByteArray name = group.toLocal8Bit();
    const struct group* entry = getgrnam(name.constData());
    if (!entry)
        return false;
    const gid_t wanted = entry->gr_gid;
    if (gid == wanted)
        return true;
    const passwd* account = getpwuid(uid);
    if (!account)
        return false;
    const QByteArray login(account->pw_name);
    int count = 64;
    QList<gid_t> groups(count);
    // getgrouplist says how many it needs when the list is too short.
    if (getgrouplist(login.constData(), account->pw_gid, groups.data(), &count) < 0) {
        groups.resize(count);
        if (getgrouplist(login.constData(), account->pw_gid, groups.data(), &count) < 0)
            return false;
    }
    groups.resize(count);
    return groups.contains(wanted);
}

QString PeerCredentials::accountName() const
{
    const passwd* account = getpwuid(uid);
    return account ? QString::fromLocal8Bit(account->pw_name) : QString::number(uid);
}
