// "Here is our staff list": the roster CSV a site exports from its spreadsheet, read a record at a
// time (never whole), refused over a size no roster comes near, imported (storage/StaffRoster.h)
// and audited under the account that asked. The CLI's `roster import` and the console both ask it.
#pragma once

#include "storage/StaffRoster.h"

#include <QCoreApplication>

class SiteRecords;

class RosterImportRequest
{
    Q_DECLARE_TR_FUNCTIONS(RosterImportRequest)

public:
    // 100,000 staff at a hundred bytes each is 10 MB; a file larger than this is not a roster.
    static constexpr qint64 MAX_BYTES = qint64(32) * 1024 * 1024;

    QString path;
    QString actor = QStringLiteral("cli");

    [[nodiscard]] Result<StaffRoster::Import> run(SiteRecords& records) const;
};
