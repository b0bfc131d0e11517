// The people of the desk's tests (TestDesk, TestDeskSession): an administrator and a receptionist
// with their PINs, made in a test's entry log, and the console's idle lock.
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
} // namespace DeskStaff
