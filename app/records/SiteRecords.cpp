// A site's records as one piece.
#include "records/SiteRecords.h"

Result<std::unique_ptr<SiteRecords>> SiteRecords::open(const QString& path, Database::Check check, const Site& site,
                                                       const Clock& clock)
{
    auto database = Database::open(path, check);
    if (!database)
        return database.error();
    std::unique_ptr<SiteRecords> records(new SiteRecords());
    records->m_database = std::move(database).value();
    records->m_entries = std::make_unique<EntryLog>(*records->m_database);
    records->m_audit = std::make_unique<AuditLog>(*records->m_database);
    records->m_roster = std::make_unique<StaffRoster>(*records->m_database);
    records->m_accounts = std::make_unique<Accounts>(*records->m_database, *records->m_audit, clock);
    records->m_pins = std::make_unique<PinCheck>(*records->m_accounts, *records->m_audit, clock, site.utcOffsetMinutes);
    records->m_service = std::make_unique<CheckInService>(site, *records->m_entries, *records->m_audit, clock,
                                                          records->m_roster.get(), records->m_pins.get());
    return records;
}
