// What the check-in tests stand on: a fresh entry log on disk with its audit log, the accounts and
// their PIN check, a clock the test steps, and the phone a visitor shows.
#pragma once

#include "FakeClock.h"
#include "checkin/PinCheck.h"
#include "storage/Accounts.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/EntryLog.h"

#include <QSqlQuery>

#include <memory>

struct SiteLog
{
    SiteLog(const QString& path, const QDateTime& start)
        : database(Database::open(path).value()), log(*database), audit(*database), clock(start),
          accounts(*database, audit, clock), pins(accounts, audit, clock, 7 * 60)
    {}

    // Every stored entry, in the order recorded.
    QList<Entry> entries()
    {
        QList<Entry> all;
        QSqlQuery query(database->connection());
        query.exec(QStringLiteral("SELECT id FROM entry ORDER BY id"));
        while (query.next())
            all.append(*log.find(query.value(0).toLongLong()).value());
        return all;
    }

    // A Bluezone Android phone as PresenceTracker reports it at the kiosk.
    static AppVerification bluezonePhone()
    {
        AppVerification app;
        app.profile = QStringLiteral("bluezone");
        app.platform = QStringLiteral("android");
        app.appId = QByteArray::fromHex("507c3b3c88f9c44a8d2184fa");
        app.rssi = -47;
        return app;
    }

    std::unique_ptr<Database> database;
    EntryLog log;
    AuditLog audit;
    FakeClock clock;
    Accounts accounts;
    PinCheck pins;
};
