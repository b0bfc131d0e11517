// The audit log of administrative actions: overrides, settings changes, exports, purges,
// deletions on request. Officials and the site's leaders can see who did what, when.
#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>

class Database;

class AuditLog
{
    Q_DECLARE_TR_FUNCTIONS(AuditLog)

public:
    struct Record
    {
        QDateTime at;
        QString actor;   // "receptionist", "cli", "kiosk", "retention"...
        QString action;  // "override", "purge", "export", "delete_person", "settings"...
        QString details; // a sentence or key=value pairs; never a person's ID number in full
    };

    explicit AuditLog(Database& database);

    // The details of a file handed out (export, trace, report), the same from the CLI and the
    // console: "from=ISO to=ISO <counts> sha256=HEX file=PATH".
    static QString outputDetails(const QDateTime& from, const QDateTime& to, const QString& counts,
                                 const QByteArray& sha256, const QString& path);
    // A person's ID number as the audit log may name it: its last three digits ("…268").
    static QString maskedIdNumber(const QString& idNumber);

    [[nodiscard]] Result<void> append(const Record& record);
    [[nodiscard]] Result<QList<Record>> latest(int count) const;

private:
    Database& m_database;
};
