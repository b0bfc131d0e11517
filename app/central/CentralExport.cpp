// `central export`.
#include "central/CentralExport.h"

#include "central/CentralConnection.h"
#include "central/CentralHandedOut.h"
#include "crypto/Sha256.h"
#include "export/CsvExport.h"
#include "export/OutputFile.h"
#include "export/XlsxExport.h"

#include <QIODevice>

Result<CentralExport::Written> CentralExport::run(CentralConnection& connection) const
{
    if (!from.isValid() || !to.isValid() || from >= to)
        return Error(Error::Kind::Usage, tr("The window must end after it starts."));
    Written written;
    {
        auto rows = CentralEntryRows::open(connection, sites, from, to);
        if (!rows)
            return rows.error();
        EntryRows& entries = *rows.value();
        if (path.endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive)) {
            const auto wrote = XlsxExport::write(entries, path, language, utcOffsetMinutes);
            if (!wrote)
                return wrote.error();
            written.rows = wrote.value();
            Sha256 hash;
            if (!hash.addFile(path))
                return Error(Error::Kind::Failed,
                             tr("Gatehouse could not read %1 back to record its SHA-256.").arg(path));
            written.sha256 = hash.result();
        } else {
            Sha256 hash;
            const auto wrote = OutputFile::write(path, [&](QIODevice& out) {
                return CsvExport::write(entries, out, language, utcOffsetMinutes, &hash);
            });
            if (!wrote)
                return wrote.error();
            written.rows = wrote.value();
            written.sha256 = hash.result();
        }
    } // the read-only transaction ends here, before the file is recorded

    ExportManifest manifest;
    manifest.purpose = QStringLiteral("export");
    manifest.site = sites.label();
    manifest.from = from;
    manifest.to = to;
    manifest.generatedAt = generatedAt;
    manifest.rows = written.rows;
    manifest.sha256 = written.sha256;
    manifest.signedBy = actor;
    manifest.utcOffsetMinutes = utcOffsetMinutes;
    const auto finished = CentralHandedOut::finish(connection, manifest, path, key);
    if (!finished)
        return finished.error();
    written.manifest = finished.value();
    return written;
}
