// The entries export as a file, the same from the CLI and the receptionist's console: CSV or
// XLSX by the file's extension (formats/export-csv.md), written whole or not at all, its SHA-256
// for the audit log, and FILE.sig beside it when a site key is given.
#pragma once

#include "common/Result.h"
#include "crypto/Ed25519Key.h"

#include <QCoreApplication>
#include <QDateTime>

#include <optional>

class Database;

class EntryExport
{
    Q_DECLARE_TR_FUNCTIONS(EntryExport)

public:
    struct Written
    {
        qint64 rows = 0;
        QByteArray sha256; // of the file's bytes; empty when it could not be read back
    };

    [[nodiscard]] static Result<Written> write(Database& database, const QString& path, const QDateTime& from,
                                               const QDateTime& to, const QString& language, int utcOffsetMinutes,
                                               const std::optional<Ed25519Key>& key = std::nullopt);
};
