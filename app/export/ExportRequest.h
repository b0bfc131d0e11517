// "Who was here between these times": the entries that overlap a window, as CSV or an XLSX
// workbook by the file's extension (formats/export-csv.md), handed out as every official's file is
// (export/OfficialFile.h: whole, private, hashed, signed when a key is given, audited). The CLI's
// `export` and the console's Officials page both ask it.
#pragma once

#include "export/OfficialFile.h"

class ExportRequest
{
    Q_DECLARE_TR_FUNCTIONS(ExportRequest)

public:
    OfficialFile::Ask ask;
    QString language = QStringLiteral("en"); // of the header row

    [[nodiscard]] Result<OfficialFile::Handed> run(SiteRecords& records) const;
};
