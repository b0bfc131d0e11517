// The newest row of this kiosk's audit chain that the central store holds (issue 24): the anchor
// outside the file that `audit verify` holds the entry log's audit chain to, so that rows removed
// from its end, or a chain written again, are found. Read as the kiosk logs in
// (gatehouse.audit_head(), formats/central.md's kiosk role: a function made for it, no table).
#pragma once

#include "common/Result.h"
#include "storage/AuditLog.h"

#include <QCoreApplication>

#include <optional>

class CentralConnection;

class CentralAuditAnchor
{
    Q_DECLARE_TR_FUNCTIONS(CentralAuditAnchor)

public:
    // None when the store has no audit row of this kiosk yet.
    [[nodiscard]] static Result<std::optional<AuditLog::Head>> fetch(CentralConnection& connection);
    // Logged in as the kiosk ([central] uri and kiosk_id), giving up after timeoutSeconds.
    [[nodiscard]] static Result<std::optional<AuditLog::Head>> fetch(const QString& uri, const QString& kioskId,
                                                                     int timeoutSeconds);
};
