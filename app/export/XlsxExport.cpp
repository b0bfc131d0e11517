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

#include <array>
#include <cmath>
#include <cstdio>
#include <string>

namespace {
// Widths in characters, chosen for the longest usual value of each column (an ISO time is 19,
// a 12-byte Bluezone ID is 24 hex digits); the header's own length is the floor.
constexpr std::array<double, EntryCursor::ColumnCount> Widths = {8,  12, 14, 12, 28, 16, 14, 36,
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

double XlsxExport::serialDate(qint64 ms, int offsetSeconds)
{
    // 25569 = days from 1899-12-30 to 1970-01-01 (the 1900 date system's serial numbers).
    const qint64 seconds = qint64(std::floor(double(ms) / 1000.0)) + offsetSeconds;
    return double(seconds) / 86400.0 + 25569.0;
}

Result<qint64> XlsxExport::write(Database& database, const QString& path, const QDateTime& from, const QDateTime& to,
                                 const QString& language, int utcOffsetMinutes)
{
    const QFileInfo target(path);
    QTemporaryFile temporary(target.absoluteDir().filePath(QStringLiteral(".%1.XXXXXX").arg(target.fileName())));
    if (!temporary.open())
        return Error(Error::Kind::Input, tr("Gatehouse cannot write %1 (%2).").arg(path, temporary.errorString()));
    temporary.close();
    const QByteArray temporaryName = QFile::encodeName(temporary.fileName());

    auto cursor = EntryCursor::open(database.path(), from, to);
    if (!cursor)
        return cursor.error();

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
    for (int c = 0; c < EntryCursor::ColumnCount; ++c) {
        const bool time = c == EntryCursor::CheckedInAt || c == EntryCursor::CheckedOutAt;
        const double width = std::max(Widths[size_t(c)], double(labels[c].size()) + 2);
        worksheet_set_column(sheet, lxw_col_t(c), lxw_col_t(c), width,
                             time ? timeFormat : (c == EntryCursor::EntryId ? nullptr : textFormat));
        worksheet_write_string(sheet, 0, lxw_col_t(c), labels[c].toUtf8().constData(), headerFormat);
    }
    worksheet_freeze_panes(sheet, 1, 0);

    const int offset = utcOffsetMinutes * 60;
    qint64 rows = 0;
    std::string cell;
    for (;;) {
        const Result<bool> row = cursor->next();
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
        for (int c = 0; c < EntryCursor::ColumnCount; ++c) {
            const auto column = EntryCursor::Column(c);
            if (cursor->isNull(column))
                continue;
            lxw_error written = LXW_NO_ERROR;
            if (column == EntryCursor::EntryId) {
                written = worksheet_write_number(sheet, r, lxw_col_t(c), double(cursor->integer(column)), nullptr);
            } else if (column == EntryCursor::CheckedInAt || column == EntryCursor::CheckedOutAt) {
                written = worksheet_write_number(sheet, r, lxw_col_t(c), serialDate(cursor->integer(column), offset),
                                                 timeFormat);
            } else {
                // Always a string cell, never parsed: a name such as "=1+2" stays text as typed.
                cell.assign(cursor->text(column));
                written = worksheet_write_string(sheet, r, lxw_col_t(c), cell.c_str(), textFormat);
            }
            if (written != LXW_NO_ERROR)
                return failed(written);
        }
    }
    worksheet_autofilter(sheet, 0, 0, lxw_row_t(rows), EntryCursor::ColumnCount - 1);
    if (const lxw_error closed = workbook.close(); closed != LXW_NO_ERROR)
        return failed(closed);
    // Private (common/FilePrivacy.h); rename(2) then replaces an older file of the same name in
    // one step.
    if (!FilePrivacy::restrict(temporary.fileName()))
        return Error(Error::Kind::Failed, tr("Gatehouse cannot make %1 private.").arg(path));
    if (std::rename(temporaryName.constData(), QFile::encodeName(path).constData()) != 0)
        return Error(Error::Kind::Input, tr("Gatehouse cannot write %1 (%2).").arg(path, qt_error_string(errno)));
    temporary.setAutoRemove(false);
    return rows;
}
