// Files written whole or not at all.
#include "export/OutputFile.h"

#include "common/FilePrivacy.h"

#include <QSaveFile>

Result<qint64> OutputFile::write(const QString& path, const std::function<Result<qint64>(QIODevice&)>& write)
{
    QSaveFile file(path);
    // Private before a byte is written (common/FilePrivacy.h), whatever the caller's umask.
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(FilePrivacy::filePermissions()))
        return Error(Error::Kind::Input, tr("Gatehouse cannot write %1 (%2).").arg(path, file.errorString()));
    auto written = write(file);
    if (!written) {
        file.cancelWriting();
        return written;
    }
    if (!file.commit())
        return Error(Error::Kind::Failed, tr("Gatehouse could not finish %1 (%2).").arg(path, file.errorString()));
    return written;
}
