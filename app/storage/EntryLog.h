// The entry log: every entry and exit, stored so that an entry acknowledged to a visitor is on
// disk (each write is its own committed transaction on a synchronous=FULL WAL database).
#pragma once

#include "common/Result.h"
#include "storage/Entry.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

class Database;
class QSqlQuery;

class EntryLog
{
    Q_DECLARE_TR_FUNCTIONS(EntryLog)

public:
    explicit EntryLog(Database& database);

    // Stores a new entry (and marks its pass used); its id once committed. Only then may anyone
    // be told it is recorded.
    [[nodiscard]] Result<qint64> record(const Entry& entry);
    // Whether a visitor pass has been used to check in before (single-use passes).
    [[nodiscard]] Result<bool> passUsed(const QString& passId) const;
    // Records the exit of an entry still inside; an Error when there is none with that id, or
    // it has left already.
    [[nodiscard]] Result<void> checkOut(qint64 id, const QDateTime& at, Entry::CheckoutKind kind);
    // Everyone still inside who came before `at` checks out at `at`, marked `auto` (an estimate:
    // the closing time).
    [[nodiscard]] Result<int> checkOutEveryone(const QDateTime& at);

    [[nodiscard]] Result<std::optional<Entry>> find(qint64 id) const;
    // The entry of the person with this ID number who is inside, if any.
    [[nodiscard]] Result<std::optional<Entry>> findInside(const QString& idNumber) const;
    // The stays of one person that overlap [from, to).
    [[nodiscard]] Result<QList<Entry>> staysOf(const QString& idNumber, const QDateTime& from,
                                               const QDateTime& to) const;
    // Every entry at site whose stay may overlap [start, end): closed ones that did, and every
    // one still open that began before end (the caller decides how long an open stay lasts).
    [[nodiscard]] Result<QList<Entry>> overlapping(const QString& site, const QDateTime& start,
                                                   const QDateTime& end) const;
    // Everyone inside now, earliest first.
    [[nodiscard]] Result<QList<Entry>> inside() const;

    // Retention: deletes entries that ended (or began, for entries never closed) before cutoff.
    [[nodiscard]] Result<int> purgeBefore(const QDateTime& cutoff);
    // Deletes every entry of one person, on their request.
    [[nodiscard]] Result<int> deletePerson(const QString& idNumber);
    // Retention of health answers: the declarations of entries that began before cutoff.
    [[nodiscard]] Result<int> forgetDeclarationsBefore(const QDateTime& cutoff);
    // Retention of used single-use passes: those expired by now, and those of unknown expiry used
    // before cutoff.
    [[nodiscard]] Result<int> purgeUsedPasses(const QDateTime& now, const QDateTime& cutoff);
    Database& database() const { return m_database; }

    static QString encodeDeclaration(const QList<QPair<QString, QString>>& answers);
    static QList<QPair<QString, QString>> decodeDeclaration(const QString& text);

private:
    static Entry entryFrom(const QSqlQuery& query);
    [[nodiscard]] Result<QList<Entry>> select(const QString& where, const QVariantList& values) const;

    Database& m_database;
};
