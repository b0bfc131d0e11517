// The kiosk's copy of the settings its province shares through the central store (issue 26;
// common/SharedSettings.h): the last good set, applied and kept so that a kiosk that starts
// without a network still follows the province's last word, and the last set it refused, with
// the sentence why (reported to the centre). In the entry log's file (storage/Database.cpp,
// migration 10); each applied change is also an audit row.
#pragma once

#include "common/Result.h"
#include "common/Settings.h"
#include "common/SharedSettings.h"

#include <QCoreApplication>
#include <QDateTime>

#include <optional>

class AuditLog;
class Database;

class SharedSettingsStore
{
    Q_DECLARE_TR_FUNCTIONS(SharedSettingsStore)

public:
    explicit SharedSettingsStore(Database& database);

    // The last set applied; none before the first.
    [[nodiscard]] Result<std::optional<SharedSettings>> lastGood() const;
    // Keeps set as the last good one and audits what changed against the one before ("central",
    // "settings", one "name: old -> new (source)" per change), in one transaction.
    [[nodiscard]] Result<void> keep(const SharedSettings& set, AuditLog& audit, const QDateTime& at);
    // The set of that version was refused for the sentence given; kept until another is applied.
    [[nodiscard]] Result<void> noteRefusal(const QString& version, const QString& sentence, const QDateTime& at);
    struct Refusal
    {
        QString version;
        QString sentence;
        QDateTime at;
    };
    [[nodiscard]] Result<std::optional<Refusal>> refusal() const;

    // The last good set in the file at databasePath, read without changing it: for the kiosk and
    // the CLI as they start, before the log is opened. None when the file or the set is not there.
    [[nodiscard]] static Result<std::optional<SharedSettings>> read(const QString& databasePath);
    // The settings in force at a kiosk that starts: the INI's (fromIni, as Settings::locate read
    // it) with the last good set of the log at databasePath over it. When that set cannot be read
    // or no longer fits the INI (edited since), the INI's alone, and warning says why.
    static Settings inForce(const Settings& fromIni, const QString& databasePath, QString& warning);

private:
    Database& m_database;
};
