// Files that hold personal data or keys are never readable by other users of the machine
// (ARCHITECTURE.md, "Personal data and secrets"; Law 91/2025/QH15 on personal data asks that it be
// protected). Both programs set a umask that gives others and the group nothing at start, and every
// file Gatehouse writes is given owner-only modes explicitly too, whatever umask its caller had (a
// library user, a test). The entry log has one owner, the kiosk's account (issue 24): the console
// of the same machine reaches it through the desk the kiosk serves (desk/DeskServer.h), never by
// opening the file, so no group shares it any more.
#pragma once

#include <QCoreApplication>
#include <QFileDevice>
#include <QString>

class FilePrivacy
{
    Q_DECLARE_TR_FUNCTIONS(FilePrivacy)

public:
    // The group whose members may use the reception desk the kiosk serves (packaging/: created by
    // postinst); it opens no file.
    static constexpr const char* GROUP = "gatehouse";

    // Sets the process's umask to 077. Call it before any file is made.
    static void applyUmask();
    // Owner read and write.
    static QFileDevice::Permissions filePermissions();
    // Gives the file at path filePermissions() (a folder: the same with execute). False when it
    // cannot (the file is not the caller's); true for a path that does not exist.
    [[nodiscard]] static bool restrict(const QString& path);
    // Creates folder (and its parents) when absent; the ones it creates are owner-only. False
    // when it cannot.
    [[nodiscard]] static bool makeFolder(const QString& folder);
    // Whether the account uid (a process's effective one: geteuid()) is root or owns the file at
    // path (for the entry log: the kiosk's own account). True for a path that does not exist yet:
    // whoever creates it will own it.
    static bool ownedBy(const QString& path, uint uid);
    // The name of the account that owns the file at path (its uid when it has no name).
    static QString ownerName(const QString& path);
    // Who besides its owner can reach the file or folder at path (issue 24, for `doctor`): empty
    // when nobody can, else a sentence that names the file, who can open it and its mode. Empty for
    // a path that does not exist.
    static QString exposure(const QString& path);
    // Writes data to path whole or not at all (a temporary name renamed: a key file is never
    // half there), with exactly these permissions. False when it cannot.
    [[nodiscard]] static bool writeWhole(const QString& path, const QByteArray& data,
                                         QFileDevice::Permissions permissions);
};
