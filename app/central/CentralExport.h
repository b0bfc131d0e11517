// `central export` (formats/cli.md): the stays that overlap a window at one site, the sites of a
// district or every site, as the kiosk's own export (formats/export-csv.md; `entry_id` is the
// stay's `visit_key`, `site` filled), CSV or XLSX by the file's extension, written by the same
// writers (export/CsvExport.h, export/XlsxExport.h): every field quoted and neutralised, a private
// file whole or not at all, a signed manifest when a key is given (purpose `export`, site: the
// site's id, `district:NAME` or `*`), and recorded centrally as handed out.
#pragma once

#include "central/CentralEntryRows.h"
#include "common/Result.h"
#include "crypto/Ed25519Key.h"

#include <QCoreApplication>
#include <QDateTime>

#include <optional>

class CentralConnection;

class CentralExport
{
    Q_DECLARE_TR_FUNCTIONS(CentralExport)

public:
    CentralEntryRows::Sites sites;
    QDateTime from;
    QDateTime to;
    QString path; // .csv or .xlsx
    QString language = QStringLiteral("en");
    int utcOffsetMinutes = 7 * 60; // the times written
    std::optional<Ed25519Key> key;
    QString actor;         // the manifest's signer: the central login
    QDateTime generatedAt; // the manifest's generated_at (the caller's clock)

    struct Written
    {
        qint64 rows = 0;
        QByteArray sha256;
        QString manifest; // empty when unsigned
    };

    [[nodiscard]] Result<Written> run(CentralConnection& connection) const;
};
