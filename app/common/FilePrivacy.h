// Files that hold personal data or keys are never readable by other users of the machine
// (ARCHITECTURE.md, "Personal data and secrets"; Law 91/2025/QH15 on personal data asks that it be
// protected). Both programs set a umask that gives others nothing at start: 077, or 007 where the
// data folder belongs to the package's `gatehouse` group, so that the reception console of the same
// machine (run by a member of that group) can open the log. And every file Gatehouse writes is
// given those modes explicitly too, whatever umask its caller had (a library user, a test).
#pragma once

#include <QCoreApplication>
#include <QFileDevice>
#include <QString>

class FilePrivacy
{
    Q_DECLARE_TR_FUNCTIONS(FilePrivacy)

public:
    // The group a packaged kiosk's data folder belongs to (packaging/: created by postinst).
    static constexpr const char* GROUP = "gatehouse";

    // Sets the process's umask for a data folder (the database's): 007 when the folder belongs
    // to GROUP, 077 otherwise. Call it before any file is made.
    static void applyUmask(const QString& dataFolder);
    // Whether files are shared with the group (after applyUmask()).
    static bool sharedWithGroup();
    // Owner read and write; and the group's when shared.
    static QFileDevice::Permissions filePermissions();
    // Gives the file at path filePermissions() (a folder: the same with execute). False when it
    // cannot (the file is not the caller's); true for a path that does not exist.
    [[nodiscard]] static bool restrict(const QString& path);
    // Creates folder (and its parents) when absent; the ones it creates are owner-only (owner
    // and group when shared). False when it cannot.
    [[nodiscard]] static bool makeFolder(const QString& folder);
    // Whether the account uid (a process's effective one: geteuid()) is root or owns the file at
    // path (for the entry log: the kiosk's own account). True for a path that does not exist yet:
    // whoever creates it will own it.
    static bool ownedBy(const QString& path, uint uid);
    // The name of the account that owns the file at path (its uid when it has no name).
    static QString ownerName(const QString& path);
    // Who besides its owner can reach the file or folder at path (issue 24, for `doctor`): empty
    // when nobody can, or only the GROUP when groupMayShare (the entry log of a packaged kiosk);
    // else a sentence that names the file, who can open it and its mode. Empty for a path that
    // does not exist.
    static QString exposure(const QString& path, bool groupMayShare);
    // Writes data to path whole or not at all (a temporary name renamed: a key file is never
    // half there), with exactly these permissions. False when it cannot.
    [[nodiscard]] static bool writeWhole(const QString& path, const QByteArray& data,
                                         QFileDevice::Permissions permissions);
};
