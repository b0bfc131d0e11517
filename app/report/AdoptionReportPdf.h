// The adoption report as one A4 page for an agency's leaders: the site and the window, the
// totals, a chart of daily entries by person type with the share that had the tracing app
// verified (DailyEntriesChart.h), and the staff who entered without it. Drawn with QPdfWriter: Qt
// GUI only, on any thread (the desk draws it on its worker), no widgets. All text goes through
// tr(): the page is in the language of the installed translator.
#pragma once

#include "common/Result.h"

#include <QCoreApplication>

class AdoptionReport;
class QIODevice;
class Sha256;

class AdoptionReportPdf
{
    Q_DECLARE_TR_FUNCTIONS(AdoptionReportPdf)

public:
    // Writes the page to out; siteName heads it. When hash is given, the bytes written are added
    // to it (the audit log records the file's SHA-256).
    [[nodiscard]] static Result<void> write(const AdoptionReport& report, const QString& siteName, QIODevice& out,
                                            Sha256* hash = nullptr);
};
