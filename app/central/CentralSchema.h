// The central store's schema (formats/central.md), as versioned migrations: each step runs in
// one transaction and is recorded in gatehouse.schema_version, so `central migrate` is safe to run
// again and upgrades a store from any earlier version.
#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QStringList>

class CentralConnection;

class CentralSchema
{
    Q_DECLARE_TR_FUNCTIONS(CentralSchema)

public:
    // Creates the group roles when missing and brings the schema to the latest version. The
    // caller needs the right to create roles and, the first time, the btree_gist extension.
    // The versions applied by this call (empty when already up to date). upTo stops at an earlier
    // version, for the tests that upgrade a store made by an older release.
    [[nodiscard]] static Result<QList<int>> migrate(CentralConnection& connection, int upTo = latestVersion());
    static int latestVersion();
};
