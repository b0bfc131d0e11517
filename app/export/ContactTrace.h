// The contact-tracing query health officials ask when a case is confirmed: given a person and a
// window, every entry at the same site whose stay overlapped one of that person's stays, with the
// overlap in minutes. An entry without an exit counts until its automatic check-out (the site's
// closing time that day) or, where the site never closes, until now.
#pragma once

#include "checkin/CheckInService.h"

#include <QCoreApplication>

class EntryLog;
class QIODevice;
class Sha256;

class ContactTrace
{
    Q_DECLARE_TR_FUNCTIONS(ContactTrace)

public:
    struct Contact
    {
        Entry entry; // the other person's entry
        qint64 overlapMinutes = 0;
        qint64 caseEntryId = 0; // the stay of the traced person it overlapped
    };

    // An Error (kind Failed, exit 1) when the person has no stay in the window; an ID number that is
    // none is an Error (kind Usage) with the rule.
    [[nodiscard]] static Result<QList<Contact>> find(const EntryLog& log, const Site& site, const QString& idNumber,
                                                     const QDateTime& from, const QDateTime& to, const QDateTime& now);
    // The contacts as export CSV (formats/export-csv.md columns) plus `overlap_minutes`; the
    // bytes written go into hash too when it is given.
    [[nodiscard]] static Result<qint64> writeCsv(const QList<Contact>& contacts, QIODevice& out,
                                                 const QString& language, int utcOffsetMinutes, Sha256* hash = nullptr);

    // When an entry's stay ends for tracing: its exit, else the site's closing time that day,
    // else now.
    static QDateTime stayEnd(const Entry& entry, const Site& site, const QDateTime& now);
};
