// The last steps of every file the central store hands to an official (`central trace`,
// `central export`), as export/OfficialFile.h does for a kiosk's: a signed manifest beside the
// file when a key is given, and one row in gatehouse.handed_out (central schema version 2) naming
// the login, what was asked, the window, the rows and the file's SHA-256.
#pragma once

#include "common/Result.h"
#include "crypto/Ed25519Key.h"
#include "export/ExportManifest.h"

#include <QCoreApplication>

#include <optional>

class CentralConnection;

class CentralHandedOut
{
    Q_DECLARE_TR_FUNCTIONS(CentralHandedOut)

public:
    // manifest: what was written (purpose, site scope, window, generated_at, rows, sha256,
    // signed_by); path: the file. Returns the manifest's path, or empty when unsigned. The file is
    // written either way: an Error here says what is missing beside it.
    [[nodiscard]] static Result<QString> finish(CentralConnection& connection, ExportManifest manifest,
                                                const QString& path, const std::optional<Ed25519Key>& key);
};
