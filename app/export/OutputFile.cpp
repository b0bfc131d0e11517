// Files written whole or not at all.
#include "export/OutputFile.h"

#include <QSaveFile>

Result<qint64> OutputFile::write(const QString& path, const std::function<Result<qint64>(QIODevice&)>& write)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
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
