// Cases in the province's console (issue 25; Vietnamese practice: F0 the case, F1 its contacts,
// F2 theirs): open a case for an ID number and an infectious window, read its stays at every site
// and, for each, the contacts with their overlap in minutes, the second ring on request, mark each
// contact reached or not with a note, close it. Run on a connection acting as an official's scope
// (central/CentralPool.h asScope): row-level security shows a district's official its own
// district's stays and cases only (central/CentralSchema.cpp, version 5). Contact tracing is the
// store's one function (gatehouse.contact_pairs), the same that `central trace` sums.
#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

class CentralConnection;

class CentralCases
{
    Q_DECLARE_TR_FUNCTIONS(CentralCases)

public:
    struct Case
    {
        qint64 id = 0;
        QString idNumber; // normalised
        QDateTime from;
        QDateTime to;
        QString scope;
        QString openedBy;
        QDateTime openedAt;
        QString closedBy;
        QDateTime closedAt;  // invalid while open
        qint64 contacts = 0; // marked so far
        qint64 reached = 0;
    };
    struct Stay
    {
        QString visitKey;
        QString site;
        QString siteName;
        QString entrance;
        QDateTime checkedInAt;
        QDateTime checkedOutAt; // invalid: still inside
    };
    struct Contact
    {
        QString caseVisitKey; // the case's stay it overlapped (F1), or the F1's ID number (F2)
        Stay stay;            // the contact's own stay
        QString fullName;
        QString idNumber;
        QString phone;
        double overlapMinutes = 0;
        QString key;                 // what a mark is kept under: the ID number, or "stay:" and the stay's key
        std::optional<bool> reached; // none: not marked yet
        QString note;
        QString markedBy;
    };

    explicit CentralCases(CentralConnection& connection) : m_connection(connection) {}

    // Opens a case for idNumber (any spelling, common/IdNumber.h) over [from, to), by official.
    // Refused with a sentence: a number that is no ID number, a window that does not end after it
    // starts, or a person with no stay in the window at any site the connection's scope sees.
    [[nodiscard]] Result<qint64> open(const QString& idNumber, const QDateTime& from, const QDateTime& to,
                                      const QString& official);
    // The cases the scope sees, the open ones first, newest first.
    [[nodiscard]] Result<QList<Case>> list();
    // One case; an Error (Input) when it does not exist or is outside the scope: the two are
    // the same answer.
    [[nodiscard]] Result<Case> find(qint64 id);
    [[nodiscard]] Result<QList<Stay>> stays(const Case& found);
    // F1: every pair of a case's stay and a contact's stay, in the order of the case's stays.
    [[nodiscard]] Result<QList<Contact>> contacts(const Case& found);
    // F2: the contacts of each F1 with an ID number in the same window, leaving out the case and
    // the F1s themselves.
    [[nodiscard]] Result<QList<Contact>> secondRing(const Case& found);
    // Marks a contact the case's page shows (ring 1 or 2) of an open case reached or not, with a
    // note (at most 500 characters). Each change, and each view below, is recorded in the central
    // audit (gatehouse.console_audit) in the caller's transaction, the ID numbers masked.
    [[nodiscard]] Result<void> mark(const Case& found, const QString& contactKey, int ring, bool reached,
                                    const QString& note, const QString& official);
    [[nodiscard]] Result<void> close(const Case& found, const QString& official);
    // Records that official saw the case's personal data (with its second ring or not).
    [[nodiscard]] Result<void> noteViewed(const Case& found, bool secondRing, const QString& official);

private:
    [[nodiscard]] Result<QList<Contact>> contactsOf(const QString& sql, const Case& found);

    CentralConnection& m_connection;
};
