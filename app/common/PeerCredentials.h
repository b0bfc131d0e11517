// Who is at the other end of a Unix socket, as the kernel saw them connect (SO_PEERCRED, socket(7)):
// not what they say, what they are. The reception desk's socket (issue 24) lets in only the entry
// log's owner (the kiosk's account), root and members of the desk's group; everyone else is turned
// away before a byte of theirs is read.
#pragma once

#include <QString>

#include <optional>

struct PeerCredentials
{
    qint64 pid = 0;
    uint uid = 0;
    uint gid = 0;

    // The credentials of the peer connected to the Unix socket socketDescriptor; none when it is
    // not one (or the kernel will not say).
    static std::optional<PeerCredentials> of(qintptr socketDescriptor);

    // Whether the peer's account is in group, as its primary group or one of its others
    // (getgrouplist(3) of the account's name: what a new login of it would have). False for a group
    // or account the machine does not know.
    bool isMemberOf(const QString& group) const;
    // The peer's account name (its uid when it has none).
    QString accountName() const;
};
