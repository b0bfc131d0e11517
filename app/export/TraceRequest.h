// "Who was near this person": everyone whose stay overlapped a stay of a confirmed case in a
// window, with the minutes (export/ContactTrace.h), handed out as every official's file is
// (export/OfficialFile.h). The case's number in any spelling; the audit row and the signed
// manifest's "case" keep only its last three digits.
#pragma once

#include "export/OfficialFile.h"

class TraceRequest
{
    Q_DECLARE_TR_FUNCTIONS(TraceRequest)

public:
    OfficialFile::Ask ask;
    QString idNumber;
    QString language = QStringLiteral("en");

    [[nodiscard]] Result<OfficialFile::Handed> run(SiteRecords& records) const;
};
