// A site's records as one piece: the database and what stands on it (the entry log, the audit
// log, the staff roster, the accounts with their PIN check and the CheckInService over them),
// opened together by the kiosk's writer thread, the desk and the CLI, so that all three build it
// the same way. Above the kiosk's core (checkin/) and under the officials' requests (export/),
// which are asked of it (issue 24: it lived in checkin/).
#pragma once

#include "checkin/CheckInService.h"
#include "checkin/PinCheck.h"
#include "storage/Accounts.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/EntryLog.h"
#include "storage/StaffRoster.h"

#include <memory>

class SiteRecords
{
public:
    [[nodiscard]] static Result<std::unique_ptr<SiteRecords>> open(const QString& path, Database::Check check,
                                                                   const Site& site, const Clock& clock);

    Database& database() { return *m_database; }
    EntryLog& entries() { return *m_entries; }
    AuditLog& audit() { return *m_audit; }
    StaffRoster& roster() { return *m_roster; }
    Accounts& accounts() { return *m_accounts; }
    PinCheck& pins() { return *m_pins; }
    CheckInService& service() { return *m_service; }

private:
    SiteRecords() = default;

    std::unique_ptr<Database> m_database;
    std::unique_ptr<EntryLog> m_entries;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<StaffRoster> m_roster;
    std::unique_ptr<Accounts> m_accounts;
    std::unique_ptr<PinCheck> m_pins;
    std::unique_ptr<CheckInService> m_service;
};
