// The entry log as officials receive it (formats/export-csv.md): the entries that overlap a
// window, as UTF-8 CSV with a byte-order mark, RFC 4180 quoting, CRLF, English or Vietnamese
// headers, times with the site's UTC offset, and formula-like cells neutralised. Rows are
// streamed from the database through SQLite's own C API (UTF-8 as stored, no row cache), so
// memory does not grow with their number and a million rows take seconds.
#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QStringList>

#include <string_view>

class Database;
class EntryRows;
class Sha256;
class QIODevice;

class CsvExport
{
    Q_DECLARE_TR_FUNCTIONS(CsvExport)

public:
    // The columns of formats/export-csv.md, in order.
    static QStringList columns();
    // Their Vietnamese labels, in the same order.
    static QStringList vietnameseColumns();

    // One CSV field, always quoted (RFC 4180, 2.5-2.7: a separator inside it never splits it), and
    // neutralised with ' wherever a cell would start with a formula character (OWASP CSV
    // injection): at its start, and after every , ; or tab inside it, where a spreadsheet that
    // splits on that character (Vietnamese and many European locales use ;) would start a cell.
    // A cell starts with a formula when, after leading spaces, it starts with = + - @ tab CR LF or
    // their full-width forms ＝ ＋ － ＠ (formats/export-csv.md).
    static QByteArray field(const QString& value);
    // Whether the UTF-8 text at position (after any spaces there) would start a formula.
    static bool startsFormula(std::string_view text, size_t position);
    // The header row: byte-order mark, the columns in language ("en" or "vi"), any extra ones.
    static QByteArray header(const QString& language, const QStringList& extra = {});
    // A header row of any names, with the byte-order mark (the adoption report's own columns).
    static QByteArray headerRow(const QStringList& names);
    // The same for UTF-8 bytes, appended to out.
    static void appendField(QByteArray& out, const char* utf8, qsizetype size);

    // ISO 8601 of a Unix-millisecond time at a UTC offset, to the second ("+07:00", or "Z" at 0),
    // as QDateTime::toString(Qt::ISODate) writes it, at a small part of its cost (callgrind: a
    // quarter of an export's time went there).
    static QByteArray isoTime(qint64 ms, int offsetSeconds);

    // Writes the header and every entry with checked_in_at < to and (still inside or
    // checked_out_at >= from); returns how many rows. When hash is given, every byte written is
    // added to it (the audit log records the file's SHA-256 without reading it again).
    [[nodiscard]] static Result<qint64> write(Database& database, QIODevice& out, const QDateTime& from,
                                              const QDateTime& to, const QString& language, int utcOffsetMinutes,
                                              Sha256* hash = nullptr);
    // The same for any rows (the central store's): the header, then every row it gives.
    [[nodiscard]] static Result<qint64> write(EntryRows& entries, QIODevice& out, const QString& language,
                                              int utcOffsetMinutes, Sha256* hash = nullptr);

private:
    template <typename Rows>
    [[nodiscard]] static Result<qint64> writeRows(Rows& entries, QIODevice& out, const QString& language,
                                                  int utcOffsetMinutes, Sha256* hash);
};
