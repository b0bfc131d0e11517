// The entry log as officials receive it.
#include "export/CsvExport.h"

#include "crypto/Sha256.h"
#include "storage/Database.h"

#include <QIODevice>

#include <sqlite3.h>

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
    QByteArray header = "\xEF\xBB\xBF"; // UTF-8 byte-order mark: Excel then reads Vietnamese right
    const QStringList names = (language == QLatin1String("vi") ? vietnameseColumns() : columns()) + extra;
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

void CsvExport::appendField(QByteArray& out, const char* utf8, qsizetype size)
{
    const std::string_view text(utf8, size_t(size));
    const bool formula = !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
    const bool quoted = text.find_first_of(",\"\n\r") != std::string_view::npos;
    if (!formula && !quoted) {
        out.append(utf8, size);
        return;
    }
    if (quoted)
        out += '"';
    if (formula)
        out += '\'';
    for (char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    if (quoted)
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
    char text[32];
    int length = std::snprintf(text, sizeof text, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld",
                               static_cast<long long>(year), static_cast<long long>(month), static_cast<long long>(day),
                               static_cast<long long>(seconds / 3600), static_cast<long long>(seconds / 60 % 60),
                               static_cast<long long>(seconds % 60));
    if (offsetSeconds == 0) {
        text[length++] = 'Z';
    } else {
        const int minutes = std::abs(offsetSeconds) / 60;
        length += std::snprintf(text + length, sizeof text - size_t(length), "%c%02d:%02d",
                                offsetSeconds < 0 ? '-' : '+', minutes / 60, minutes % 60);
    }
    return QByteArray(text, length);
}

Result<qint64> CsvExport::write(Database& database, QIODevice& out, const QDateTime& from, const QDateTime& to,
                                const QString& language, int utcOffsetMinutes, Sha256* hash)
{
    const auto failedWrite = [&out] {
        return Error(Error::Kind::Failed, tr("The export could not be written (%1).").arg(out.errorString()));
    };
    const QByteArray header = CsvExport::header(language);
    if (out.write(header) != header.size())
        return failedWrite();
    if (hash)
        hash->addData(header);

    // A connection of its own, read-only: in WAL mode it reads a consistent snapshot while the
    // kiosk keeps writing.
    sqlite3* db = nullptr;
    const QByteArray path = database.path().toUtf8();
    const auto failedRead = [&db](const char* what) {
        const QString reason = QString::fromUtf8(db ? sqlite3_errmsg(db) : what);
        sqlite3_close(db);
        return Error(Error::Kind::Failed, tr("The entries could not be read for the export (%1).").arg(reason));
    };
    if (sqlite3_open_v2(path.constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
        return failedRead("open");
    sqlite3_busy_timeout(db, 5000);
    sqlite3_stmt* statement = nullptr;
    const char* sql = "SELECT id, site, entrance, person_type, full_name, id_number, phone, address, checked_in_at, "
                      "checked_out_at, checkout_kind, method, app_status, app_profile, app_id, declaration FROM entry "
                      "WHERE checked_in_at < ?1 AND (checked_out_at IS NULL OR checked_out_at >= ?2) "
                      "ORDER BY checked_in_at, id";
    if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) != SQLITE_OK)
        return failedRead("prepare");
    sqlite3_bind_int64(statement, 1, to.toMSecsSinceEpoch());
    sqlite3_bind_int64(statement, 2, from.toMSecsSinceEpoch());

    const int offset = utcOffsetMinutes * 60;
    qint64 rows = 0;
    QByteArray lines;
    lines.reserve(1 << 17);
    const auto flush = [&] {
        if (hash)
            hash->addData(lines);
        const bool written = out.write(lines) == lines.size();
        lines.clear();
        return written;
    };
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(statement)) == SQLITE_ROW) {
        for (int column = 0; column < 16; ++column) {
            if (column)
                lines += ',';
            if (sqlite3_column_type(statement, column) == SQLITE_NULL)
                continue;
            if (column == 8 || column == 9) {
                lines += isoTime(sqlite3_column_int64(statement, column), offset); // never needs quoting
            } else {
                const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
                appendField(lines, text, sqlite3_column_bytes(statement, column));
            }
        }
        lines += "\r\n";
        ++rows;
        if (lines.size() > (1 << 16) && !flush()) {
            sqlite3_finalize(statement);
            sqlite3_close(db);
            return failedWrite();
        }
    }
    sqlite3_finalize(statement);
    if (step != SQLITE_DONE)
        return failedRead("step");
    sqlite3_close(db);
    if (!flush())
        return failedWrite();
    return rows;
}
