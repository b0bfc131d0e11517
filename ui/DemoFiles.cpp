// The demo mode's data, out of the resources.
#include "DemoFiles.h"

#include <QDir>
#include <QFile>

Result<KioskDevices::Demo> DemoFiles::extract(const QString& folder)
{
    const QDir embedded(QStringLiteral(":/demo"));
    const QStringList files = embedded.entryList(QDir::Files, QDir::Name);
    if (files.isEmpty() || folder.isEmpty())
        return Error(Error::Kind::Failed, tr("This build has no demo data: the demo shows no visitors."));
    KioskDevices::Demo demo;
    for (const QString& name : files) {
        const QString target = QDir(folder).filePath(name);
        if (!QFile::copy(embedded.filePath(name), target))
            return Error(Error::Kind::Failed, tr("The demo data could not be copied to %1.").arg(folder));
        if (name.endsWith(QLatin1String(".jsonl")))
            demo.capture = target;
        else if (name.endsWith(QLatin1String(".avi")))
            demo.clips.append(target);
    }
    return demo;
}
