// The entry log as a workbook, for officials who open exports in a spreadsheet
// (formats/export-csv.md, last paragraph): a spreadsheet opening the CSV turns 046190000001 into
// 46190000001 and 0912345678 into 912345678. Here ID numbers and phones are text cells, times are
// date-time cells in the site's time zone, the header row is frozen and has a filter, and the
// columns are wide enough to read. Written with libxlsxwriter in its constant-memory mode (rows go
// to disk as they are written), so a million rows do not grow the process.
#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QDateTime>

class Database;
class EntryRows;

class XlsxExport
{
    Q_DECLARE_TR_FUNCTIONS(XlsxExport)

public:
    // Excel's limit: 1,048,576 rows a sheet, one of them the header.
    static constexpr qint64 MaxRows = 1048575;

    // Writes the same rows as CsvExport::write to the workbook at path, through a temporary file
    // in the same folder renamed at the end: no partial workbook is left looking complete.
    // Returns how many rows.
    [[nodiscard]] static Result<qint64> write(Database& database, const QString& path, const QDateTime& from,
                                              const QDateTime& to, const QString& language, int utcOffsetMinutes);
    // The same for any rows (the central store's, whose entry_id is text).
    [[nodiscard]] static Result<qint64> write(EntryRows& entries, const QString& path, const QString& language,
                                              int utcOffsetMinutes);

    // Whether the workbook at path holds its worksheet whole: the zip's directory read, the sheet
    // inflated to its end tag, rows <row> elements in it (the header's included). libxlsxwriter
    // does not report every failed write, so its result is read back.
    [[nodiscard]] static Result<void> wholeSheet(const QString& path, qint64 rows);

    // The spreadsheet serial number (days since 1899-12-30, Excel's and LibreOffice's epoch) of a
    // Unix-millisecond time shown at a UTC offset, to the second.
    static double serialDate(qint64 ms, int offsetSeconds);
};
