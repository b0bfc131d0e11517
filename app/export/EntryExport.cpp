// The entries export as a file.
#include "export/EntryExport.h"

#include "crypto/Sha256.h"
#include "export/CsvExport.h"
#include "export/ExportSignature.h"
#include "export/OutputFile.h"
#include "export/XlsxExport.h"

Result<EntryExport::Written> EntryExport::write(Database& database, const QString& path, const QDateTime& from,
                                                const QDateTime& to, const QString& language, int utcOffsetMinutes,
                                                const std::optional<Ed25519Key>& key)
{
    Sha256 hash;
    const bool workbook = path.endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive);
    auto rows = workbook ? XlsxExport::write(database, path, from, to, language, utcOffsetMinutes)
                         : OutputFile::write(path, [&](QIODevice& file) {
                               return CsvExport::write(database, file, from, to, language, utcOffsetMinutes, &hash);
                           });
    if (!rows)
        return rows.error();
    Written written{rows.value(), {}};
    // A workbook is a zip written by libxlsxwriter: hashed once it is complete; a CSV as written.
    if (!workbook || hash.addFile(path))
        written.sha256 = hash.result();
    if (key) {
        const Result<void> signedFile = ExportSignature::sign(path, *key);
        if (!signedFile)
            return signedFile.error();
    }
    return written;
}
