// Files that hold personal data or keys are never readable by other users of the machine.
#include "common/FilePrivacy.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>

void FilePrivacy::applyUmask()
{
    ::umask(077);
}

QFileDevice::Permissions FilePrivacy::filePermissions()
{
    return QFileDevice::ReadOwner | QFileDevice::WriteOwner;
}

bool FilePrivacy::ownedBy(const QString& path, uint uid)
{
    struct stat status = {};
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return true;
    return uid == 0 || uid == status.st_uid;
}

QString FilePrivacy::ownerName(const QString& path)
{
    struct stat status = {};
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return QString();
    const passwd* owner = ::getpwuid(status.st_uid);
    return owner ? QString::fromLocal8Bit(owner->pw_name) : QString::number(status.st_uid);
}

QString FilePrivacy::exposure(const QString& path)
{
    struct stat status = {};
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return QString();
    const QString mode = QStringLiteral("%1").arg(status.st_mode & 0777, 4, 8, QLatin1Char('0'));
    if (status.st_mode & 0007)
        return tr("%1 can be opened by every account of this machine (mode %2).").arg(path, mode);
    if (status.st_mode & 0070) {
        const group* owner = ::getgrgid(status.st_gid);
        const QString name = owner ? QString::fromLocal8Bit(owner->gr_name) : QString::number(status.st_gid);
        return tr("%1 can be opened by the group %2 (mode %3).").arg(path, name, mode);
    }
    return QString();
}

bool FilePrivacy::restrict(const QString& path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return true;
    QFileDevice::Permissions permissions = filePermissions();
    if (info.isDir())
        permissions |= QFileDevice::ExeOwner;
    const QFileDevice::Permissions modeBits = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                              QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
                                              QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    if ((info.permissions() & modeBits) == permissions)
        return true; // already so
    return QFile::setPermissions(path, permissions);
}

bool FilePrivacy::makeFolder(const QString& folder)
{
    const QString absolute = QFileInfo(folder).absoluteFilePath();
    if (QFileInfo(absolute).isDir())
        return true;
    // Each folder made here, from the top down, gets the private modes; existing ones are not ours
    // to change.
    QStringList missing;
    QString walk = absolute;
    while (!QFileInfo::exists(walk)) {
        missing.prepend(walk);
        const QString parent = QFileInfo(walk).absolutePath();
        if (parent == walk)
            break;
        walk = parent;
    }
    for (const QString& made : missing) {
        if (!QDir().mkdir(made) || !restrict(made))
            return false;
    }
    return QFileInfo(absolute).isDir();
}

bool FilePrivacy::writeWhole(const QString& path, const QByteArray& data, QFileDevice::Permissions permissions)
{
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.setPermissions(permissions) && file.write(data) == data.size() &&
           file.commit();
}
