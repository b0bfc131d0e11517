// How many of a site's staff and visitors run the tracing app: what an agency's leaders report
// to the province (the People's Committee's request of July 2020 asks agencies to have all staff
// install and run Bluezone). Per day in the site's time zone: entries by person type and how many
// had the app verified at the kiosk; and the staff who entered without it. Written as CSV here;
// the one-page PDF with its chart is drawn by app/report (report/AdoptionReportPdf.h).
#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QList>

class Database;
class QIODevice;
class Sha256;

class AdoptionReport
{
    Q_DECLARE_TR_FUNCTIONS(AdoptionReport)

public:
    struct Day
    {
        QDate date;
        int visitors = 0;
        int staff = 0;
        int guests = 0;
        int appVerified = 0;     // entries whose app was seen at the kiosk (not overrides)
        int staffWithoutApp = 0; // staff entries without it

        int entries() const { return visitors + staff + guests; }
    };
    struct StaffLapse
    {
        QString fullName;
        QString idNumber;
        int entries = 0; // entries without the app in the window
        QDate lastDate;  // the last of them, in the site's time
    };

    // A window of at most this many days: a year and a bit, one page.
    static constexpr int MaxDays = 400;

    // The entries that came in from <= checked_in_at < to, one Day for every date of the window
    // (days without entries too, so a chart shows the gaps).
    [[nodiscard]] static Result<AdoptionReport> compute(Database& database, const QDateTime& from, const QDateTime& to,
                                                        int utcOffsetMinutes);

    QDateTime from() const { return m_from; }
    QDateTime to() const { return m_to; }
    int utcOffsetMinutes() const { return m_utcOffsetMinutes; }
    const QList<Day>& days() const { return m_days; }
    const QList<StaffLapse>& staffWithoutApp() const { return m_staffWithoutApp; }
    Day total() const;
    // What the audit log records of it: "entries=N verified=N staff_without_app=N".
    QString auditCounts() const;
    // appVerified / entries in percent, 0 when there were no entries.
    static double share(const Day& day);

    // Two tables in one CSV (formats/export-csv.md's conventions: UTF-8 with BOM, CRLF, RFC 4180):
    // the days with a total row, a blank line, then the staff who entered without the app.
    // Headers in English or Vietnamese. Returns the number of rows of both tables.
    [[nodiscard]] Result<qint64> writeCsv(QIODevice& out, const QString& language, Sha256* hash = nullptr) const;

private:
    QDateTime m_from;
    QDateTime m_to;
    int m_utcOffsetMinutes = 0;
    QList<Day> m_days;
    QList<StaffLapse> m_staffWithoutApp;
};
