// The rows of an entry export (formats/export-csv.md), wherever they are read from: the kiosk's
// own log (export/EntryCursor.h) or the central store's `visits` (central/CentralEntryRows.h). The
// CSV and XLSX writers read through it, so a kiosk's export and the province's are the same file.
#pragma once

#include "common/Result.h"

#include <QtGlobal>

#include <string_view>

class EntryRows
{
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

    virtual ~EntryRows() = default;

    // Moves to the next row: true on a row, false at the end.
    [[nodiscard]] virtual Result<bool> next() = 0;
    [[nodiscard]] virtual bool isNull(Column column) const = 0;
    // The UTF-8 text of a column of the current row, valid until next().
    [[nodiscard]] virtual std::string_view text(Column column) const = 0;
    // An integer column (the times; a kiosk's entry id).
    [[nodiscard]] virtual qint64 integer(Column column) const = 0;
    // Whether entry_id is a number (a kiosk's own entry) rather than text (the central store's
    // `KIOSK:ID` visit key).
    [[nodiscard]] virtual bool numberedEntries() const = 0;

protected:
    EntryRows() = default;
    EntryRows(const EntryRows&) = default;
    EntryRows& operator=(const EntryRows&) = default;
};
