// Compliance in the province's console (issue 25): what the People's Committee's letter of July
// 2020 asks the province to watch — at every site, district and day, the entries, the share of them
// with the tracing app verified at the door, the visitors sent to the receptionist and those let in
// without the app; the sites below a target share, lowest first; the kiosks that have not sent for
// a day. Read from the counts the store keeps per site and day as events arrive (gatehouse.site_day,
// central/CentralSchema.cpp version 6), on a connection acting as an official's scope, so row-level
// security shows a district its own sites only. Counts, never people: nothing here is personal.
#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

class CentralConnection;

class CentralCompliance
{
    Q_DECLARE_TR_FUNCTIONS(CentralCompliance)

public:
    struct Figures
    {
        qint64 entries = 0;
        qint64 appVerified = 0;
        qint64 overridden = 0; // let in by a receptionist without the app
        qint64 sentToReceptionist = 0;
        // Entries without the app verified: under a "recommended" policy the door lets them in,
        // under "required" only a receptionist does (overridden).
        qint64 withoutApp() const { return entries - appVerified; }
        // The share with the app verified, 0..1; 0 without entries.
        double share() const { return entries > 0 ? double(appVerified) / double(entries) : 0.0; }
        Figures& operator+=(const Figures& other);
    };
    struct SiteFigures
    {
        QString site;
        QString name;
        QString district;
        Figures figures;
    };
    struct DistrictFigures
    {
        QString district;
        int sites = 0;
        Figures figures;
    };
    struct DayFigures
    {
        QDate day;
        Figures figures;
    };
    struct SilentKiosk
    {
        QString kiosk;
        QString site;
        QString siteName;
        QString district;
        QDateTime lastReceivedAt; // invalid: never heard from
    };
    struct Report
    {
        QDate from;
        QDate to;
        Figures total;
        QList<SiteFigures> sites;         // every site of the scope, by district and name
        QList<DistrictFigures> districts; // by name
        QList<DayFigures> days;           // every day of the window, a day without entries too
        QList<SilentKiosk> silent;        // longest silent first
    };
    // The longest window a page or file covers.
    static constexpr int MAX_DAYS = 366;

    explicit CentralCompliance(CentralConnection& connection);

    // The days from..to (both included, the province's days); refused with a sentence when the
    // window is reversed or longer than MAX_DAYS. A kiosk is silent when it has sent nothing since
    // a day before now.
    [[nodiscard]] Result<Report> report(const QDate& from, const QDate& to, const QDateTime& now);

    // The sites with entries whose share is below target (0..1), lowest share first (then most
    // entries: the busiest doors matter most).
    static QList<SiteFigures> belowTarget(const QList<SiteFigures>& sites, double target);

    // The report's table per site and day as CSV (export-csv.md's rules: UTF-8 with BOM, CRLF,
    // formula-like cells neutralised), headers in the given language.
    [[nodiscard]] Result<QByteArray> csv(const QDate& from, const QDate& to, const QString& language);

private:
    [[nodiscard]] Result<void> checkWindow(const QDate& from, const QDate& to) const;

    CentralConnection& m_connection;
};
