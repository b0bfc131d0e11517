// The province's kiosks as they last said they were (issue 26; gatehouse.scoped_fleet, schema
// version 8): when each was heard from, its software, its clock against the store's, free disk,
// what it still had to send, its failing `doctor` checks and last failure, and whether it runs the
// settings in force for it. Read as the console's scope (row-level security) or as an official.
#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

class CentralConnection;

class CentralFleet
{
    Q_DECLARE_TR_FUNCTIONS(CentralFleet)

public:
    struct Kiosk
    {
        QString kiosk;
        QString site;
        QString siteName;
        QString district;
        QDateTime lastContactAt; // invalid: never
        QString software;        // empty: it has not reported
        double clockOffset = 0;  // seconds the kiosk's clock is ahead of the store's
        bool clockOff = false;   // a minute or more
        qint64 freeBytes = -1;   // -1: unknown
        qint64 backlog = -1;     // -1: unknown
        QString lastError;       // its last failure in words
        QStringList failingChecks;
        bool settingsCurrent = false;
        QString settingsRefusal; // why it refused the settings it was sent
    };

    // A kiosk not heard from for this long is listed as silent.
    static constexpr qint64 SilentAfterSeconds = 24 * 3600;

    explicit CentralFleet(CentralConnection& connection) : m_connection(connection) {}

    [[nodiscard]] Result<QList<Kiosk>> kiosks();
    // Software versions in use and how many kiosks run each ("" for kiosks that never said).
    static QMap<QString, int> versions(const QList<Kiosk>& kiosks);
    // The fleet as CSV (export-csv.md's rules: UTF-8 with BOM, CRLF, formulas defused), headers
    // in the language asked.
    static QByteArray csv(const QList<Kiosk>& kiosks, const QString& language);

private:
    CentralConnection& m_connection;
};
