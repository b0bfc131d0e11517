// The entry log as a workbook.
#include "export/XlsxExport.h"

#include "export/CsvExport.h"
#include "export/EntryCursor.h"
#include "storage/Database.h"

#include "common/FilePrivacy.h"

#include <QDir>
#include <QFileInfo>

#include <QTemporaryFile>

#include <xlsxwriter.h>
#include <zlib.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <string>

namespace {
// Little-endian numbers of a zip's records (PKWARE APPNOTE.TXT, 4.3).
quint32 le32(const QByteArray& bytes, qsizetype at)
{
    return quint32(quint8(bytes[at])) | quint32(quint8(bytes[at + 1])) << 8 | quint32(quint8(bytes[at + 2])) << 16 |
           quint32(quint8(bytes[at + 3])) << 24;
}

quint16 le16(const QByteArray& bytes, qsizetype at)
{
    return quint16(quint8(bytes[at]) | quint8(bytes[at + 1]) << 8);
}

// Widths in characters, chosen for the longest usual value of each column (an ISO time is 19,
// a 12-byte Bluezone ID is 24 hex digits); the header's own length is the floor.
constexpr std::array<double, EntryRows::ColumnCount> Widths = {8,  12, 14, 12, 28, 16, 14, 36,
                                                               20, 20, 14, 14, 14, 22, 28, 40};

// Owns the workbook: closing it is what writes the file, and frees it whatever happens.
struct Workbook
{
    lxw_workbook* book = nullptr;
    ~Workbook()
    {
        if (book)
            workbook_close(book);
    }
    lxw_error close() { return workbook_close(std::exchange(book, nullptr)); }
};
} // namespace

Result<void> XlsxExport::wholeSheet(const QString& path, qint64 rows)
{
    const auto broken = [](const QString& why) { return Error(Error::Kind::Failed, why); };
    QFile zip(path);
    if (!zip.open(QIODevice::ReadOnly) || zip.size() < 22)
        return broken(tr("the file is not a workbook"));
    // The end-of-central-directory record: PK\5\6, 22 bytes from the end (no comment is written).
    zip.seek(zip.size() - 22);
    const QByteArray end = zip.read(22);
    if (le32(end, 0) != 0x06054b50)
        return broken(tr("the workbook's zip does not end"));
    const quint16 entries = le16(end, 10);
    zip.seek(le32(end, 16));
    const QByteArray directory = zip.read(le32(end, 12));
    // The worksheet's entry in the central directory (APPNOTE 4.3.12).
    qsizetype at = 0;
    qint64 localHeader = -1;
    quint32 compressed = 0;
    for (quint16 i = 0; i < entries && at + 46 <= directory.size(); ++i) {
        if (le32(directory, at) != 0x02014b50)
            return broken(tr("the workbook's zip directory is damaged"));
        const quint16 nameLength = le16(directory, at + 28);
        const QByteArray name = directory.mid(at + 46, nameLength);
        if (name == "xl/worksheets/sheet1.xml" && le16(directory, at + 10) == 8) { // deflated
            compressed = le32(directory, at + 20);
            localHeader = le32(directory, at + 42);
        }
        at += 46 + nameLength + le16(directory, at + 30) + le16(directory, at + 32);
    }
    if (localHeader < 0)
        return broken(tr("the workbook has no worksheet"));
    zip.seek(localHeader);
    const QByteArray local = zip.read(30);
    if (local.size() < 30 || le32(local, 0) != 0x04034b50)
        return broken(tr("the workbook's zip is damaged"));
    zip.seek(localHeader + 30 + le16(local, 26) + le16(local, 28));

    // Inflate it (raw deflate: zlib with negative window bits) a block at a time, counting rows and
    // keeping the last bytes to see the sheet end.
    z_stream stream = {};
    if (inflateInit2(&stream, -MAX_WBITS) != Z_OK)
        return broken(tr("zlib could not start"));
    const QByteArray rowTag = "<row ";
    QByteArray tail;
    qint64 seen = 0;
    quint32 left = compressed;
    int status = Z_OK;
    char output[1 << 16];
    while (left > 0 && status != Z_STREAM_END) {
        QByteArray input = zip.read(std::min<quint32>(left, 1 << 16));
        if (input.isEmpty())
            break;
        left -= quint32(input.size());
        stream.next_in = reinterpret_cast<Bytef*>(input.data());
        stream.avail_in = uInt(input.size());
        do {
            stream.next_out = reinterpret_cast<Bytef*>(output);
            stream.avail_out = sizeof output;
            status = inflate(&stream, Z_NO_FLUSH);
            if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR) {
                inflateEnd(&stream);
                return broken(tr("the worksheet does not inflate"));
            }
            const qsizetype produced = qsizetype(sizeof output - stream.avail_out);
            // The rows, also one split between two blocks (the tail carries its start over).
            QByteArray window = tail + QByteArray(output, produced);
            seen += window.count(rowTag);
            tail = window.right(rowTag.size() - 1 + 16);
            seen -= tail.count(rowTag);
        } while (stream.avail_out == 0);
    }
    inflateEnd(&stream);
    seen += tail.count(rowTag);
    if (status != Z_STREAM_END || !tail.trimmed().endsWith("</worksheet>"))
        return broken(tr("the worksheet is cut short"));
    if (seen != rows)
        return broken(tr("the worksheet holds %1 rows of %2").arg(seen).arg(rows));
    return {};
}

