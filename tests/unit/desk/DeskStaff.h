// The people of the desk's tests (TestDesk, TestDeskSession, TestDeskServer, TestRemoteConsole): an
// administrator and a receptionist with their PINs, made in a test's entry log, the console's idle
// lock, and visitors.
#pragma once

#include "../checkin/SiteLog.h"

#include <QDateTime>
#include <QString>

namespace DeskStaff {
inline const QDateTime START(QDate(2020, 8, 3), QTime(1, 30), Qt::UTC);
inline const QString ADMIN = QStringLiteral("Trần Quản Trị");
inline const QString ADMIN_PIN = QStringLiteral("135790");
inline const QString RECEPTIONIST = QStringLiteral("Phan Thị Lễ");
inline const QString RECEPTIONIST_PIN = QStringLiteral("246810");
constexpr qint64 LOCK_AFTER_MS = 5 * 60 * 1000;

// Makes both accounts in site's log; false if either could not be made.
inline bool hire(SiteLog& site)
{
    return site.accounts.add(ADMIN, Accounts::Role::Admin, ADMIN_PIN, QStringLiteral("cli")).ok() &&
           site.accounts.add(RECEPTIONIST, Accounts::Role::Receptionist, RECEPTIONIST_PIN, QStringLiteral("cli")).ok();
}
// A visitor who came in at the site's main door at checkedInAt, the app verified.
inline Entry visitor(const QString& fullName, const QString& idNumber, const QDateTime& checkedInAt)
{
    Entry entry;
    entry.site = QStringLiteral("hue-dpc-01");
    entry.entrance = QStringLiteral("main");
    entry.fullName = fullName;
    entry.idNumber = idNumber;
    entry.checkedInAt = checkedInAt;
    entry.appStatus = Entry::AppStatus::Verified;
    return entry;
}
// Records three visitors at the site's main door, a minute apart from START ("Khách 0".."Khách 2").
inline bool admitThreeVisitors(SiteLog& site)
{
    for (int i = 0; i < 3; ++i) {
        if (!site.log
                 .record(visitor(QStringLiteral("Khách %1").arg(i), QStringLiteral("04609000123%1").arg(i),
                                 START.addSecs(i * 60)))
                 .ok())
            return false;
    }
    return true;
}
} // namespace DeskStaff
