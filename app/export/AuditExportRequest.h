// "Show me the audit log": every row for an inspector, as CSV with the export's rules (UTF-8 with a
// byte-order mark, CRLF, every field quoted and neutralised: export/CsvExport.h): id, when (the
// site's time), who, what, details, and the row's hash in the chain (storage/AuditLog.h), handed
// out as every official's file is (export/OfficialFile.h) and itself audited.
#pragma once

#include "export/OfficialFile.h"

class AuditExportRequest
{
    Q_DECLARE_TR_FUNCTIONS(AuditExportRequest)

public:
    OfficialFile::Ask ask; // from/to: not used (the whole log)

    [[nodiscard]] Result<OfficialFile::Handed> run(SiteRecords& records) const;
};