double XlsxExport::serialDate(qint64 ms, int offsetSeconds)
{
    // 25569 = days from 1899-12-30 to 1970-01-01 (the 1900 date system's serial numbers).
    const qint64 seconds = qint64(std::floor(double(ms) / 1000.0)) + offsetSeconds;
    return double(seconds) / 86400.0 + 25569.0;
}

Result<qint64> XlsxExport::write(Database& database, const QString& path, const QDateTime& from, const QDateTime& to,
                                 const QString& language, int utcOffsetMinutes)
{
    auto cursor = EntryCursor::open(database.path(), from, to);
    if (!cursor)
        return cursor.error();
    return write(cursor.value(), path, language, utcOffsetMinutes);
}

Result<qint64> XlsxExport::write(EntryRows& entries, const QString& path, const QString& language, int utcOffsetMinutes)
{
    const QFileInfo target(path);
    QTemporaryFile temporary(target.absoluteDir().filePath(QStringLiteral(".%1.XXXXXX").arg(target.fileName())));
    if (!temporary.open())
        return Error(Error::Kind::Input, tr("Gatehouse cannot write %1 (%2).").arg(path, temporary.errorString()));
    temporary.close();
    const QByteArray temporaryName = QFile::encodeName(temporary.fileName());

    const auto failed = [&path](lxw_error error) {
        return Error(
            Error::Kind::Failed,
            tr("The workbook %1 could not be written (%2).").arg(path, QString::fromUtf8(lxw_strerror(error))));
    };
    lxw_workbook_options options = {};
    options.constant_memory = LXW_TRUE;
    Workbook workbook;
    workbook.book = workbook_new_opt(temporaryName.constData(), &options);
    if (!workbook.book)
        return failed(LXW_ERROR_CREATING_XLSX_FILE);
    const bool vietnamese = language == QLatin1String("vi");
    const QByteArray sheetName = (vietnamese ? QStringLiteral("Lượt ra vào") : QStringLiteral("Entries")).toUtf8();
    lxw_worksheet* sheet = workbook_add_worksheet(workbook.book, sheetName.constData());

    lxw_format* headerFormat = workbook_add_format(workbook.book);
    format_set_bold(headerFormat);
    format_set_bottom(headerFormat, LXW_BORDER_THIN);
    format_set_bg_color(headerFormat, 0xDDEBF7);
    format_set_text_wrap(headerFormat);
    // "@" is the text number format: a cell edited later stays text, leading zeros included.
    lxw_format* textFormat = workbook_add_format(workbook.book);
    format_set_num_format(textFormat, "@");
    lxw_format* timeFormat = workbook_add_format(workbook.book);
    format_set_num_format(timeFormat, "yyyy-mm-dd hh:mm:ss");

    const QStringList labels = vietnamese ? CsvExport::vietnameseColumns() : CsvExport::columns();
    for (int c = 0; c < EntryRows::ColumnCount; ++c) {
        const bool time = c == EntryRows::CheckedInAt || c == EntryRows::CheckedOutAt;
        const bool number = c == EntryRows::EntryId && entries.numberedEntries();
        // A visit key (KIOSK:ID) is wider than a kiosk's entry number.
        const double least = c == EntryRows::EntryId && !number ? 20 : Widths[size_t(c)];
        const double width = std::max(least, double(labels[c].size()) + 2);
        worksheet_set_column(sheet, lxw_col_t(c), lxw_col_t(c), width,
                             time ? timeFormat : (number ? nullptr : textFormat));
        worksheet_write_string(sheet, 0, lxw_col_t(c), labels[c].toUtf8().constData(), headerFormat);
    }
    worksheet_freeze_panes(sheet, 1, 0);

    const int offset = utcOffsetMinutes * 60;
    qint64 rows = 0;
    std::string cell;
    for (;;) {
        const Result<bool> row = entries.next();
        if (!row)
            return row.error();
        if (!row.value())
            break;
        if (rows == MaxRows)
            return Error(Error::Kind::Failed,
                         tr("More than %1 entries overlap this window, more than a spreadsheet holds: export a "
                            "shorter window or a CSV file.")
                             .arg(MaxRows));
        ++rows;
        const auto r = lxw_row_t(rows);
        for (int c = 0; c < EntryRows::ColumnCount; ++c) {
            const auto column = EntryRows::Column(c);
            if (entries.isNull(column))
                continue;
            lxw_error written = LXW_NO_ERROR;
            if (column == EntryRows::EntryId && entries.numberedEntries()) {
                written = worksheet_write_number(sheet, r, lxw_col_t(c), double(entries.integer(column)), nullptr);
            } else if (column == EntryRows::CheckedInAt || column == EntryRows::CheckedOutAt) {
                written = worksheet_write_number(sheet, r, lxw_col_t(c), serialDate(entries.integer(column), offset),
                                                 timeFormat);
            } else {
                // Always a string cell, never parsed: a name such as "=1+2" stays text as typed.
                cell.assign(entries.text(column));
                written = worksheet_write_string(sheet, r, lxw_col_t(c), cell.c_str(), textFormat);
            }
            if (written != LXW_NO_ERROR)
                return failed(written);
        }
    }
    worksheet_autofilter(sheet, 0, 0, lxw_row_t(rows), EntryRows::ColumnCount - 1);
    if (const lxw_error closed = workbook.close(); closed != LXW_NO_ERROR)
        return failed(closed);
    // libxlsxwriter does not report every failed write: a full disk half-way through its temporary
    // worksheet gave a well-formed zip holding a truncated sheet, and success. The sheet is read
    // back, so that a workbook handed out is whole or not there.
    const Result<void> whole = wholeSheet(temporary.fileName(), rows + 1);
    if (!whole)
        return Error(Error::Kind::Failed, tr("The workbook %1 could not be written whole (%2; is the disk full?). "
                                             "Nothing was written.")
                                              .arg(path, whole.error().message()));
    // Private (common/FilePrivacy.h); rename(2) then replaces an older file of the same name in
    // one step.
    if (!FilePrivacy::restrict(temporary.fileName()))
        return Error(Error::Kind::Failed, tr("Gatehouse cannot make %1 private.").arg(path));
    if (std::rename(temporaryName.constData(), QFile::encodeName(path).constData()) != 0)
        return Error(Error::Kind::Input, tr("Gatehouse cannot write %1 (%2).").arg(path, qt_error_string(errno)));
    temporary.setAutoRemove(false);
    return rows;
}
