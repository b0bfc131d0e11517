// The entries that overlap a window, read row by row through SQLite's own C API (UTF-8 as stored,
// no row cache) on a read-only connection of its own: in WAL mode it reads a consistent snapshot
// while the kiosk keeps writing, and memory does not grow with the number of rows. The CSV and
// XLSX exports both read through it, so both hold exactly the same rows.
#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QDateTime>

#include <sqlite3.h>

#include <string_view>

class EntryCursor
{
    Q_DECLARE_TR_FUNCTIONS(EntryCursor)

public:
    // The columns, in the order of formats/export-csv.md.
    enum Column {
        EntryId,
        Site,
        Entrance,
        PersonType,
        FullName,
        IdNumber,
        Phone,
        Address,
        CheckedInAt, // Unix milliseconds
        CheckedOutAt,
        CheckoutKind,
        Method,
        AppStatus,
        AppProfile,
        AppId,
        Declaration,
        ColumnCount
    };

    // Every entry with checked_in_at < to and (still inside or checked_out_at >= from), by
    // check-in time, from the database file at path.
    [[nodiscard]] static Result<EntryCursor> open(const QString& path, const QDateTime& from, const QDateTime& to);

    EntryCursor(EntryCursor&& other) noexcept;
    EntryCursor& operator=(EntryCursor&&) = delete;
    EntryCursor(const EntryCursor&) = delete;
    EntryCursor& operator=(const EntryCursor&) = delete;
    ~EntryCursor();

    // Moves to the next row: true on a row, false at the end.
    [[nodiscard]] Result<bool> next();

    // Inline: an export calls them 16 times a row, a million rows (BenchExport).
    [[nodiscard]] bool isNull(Column column) const { return sqlite3_column_type(m_statement, column) == SQLITE_NULL; }
    // The UTF-8 text of a column of the current row, valid until next().
    [[nodiscard]] std::string_view text(Column column) const
    {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_statement, column));
        return text ? std::string_view(text, size_t(sqlite3_column_bytes(m_statement, column))) : std::string_view();
    }
    [[nodiscard]] qint64 integer(Column column) const { return sqlite3_column_int64(m_statement, column); }

private:
    EntryCursor(sqlite3* db, sqlite3_stmt* statement);
    Error readError() const;

    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_statement = nullptr;
};
