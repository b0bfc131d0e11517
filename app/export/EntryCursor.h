// The entries that overlap a window, read row by row through SQLite's own C API (UTF-8 as stored,
// no row cache) on a read-only connection of its own: in WAL mode it reads a consistent snapshot
// while the kiosk keeps writing, and memory does not grow with the number of rows. The CSV and
// XLSX exports both read through it, so both hold exactly the same rows.
#pragma once

#include "export/EntryRows.h"

#include <QCoreApplication>
#include <QDateTime>

#include <sqlite3.h>

#include <string_view>

class EntryCursor final : public EntryRows
{
    Q_DECLARE_TR_FUNCTIONS(EntryCursor)

public:
    // Every entry with checked_in_at < to and (still inside or checked_out_at >= from), by
    // check-in time, from the database file at path.
    [[nodiscard]] static Result<EntryCursor> open(const QString& path, const QDateTime& from, const QDateTime& to);

    EntryCursor(EntryCursor&& other) noexcept;
    EntryCursor& operator=(EntryCursor&&) = delete;
    EntryCursor(const EntryCursor&) = delete;
    EntryCursor& operator=(const EntryCursor&) = delete;
    ~EntryCursor();

    [[nodiscard]] Result<bool> next() override;
    // The current row, straight from SQLite's own buffers (no copy).
    [[nodiscard]] bool isNull(Column column) const override
    {
        return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
    }
    [[nodiscard]] std::string_view text(Column column) const override
    {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_statement, column));
        return text ? std::string_view(text, size_t(sqlite3_column_bytes(m_statement, column))) : std::string_view();
    }
    [[nodiscard]] qint64 integer(Column column) const override { return sqlite3_column_int64(m_statement, column); }
    [[nodiscard]] bool numberedEntries() const override { return true; }

private:
    EntryCursor(sqlite3* db, sqlite3_stmt* statement);
    Error readError() const;

    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_statement = nullptr;
};
