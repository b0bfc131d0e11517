// The newest row of this kiosk's audit chain that the central store holds.
#include "central/CentralAuditAnchor.h"

#include "central/CentralConnection.h"

Result<std::optional<AuditLog::Head>> CentralAuditAnchor::fetch(CentralConnection& connection)
{
    const auto head = connection.exec(QStringLiteral("SELECT local_id, hash FROM gatehouse.audit_head()"));
    if (!head)
        return head.error();
    if (head->values.isEmpty())
        return std::optional<AuditLog::Head>();
    const QStringList& row = head->values.first();
    const auto parsed = AuditLog::Head::parse(row.value(0) + QLatin1Char(':') + row.value(1));
    if (!parsed)
        return Error(Error::Kind::Failed,
                     tr("The central store's copy of this kiosk's audit chain ends in a row Gatehouse cannot read."));
    return parsed;
}

Result<std::optional<AuditLog::Head>> CentralAuditAnchor::fetch(const QString& uri, const QString& kioskId,
                                                                int timeoutSeconds)
{
    auto connection = CentralConnection::open(uri, kioskId, timeoutSeconds);
    if (!connection)
        return connection.error();
    return fetch(*connection.value());
}
