// The site's staff, imported from a spreadsheet (CSV: name, staff number, department, phone, ID
// number): staff are recognised at check-in, and the leaders can see who entered without the
// app verified (the directive makes them responsible for their staff installing it).
#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QStringList>

#include <optional>

class Database;
class QIODevice;

class StaffRoster
{
    Q_DECLARE_TR_FUNCTIONS(StaffRoster)

public:
    struct Member
    {
        QString fullName;
        QString staffNumber;
        QString department;
        QString phone;
        QString idNumber;
    };

    struct Import
    {
        int added = 0;
        int updated = 0;
        QStringList rejected; // "line N: why", one per bad row; the good rows are kept
    };

    // Staff who entered without the app verified, for the report.
    struct Lapse
    {
        Member member;
        int entries = 0;
        QDateTime lastEntry;
    };

    explicit StaffRoster(Database& database);

    // Reads a roster CSV (a header row, then one member a row), a record at a time, and stores
    // every good row in one transaction; a row with a missing name or staff number, a duplicated
    // staff number or an ID number that is none is reported by line and skipped.
    [[nodiscard]] Result<Import> importCsv(QIODevice& csv);
    [[nodiscard]] Result<Import> importCsv(const QByteArray& csv);
    [[nodiscard]] Result<std::optional<Member>> findByIdNumber(const QString& idNumber) const;
    [[nodiscard]] Result<int> size() const;
    [[nodiscard]] Result<QList<Lapse>> withoutApp(const QDateTime& from, const QDateTime& to) const;

private:
    Database& m_database;
};
