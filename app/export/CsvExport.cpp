// The entry log as officials receive it.
#include "export/CsvExport.h"

#include "crypto/Sha256.h"
#include "export/EntryCursor.h"
#include "storage/Database.h"

#include <QDateTime>
#include <QIODevice>

#include <cstdio>
#include <cstdlib>
#include <string_view>

QStringList CsvExport::columns()
{
    return {QStringLiteral("entry_id"),       QStringLiteral("site"),          QStringLiteral("entrance"),
            QStringLiteral("person_type"),    QStringLiteral("full_name"),     QStringLiteral("id_number"),
            QStringLiteral("phone"),          QStringLiteral("address"),       QStringLiteral("checked_in_at"),
            QStringLiteral("checked_out_at"), QStringLiteral("checkout_kind"), QStringLiteral("method"),
            QStringLiteral("app_status"),     QStringLiteral("app_profile"),   QStringLiteral("app_id"),
            QStringLiteral("declaration")};
}

QStringList CsvExport::vietnameseColumns()
{
    return {QStringLiteral("Mã lượt"),
            QStringLiteral("Cơ quan"),
            QStringLiteral("Cổng"),
            QStringLiteral("Loại người"),
            QStringLiteral("Họ và tên"),
            QStringLiteral("Số giấy tờ"),
            QStringLiteral("Số điện thoại"),
            QStringLiteral("Địa chỉ"),
            QStringLiteral("Giờ vào"),
            QStringLiteral("Giờ ra"),
            QStringLiteral("Cách ra"),
            QStringLiteral("Cách khai báo"),
            QStringLiteral("Ứng dụng truy vết"),
            QStringLiteral("Loại ứng dụng"),
            QStringLiteral("Mã ứng dụng"),
            QStringLiteral("Khai báo y tế")};
}

QByteArray CsvExport::header(const QString& language, const QStringList& extra)
{
    return headerRow((language == QLatin1String("vi") ? vietnameseColumns() : columns()) + extra);
}

QByteArray CsvExport::headerRow(const QStringList& names)
{
    QByteArray header = "\xEF\xBB\xBF"; // UTF-8 byte-order mark: Excel then reads Vietnamese right
    for (qsizetype i = 0; i < names.size(); ++i)
        header += (i ? "," : "") + field(names[i]);
    header += "\r\n";
    return header;
}

QByteArray CsvExport::field(const QString& value)
{
    const QByteArray utf8 = value.toUtf8();
    QByteArray out;
    appendField(out, utf8.constData(), utf8.size());
    return out;
}

bool CsvExport::startsFormula(std::string_view text, size_t position)
{
    while (position < text.size() && text[position] == ' ')
        ++position;
    if (position >= text.size())
        return false;
    switch (text[position]) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
    case '\n':
        return true;
    case '\xEF':
        break; // perhaps a full-width form
    default:
        return false; // most cells: a letter or a digit
    }
    // The full-width forms (U+FF1D ＝, U+FF0B ＋, U+FF0D －, U+FF20 ＠), which spreadsheets in
    // East Asian locales take for their ASCII forms: EF BC 9D, EF BC 8B, EF BC 8D, EF BC A0 in UTF-8.
    const std::string_view rest = text.substr(position);
    for (const std::string_view wide : {"\xEF\xBC\x9D", "\xEF\xBC\x8B", "\xEF\xBC\x8D", "\xEF\xBC\xA0"}) {
        if (rest.substr(0, wide.size()) == wide)
            return true;
    }
    return false;
}

void CsvExport::appendField(QByteArray& out, const char* utf8, qsizetype size)
{
    const std::string_view text(utf8, size_t(size));
    out += '"';
    // Copied in runs between the characters that matter (a quote to double, a character a
    // spreadsheet may split cells on): most fields are one run.
    size_t copied = 0;      // text[0, copied) is in out
    size_t position = 0;    // where to look next
    bool cellStarts = true; // a cell starts at position: at the start, after , ; or tab
    for (;;) {
        if (cellStarts && startsFormula(text, position)) {
            out.append(text.data() + copied, qsizetype(position - copied));
            out += '\'';
            copied = position;
        }
        // By hand: std::string_view::find_first_of calls memchr once per character.
        size_t special = position;
        while (special < text.size() && text[special] != '"' && text[special] != ',' && text[special] != ';' &&
               text[special] != '\t')
            ++special;
        if (special == text.size())
            break;
        if (text[special] == '"') {
            out.append(text.data() + copied, qsizetype(special + 1 - copied));
            out += '"';
            copied = special + 1;
        }
        cellStarts = text[special] != '"';
        position = special + 1;
    }
    out.append(text.data() + copied, qsizetype(text.size() - copied));
    out += '"';
}

