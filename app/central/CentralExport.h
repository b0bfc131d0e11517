// `central export` (formats/cli.md): the stays that overlap a window at one site, the sites of a
// district or every site, as the kiosk's own export (formats/export-csv.md; `entry_id` is the
// stay's `visit_key`, `site` filled), CSV or XLSX by the file's extension, written by the same
// writers (export/CsvExport.h, export/XlsxExport.h): every field quoted and neutralised, a private
// file whole or not at all, a signed manifest when a key is given (purpose `export`, site: the
// site's id, `district:NAME` or `*`), and recorded centrally as handed out.
#pragma once

#include "central/CentralEntryRows.h"
#include "central/CentralHandedOut.h"
#include "common/Result.h"

#include <QCoreApplication>

class CentralConnection;

class CentralExport
{
    Q_DECLARE_TR_FUNCTIONS(CentralExport)

public:
    CentralEntryRows::Sites sites;
    CentralHandedOut::Ask ask; // the window, the file, its key and who asks
    QString language = QStringLiteral("en");

    struct Written
    {
        qint64 rows = 0;
        QByteArray sha256;
        QString manifest; // empty when unsigned
    };

    [[nodiscard]] Result<Written> run(CentralConnection& connection) const;
};
