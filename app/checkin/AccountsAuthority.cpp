// Who may manage the accounts from the command line.
#include "checkin/AccountsAuthority.h"

#include "checkin/PinCheck.h"
#include "common/FilePrivacy.h"

Result<QString> AccountsAuthority::actor(PinCheck& pins, const QString& databasePath, uint caller,
                                         const QString& adminName, const std::function<Result<QString>()>& readPin)
{
    if (FilePrivacy::ownedBy(databasePath, caller))
        return QStringLiteral("cli");
    if (adminName.simplified().isEmpty())
        return Error(Error::Kind::Usage,
                     tr("Only the account that owns the entry log (%1) or root manages the accounts. Anyone else "
                        "names an administrator with --admin NAME and types that administrator's PIN.")
                         .arg(FilePrivacy::ownerName(databasePath)));
    const Result<QString> pin = readPin();
    if (!pin)
        return pin.error();
    const auto administrator = pins.verifyAdmin(adminName.simplified(), pin.value(), QStringLiteral("cli"));
    if (!administrator)
        return administrator.error();
    return administrator->name;
}
