// One day at the door, at a glance, for the console's first page (issue 16): the entries of each
// hour of the site's day with how many had the tracing app verified, how many were admitted
// without it by a receptionist, and how many were sent to the receptionist (the required policy's
// refusals, counted from the audit log: nothing of them is in the entry log), and the accounts
// that wrong PINs locked.
#pragma once

#include "common/Result.h"
#include "common/SiteTime.h"

#include <QDate>
#include <QList>
#include <QString>

#include <array>
#include <utility>

class Database;

struct DaySummary
{
    QDate day; // the site's date
    std::array<int, 24> entries{};
    std::array<int, 24> verified{};
    int overridden = 0;
    int sentToReceptionist = 0;
    // Accounts locked by wrong PINs this day, and how many times each, most first (the audit
    // log's account_locked rows): a lock the staff did not cause is someone guessing at the door.
    QList<std::pair<QString, int>> accountLocks;

    int total() const;
    int totalVerified() const;

    // The site's day that holds now.
    [[nodiscard]] static Result<DaySummary> compute(Database& database, const QDateTime& now, const SiteTime& siteTime);
};
