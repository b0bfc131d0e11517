// Who may add, remove, list or re-PIN the receptionists' and administrators' accounts from the
// command line (issue 24). The entry log's owner (the kiosk's own account) and root may: they can
// read and write the file anyway. Anyone else, a member of the data's group for one, only by naming
// an administrator and typing that administrator's PIN, checked by PinCheck like every PIN (its
// back-off, locks and audit rows, place "cli"); the change is then audited under that name. Without
// it a member of the group could make themselves administrator with one command.
#pragma once

#include "common/Result.h"

#include <QCoreApplication>

#include <functional>

class PinCheck;

class AccountsAuthority
{
    Q_DECLARE_TR_FUNCTIONS(AccountsAuthority)

public:
    // The actor the change is made and audited under: "cli" for the owner or root, else the
    // administrator's name once their PIN is right. databasePath: the entry log's file; caller:
    // the account that runs the command (geteuid()); adminName: --admin, empty when not given;
    // readPin: asked only when a PIN is needed.
    [[nodiscard]] static Result<QString> actor(PinCheck& pins, const QString& databasePath, uint caller,
                                               const QString& adminName,
                                               const std::function<Result<QString>()>& readPin);
};