QByteArray CsvExport::isoTime(qint64 ms, int offsetSeconds)
{
    // Days since 1970-01-01 to a civil date: the proleptic Gregorian algorithm of H. Hinnant,
    // "chrono-Compatible Low-Level Date Algorithms" (days_from_civil inverse).
    const qint64 local = ms / 1000 + offsetSeconds - (ms % 1000 < 0 ? 1 : 0);
    qint64 days = local / 86400;
    qint64 seconds = local % 86400;
    if (seconds < 0) {
        seconds += 86400;
        --days;
    }
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 dayOfEra = days - era * 146097;
    const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 mp = (5 * dayOfYear + 2) / 153;
    const qint64 day = dayOfYear - (153 * mp + 2) / 5 + 1;
    const qint64 month = mp < 10 ? mp + 3 : mp - 9;
    const qint64 year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    // Digits by hand: snprintf took a sixth of an export's time (perf, BenchExport).
    char text[32];
    const auto digits = [&text](int at, qint64 value, int count) {
        for (int d = count - 1; d >= 0; --d) {
            text[at + d] = char('0' + value % 10);
            value /= 10;
        }
    };
    if (year < 0 || year > 9999) // beyond four digits (never a kiosk's time): as Qt writes it
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::OffsetFromUTC, offsetSeconds).toString(Qt::ISODate).toLatin1();
    digits(0, year, 4);
    text[4] = '-';
    digits(5, month, 2);
    text[7] = '-';
    digits(8, day, 2);
    text[10] = 'T';
    digits(11, seconds / 3600, 2);
    text[13] = ':';
    digits(14, seconds / 60 % 60, 2);
    text[16] = ':';
    digits(17, seconds % 60, 2);
    int length = 19;
    if (offsetSeconds == 0) {
        text[length++] = 'Z';
    } else {
        const int minutes = std::abs(offsetSeconds) / 60;
        text[length++] = offsetSeconds < 0 ? '-' : '+';
        digits(length, minutes / 60, 2);
        text[length + 2] = ':';
        digits(length + 3, minutes % 60, 2);
        length += 5;
    }
    return QByteArray(text, length);
}

// The rows of any reader. A template so that the kiosk's own cursor (a final class) is read
// without a virtual call per cell: 16 cells a row, a million rows (BenchExport).
template <typename Rows>
Result<qint64> CsvExport::writeRows(Rows& entries, QIODevice& out, const QString& language, int utcOffsetMinutes,
                                    Sha256* hash)
{
    QByteArray lines = CsvExport::header(language);
    lines.reserve(1 << 17);
    const auto flush = [&] {
        if (hash)
            hash->addData(lines);
        const bool written = out.write(lines) == lines.size();
        lines.clear();
        return written;
    };
    const auto failedWrite = [&out] {
        return Error(Error::Kind::Failed,
                     CsvExport::tr("The export could not be written (%1).").arg(out.errorString()));
    };
    const int offset = utcOffsetMinutes * 60;
    qint64 rows = 0;
    for (;;) {
        const Result<bool> row = entries.next();
        if (!row)
            return row.error();
        if (!row.value())
            break;
        for (int c = 0; c < EntryRows::ColumnCount; ++c) {
            const auto column = EntryRows::Column(c);
            if (c)
                lines += ',';
            if (entries.isNull(column))
                continue;
            if (column == EntryRows::CheckedInAt || column == EntryRows::CheckedOutAt) {
                lines += '"' + isoTime(entries.integer(column), offset) + '"'; // never neutralised
            } else {
                const std::string_view text = entries.text(column);
                appendField(lines, text.data(), qsizetype(text.size()));
            }
        }
        lines += "\r\n";
        ++rows;
        if (lines.size() > (1 << 16) && !flush())
            return failedWrite();
    }
    if (!flush())
        return failedWrite();
    return rows;
}

Result<qint64> CsvExport::write(Database& database, QIODevice& out, const QDateTime& from, const QDateTime& to,
                                const QString& language, int utcOffsetMinutes, Sha256* hash)
{
    auto cursor = EntryCursor::open(database.path(), from, to);
    if (!cursor)
        return cursor.error();
    return writeRows(cursor.value(), out, language, utcOffsetMinutes, hash);
}

Result<qint64> CsvExport::write(EntryRows& entries, QIODevice& out, const QString& language, int utcOffsetMinutes,
                                Sha256* hash)
{
    return writeRows(entries, out, language, utcOffsetMinutes, hash);
}
