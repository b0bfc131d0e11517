// `central trace` (formats/cli.md): contacts() across every site of the province, written as the
// kiosk's trace file (formats/export-csv.md: the export's columns with `overlap_minutes`) plus
// `site_name`; `entry_id` is the stay's `visit_key`. The same CSV rules (every field quoted and
// neutralised), a private file written whole or not at all, and a signed manifest when a key is
// given (purpose `trace`, site `*`: every site), and recorded centrally as handed out
// (central/CentralHandedOut.h).
#pragma once

#include "central/CentralHandedOut.h"
#include "common/Result.h"

#include <QCoreApplication>

class CentralConnection;

class CentralTrace
{
    Q_DECLARE_TR_FUNCTIONS(CentralTrace)

public:
    QString idNumber;          // the case's, in any spelling (common/IdNumber.h)
    CentralHandedOut::Ask ask; // the window, the file, its key and who asks
    QString language = QStringLiteral("vi");
    // As the connection's role sees the store (the console: a scope's role, row-level security on
    // every stay) rather than as an owner or an official's login, who see every site.
    bool scoped = false;

    struct Written
    {
        qint64 rows = 0;
        QByteArray sha256;
    };

    [[nodiscard]] Result<Written> run(CentralConnection& connection) const;
};
