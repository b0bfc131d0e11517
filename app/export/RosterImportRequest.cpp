// "Here is our staff list".
#include "export/RosterImportRequest.h"

#include "records/SiteRecords.h"

#include <QFile>

Result<StaffRoster::Import> RosterImportRequest::run(SiteRecords& records) const
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(Error::Kind::Input, tr("The roster file %1 cannot be read (%2).").arg(path, file.errorString()));
    if (file.size() > MAX_BYTES)
        return Error(Error::Kind::Input, tr("The roster file %1 is %2 MB; a staff roster is at most %3 MB. Check that "
                                            "it is the right file.")
                                             .arg(path)
                                             .arg(file.size() / (1024 * 1024))
                                             .arg(MAX_BYTES / (1024 * 1024)));
    auto imported = records.roster().importCsv(file);
    if (!imported)
        return imported.error();
    const Result<void> audited =
        records.audit().append({records.service().now(), actor, QStringLiteral("roster_import"),
                                QStringLiteral("added=%1 updated=%2 rejected=%3 file=%4")
                                    .arg(imported->added)
                                    .arg(imported->updated)
                                    .arg(imported->rejected.size())
                                    .arg(path)});
    if (!audited)
        return audited.error();
    return imported;
}
