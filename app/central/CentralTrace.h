// `central trace` (formats/cli.md): contacts() across every site of the province, written as the
// kiosk's trace file (formats/export-csv.md: the export's columns with `overlap_minutes`) plus
// `site_name`; `entry_id` is the stay's `visit_key`. The same CSV rules (every field quoted and
// neutralised), a private file written whole or not at all, and a signed manifest when a key is
// given (purpose `trace`, site `*`: every site), and recorded centrally as handed out
// (central/CentralHandedOut.h).
#pragma once

#include "common/Result.h"
#include "crypto/Ed25519Key.h"

#include <QCoreApplication>
#include <QDateTime>

#include <optional>

class CentralConnection;

class CentralTrace
{
    Q_DECLARE_TR_FUNCTIONS(CentralTrace)

public:
    QString idNumber; // the case's, in any spelling (common/IdNumber.h)
    QDateTime from;
    QDateTime to;
    QString path;
    QString language = QStringLiteral("vi");
    int utcOffsetMinutes = 7 * 60; // the times written
    std::optional<Ed25519Key> key;
    QString actor;         // the manifest's signer: the central login
    QDateTime generatedAt; // the manifest's generated_at (the caller's clock)

    struct Written
    {
        qint64 rows = 0;
        QByteArray sha256;
    };

    [[nodiscard]] Result<Written> run(CentralConnection& connection) const;
};
