// One kiosk of the central tests: its own SQLite log, audit log, outbox and sender to the store.
#pragma once

#include "FakeClock.h"
#include "central/OutboxSender.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/EntryLog.h"
#include "storage/Outbox.h"

#include <memory>

struct SendingKiosk
{
    SendingKiosk(const QString& path, const QString& kioskId, const QString& siteId, const QString& door,
                 const QString& uri, const QDateTime& now)
        : database(Database::open(path).value()), log(*database), audit(*database), outbox(*database), clock(now),
          id(kioskId), site(siteId), entrance(door), sender({uri, kioskId, siteId}, outbox, clock)
    {}

    qint64 enter(const QString& name, const QString& idNumber, const QDateTime& at)
    {
        Entry entry;
        entry.site = site;
        entry.entrance = entrance;
        entry.fullName = name;
        entry.idNumber = idNumber;
        entry.phone = QStringLiteral("0912345678");
        entry.checkedInAt = at;
        entry.method = Entry::Method::QrCccd;
        entry.appStatus = Entry::AppStatus::Verified;
        return log.record(entry).value();
    }

    std::unique_ptr<Database> database;
    EntryLog log;
    AuditLog audit;
    Outbox outbox;
    FakeClock clock;
    QString id;
    QString site;
    QString entrance;
    OutboxSender sender;
};
