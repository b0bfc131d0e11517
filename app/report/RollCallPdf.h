// The evacuation roll call's pages (RollCallRequest): A4, the site and the time at the top of
// each, the count inside by type, then one row per person (name, type, since when, which door,
// the last four digits of the ID number to tell two people of one name apart) with an empty box to
// tick, as many pages as it takes, each numbered "page x of y". Drawn with QPdfWriter; all text
// goes through tr() (the console's language).
#pragma once

#include "checkin/CheckInService.h"
#include "common/Result.h"

#include <QCoreApplication>

class QIODevice;
class Sha256;

class RollCallPdf
{
    Q_DECLARE_TR_FUNCTIONS(RollCallPdf)

public:
    // Rows on one page (A4 at 11 pt with room to tick).
    static constexpr int RowsPerPage = 28;

    [[nodiscard]] static Result<void> write(const CheckInService::SitePresence& inside, const QString& siteName,
                                            const SiteTime& siteTime, const QDateTime& at, QIODevice& out,
                                            Sha256* hash = nullptr);
};
