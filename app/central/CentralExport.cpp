// `central export`.
#include "central/CentralExport.h"

#include "central/CentralConnection.h"
#include "central/CentralHandedOut.h"
#include "crypto/Sha256.h"
#include "export/CsvExport.h"
#include "export/OfficialAsk.h"
#include "export/OutputFile.h"
#include "export/XlsxExport.h"

#include <QIODevice>

Result<CentralExport::Written> CentralExport::run(CentralConnection& connection) const
{
    const Result<void> asked = OfficialAsk::check(ask.from, ask.to, language);
    if (!asked)
        return asked.error();
    Written written;
    {
        auto rows = CentralEntryRows::open(connection, sites, ask.from, ask.to);
        if (!rows)
            return rows.error();
        EntryRows& entries = *rows.value();
        if (ask.path.endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive)) {
            const auto wrote = XlsxExport::write(entries, ask.path, language, ask.utcOffsetMinutes);
            if (!wrote)
                return wrote.error();
            written.rows = wrote.value();
            Sha256 hash;
            if (!hash.addFile(ask.path))
                return Error(Error::Kind::Failed,
                             tr("Gatehouse could not read %1 back to record its SHA-256.").arg(ask.path));
            written.sha256 = hash.result();
        } else {
            Sha256 hash;
            const auto wrote = OutputFile::write(ask.path, [&](QIODevice& out) {
                return CsvExport::write(entries, out, language, ask.utcOffsetMinutes, &hash);
            });
            if (!wrote)
                return wrote.error();
            written.rows = wrote.value();
            written.sha256 = hash.result();
        }
    } // the read-only transaction ends here, before the file is recorded

    const auto finished = CentralHandedOut::finish(connection, QStringLiteral("export"), sites.label(), ask,
                                                   written.rows, written.sha256);
    if (!finished)
        return finished.error();
    written.manifest = finished.value();
    return written;
}
