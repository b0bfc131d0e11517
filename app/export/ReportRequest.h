// "How many of our staff and visitors run the app": the adoption report (export/AdoptionReport.h)
// as CSV, or as the one-page PDF drawn by app/report (a library above the core), which the caller
// passes in; handed out as every official's file is (export/OfficialFile.h).
#pragma once

#include "export/AdoptionReport.h"
#include "export/OfficialFile.h"

#include <functional>

class ReportRequest
{
    Q_DECLARE_TR_FUNCTIONS(ReportRequest)

public:
    // Draws the report as a PDF onto out, adding the bytes to hash (AdoptionReportPdf::write).
    using PdfWriter = std::function<Result<void>(const AdoptionReport& report, QIODevice& out, Sha256& hash)>;

    struct Made
    {
        OfficialFile::Handed file;
        AdoptionReport::Day total;
    };

    OfficialFile::Ask ask;
    QString language = QStringLiteral("vi");
    // For a path ending in .pdf; without it only CSV can be written.
    PdfWriter pdf;

    [[nodiscard]] Result<Made> run(SiteRecords& records) const;
};
