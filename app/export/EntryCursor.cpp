// The entries that overlap a window, row by row.
#include "export/EntryCursor.h"

#include <sqlite3.h>

EntryCursor::EntryCursor(sqlite3* db, sqlite3_stmt* statement) : m_db(db), m_statement(statement) {}

EntryCursor::EntryCursor(EntryCursor&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_statement(std::exchange(other.m_statement, nullptr))
{}

EntryCursor::~EntryCursor()
{
    sqlite3_finalize(m_statement);
    sqlite3_close(m_db);
}

Result<EntryCursor> EntryCursor::open(const QString& path, const QDateTime& from, const QDateTime& to)
{
    sqlite3* db = nullptr;
    const QByteArray file = path.toUtf8();
    const int opened = sqlite3_open_v2(file.constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    // From here the cursor owns the connection (and closes it on every path out).
    EntryCursor cursor(db, nullptr);
    if (opened != SQLITE_OK)
        return cursor.readError();
    sqlite3_busy_timeout(db, 5000);
    const char* sql = "SELECT id, site, entrance, person_type, full_name, id_number, phone, address, checked_in_at, "
                      "checked_out_at, checkout_kind, method, app_status, app_profile, app_id, declaration FROM entry "
                      "WHERE checked_in_at < ?1 AND (checked_out_at IS NULL OR checked_out_at >= ?2) "
                      "ORDER BY checked_in_at, id";
    if (sqlite3_prepare_v2(db, sql, -1, &cursor.m_statement, nullptr) != SQLITE_OK)
        return cursor.readError();
    sqlite3_bind_int64(cursor.m_statement, 1, to.toMSecsSinceEpoch());
    sqlite3_bind_int64(cursor.m_statement, 2, from.toMSecsSinceEpoch());
    return cursor;
}

Result<bool> EntryCursor::next()
{
    switch (sqlite3_step(m_statement)) {
    case SQLITE_ROW:
        return true;
    case SQLITE_DONE:
        return false;
    default:
        return readError();
    }
}

Error EntryCursor::readError() const
{
    const QString reason = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QStringLiteral("out of memory");
    return Error(Error::Kind::Failed, tr("The entries could not be read for the export (%1).").arg(reason));
}
