// The last steps of every file the central store hands to an official (`central trace`,
// `central export`), as export/OfficialFile.h does for a kiosk's: a signed manifest beside the
// file when a key is given, and one row in gatehouse.handed_out (central schema version 2) naming
// the login, what was asked, the window, the rows and the file's SHA-256.
#pragma once

#include "common/Result.h"
#include "crypto/Ed25519Key.h"

#include <QCoreApplication>
#include <QDateTime>

#include <optional>

class CentralConnection;

class CentralHandedOut
{
    Q_DECLARE_TR_FUNCTIONS(CentralHandedOut)

public:
    // What was asked for, by whom: the part every central file shares.
    struct Ask
    {
        QDateTime from;
        QDateTime to;
        QString path;
        int utcOffsetMinutes = 7 * 60; // the times written
        std::optional<Ed25519Key> key; // an export key: sign a manifest
        QString actor;                 // the manifest's signer: the central login
        QDateTime generatedAt;         // the manifest's generated_at (the caller's clock)
        QString caseId;                // a trace's case, masked: the manifest's "case"
    };

    // After the file at ask.path was written with so many rows and that SHA-256: purpose is the
    // manifest's ("trace", "export") and scope its site (a site's id, "district:NAME", "*").
    // Returns the manifest's path, or empty when unsigned. The file is written either way: an
    // Error here says what is missing beside it.
    [[nodiscard]] static Result<QString> finish(CentralConnection& connection, const QString& purpose,
                                                const QString& scope, const Ask& ask, qint64 rows,
                                                const QByteArray& sha256);
};
