// The site's private export key, which signs the manifests of files handed to officials
// (formats/export-csv.md; made by `gatehouse-cli keygen --purpose export`, formats/cli.md). One
// loader for the CLI, the desk and `doctor` (issue 24: it was looked up in export/ and again by
// the console).
#pragma once

#include "common/Result.h"
#include "crypto/Ed25519Key.h"

#include <QCoreApplication>

class ExportKey
{
    Q_DECLARE_TR_FUNCTIONS(ExportKey)

public:
    // The private export key at path, refused when it is a public key or one of the site's pass
    // keys (passDirectory: [passes] trust_dir): a key that signs visitor passes must not vouch for
    // exports too.
    [[nodiscard]] static Result<Ed25519Key> load(const QString& path, const QString& passDirectory);
};
