// The evacuation roll call (issue 16): everyone inside now, as a PDF of one or more A4 pages for
// the warden to tick names off outside, written with one press into the folder the administrator
// chose ([console] roll_call_folder) and handed out as every official's file is (OfficialFile:
// private, whole or not at all, audited with who pressed it, the counts and the SHA-256). The
// pages are drawn by app/report/RollCallPdf, which the caller passes in.
#pragma once

#include "checkin/CheckInService.h"
#include "export/OfficialFile.h"

#include <functional>

class RollCallRequest
{
    Q_DECLARE_TR_FUNCTIONS(RollCallRequest)

public:
    // Draws the pages onto out, adding the bytes to hash.
    using PdfWriter = std::function<Result<void>(const CheckInService::SitePresence& inside, const QDateTime& at,
                                                 QIODevice& out, Sha256& hash)>;

    struct Made
    {
        OfficialFile::Handed file;
        QString path;
        int inside = 0;
    };

    QString folder;      // where the file goes; created when missing
    QString deliveredIn; // the folder it is handed to, when not folder (a console's): the audit row's
    QString actor;       // the account that pressed the button
    PdfWriter pdf;

    // "roll-call-2020-08-03-0915.pdf", by the site's time.
    static QString fileName(const QDateTime& at, const SiteTime& siteTime);
    // How many of each kind, for the page and the audit row.
    struct Counts
    {
        int visitors = 0;
        int staff = 0;
        int guests = 0;

        static Counts of(const QList<Entry>& entries);
        // "visitors=3 staff=1 guests=0"
        QString audit() const;
    };

    [[nodiscard]] Result<Made> run(SiteRecords& records) const;
};
