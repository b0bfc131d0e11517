// A file handed to an official or an inspector, the one way every request of export/ writes its
// file, so that no caller (the CLI, the console) can forget a step: written whole or not at all
// and private from the first byte (export/OutputFile.h), its SHA-256 taken as it is written, a
// signed manifest beside it when an export key is given (export/ExportManifest.h), and one audit
// row naming who asked, the window, the counts, the SHA-256 and the file.
#pragma once

#include "common/Result.h"
#include "crypto/Ed25519Key.h"

#include <QCoreApplication>
#include <QDateTime>

#include <functional>
#include <optional>

class QIODevice;
class Sha256;
class SiteRecords;

class OfficialFile
{
    Q_DECLARE_TR_FUNCTIONS(OfficialFile)

public:
    // What was asked for, by whom.
    struct Ask
    {
        QString path;
        QDateTime from;
        QDateTime to;
        QString actor = QStringLiteral("cli"); // the account, or "cli": the audit row's and the manifest's signer
        std::optional<Ed25519Key> key;         // an export key: sign a manifest
        QString caseId;                        // a trace's case, masked: the manifest's "case"
        QString deliveredAs; // where the file is handed, when not at path (a console's copy): the audit row's
    };

    struct Handed
    {
        qint64 rows = 0;
        QByteArray sha256;
        QString manifest; // FILE.manifest.json, or empty when unsigned
    };

    // Writes through writer, which returns its rows and adds every byte it writes to the hash.
    using StreamWriter = std::function<Result<qint64>(QIODevice& out, Sha256& hash)>;
    // Writes the file at the path itself (the XLSX workbook, whole or not at all); it is hashed
    // after.
    using FileWriter = std::function<Result<qint64>(const QString& path)>;
    // The audit row's counts for so many rows ("rows=12", the report's totals...).
    using Counts = std::function<QString(qint64 rows)>;

    // purpose: the manifest's ("export", "trace", "report") and the audit action.
    [[nodiscard]] static Result<Handed> hand(SiteRecords& records, const QString& purpose, const Ask& ask,
                                             const StreamWriter& writer, const Counts& counts);
    [[nodiscard]] static Result<Handed> handFile(SiteRecords& records, const QString& purpose, const Ask& ask,
                                                 const FileWriter& writer, const Counts& counts);

    // "rows=N", the counts of most requests.
    static QString rows(qint64 rows);

private:
    [[nodiscard]] static Result<Handed> finish(SiteRecords& records, const QString& purpose, const Ask& ask,
                                               qint64 rows, const QByteArray& sha256, const Counts& counts);
};
