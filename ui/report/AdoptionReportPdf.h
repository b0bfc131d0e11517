// The adoption report as one A4 page for an agency's leaders: the site and the window, the
// totals, a chart of daily entries by person type with the share that had the tracing app
// verified (Qt Charts), and the staff who entered without it. Drawn with QPdfWriter; needs a
// QApplication (Qt Charts is built on Qt Widgets' graphics view), which is why it lives beside
// the UI rather than in gatehouse_core. All text goes through tr(): the page is in the language
// of the installed translator.
#pragma once

#include "common/Result.h"

#include <QCoreApplication>

class AdoptionReport;
class QChart;
class QIODevice;
class QPainter;
class Sha256;

class AdoptionReportPdf
{
    Q_DECLARE_TR_FUNCTIONS(AdoptionReportPdf)

public:
    // Writes the page to out; siteName heads it. When hash is given, the bytes written are added
    // to it (the audit log records the file's SHA-256).
    [[nodiscard]] static Result<void> write(const AdoptionReport& report, const QString& siteName, QIODevice& out,
                                            Sha256* hash = nullptr);

    // The chart alone, for the page and for the receptionist console; the caller owns it.
    static QChart* chart(const AdoptionReport& report);
};
