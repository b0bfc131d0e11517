// What the entry-log commands open: the database, its logs, the clock (--now or the system's)
// and the CheckInService the kiosk uses, set up from the configuration.
#pragma once

#include "CliContext.h"
#include "records/SiteRecords.h"

#include <memory>

class LogSession
{
public:
    [[nodiscard]] static Result<std::unique_ptr<LogSession>> open(const CliContext& context);

    SiteRecords& records() { return *m_records; }
    Database& database() { return m_records->database(); }
    EntryLog& log() { return m_records->entries(); }
    AuditLog& audit() { return m_records->audit(); }
    StaffRoster& roster() { return m_records->roster(); }
    Accounts& accounts() { return m_records->accounts(); }
    CheckInService& service() { return m_records->service(); }
    const Clock& clock() const { return *m_clock; }
    // Writes an administrative act of the CLI to the audit log (actor "cli", now); a failure to
    // record it is said on err but does not undo the act, which is already done.
    void recordAction(const QString& action, const QString& details, QTextStream& err);
    // An entry as one JSON line; times in ISO 8601 with the site's offset (formats/export-csv.md).
    QByteArray json(const Entry& entry) const;

private:
    LogSession() = default;

    std::unique_ptr<Clock> m_clock;
    std::unique_ptr<SiteRecords> m_records;
};
