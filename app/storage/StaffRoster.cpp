// The site's staff, imported from a spreadsheet.
#include "storage/StaffRoster.h"

#include "common/CsvReader.h"
#include "common/IdNumber.h"
#include "storage/Database.h"

#include <QBuffer>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace {
// Header names a roster may use, English or Vietnamese, for each column.
const QList<QStringList> HEADERS{
    {QStringLiteral("name"), QStringLiteral("full_name"), QStringLiteral("họ và tên"), QStringLiteral("họ tên")},
    {QStringLiteral("staff_number"), QStringLiteral("staff number"), QStringLiteral("mã nhân viên"),
     QStringLiteral("mã cán bộ")},
    {QStringLiteral("department"), QStringLiteral("phòng ban"), QStringLiteral("đơn vị")},
    {QStringLiteral("phone"), QStringLiteral("số điện thoại"), QStringLiteral("điện thoại")},
    {QStringLiteral("id_number"), QStringLiteral("id number"), QStringLiteral("số cccd"), QStringLiteral("cccd")},
};
} // namespace

StaffRoster::StaffRoster(Database& database) : m_database(database) {}

Result<StaffRoster::Import> StaffRoster::importCsv(const QByteArray& csv)
{
    QByteArray copy = csv;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    return importCsv(buffer);
}

Result<StaffRoster::Import> StaffRoster::importCsv(QIODevice& csv)
{
    CsvReader reader(csv);
    const std::optional<CsvReader::Row> first = reader.next();
    if (!first)
        return Error(Error::Kind::Input, tr("The roster file is empty."));
    // Columns by header name, so a site's own column order works; without a recognisable header
    // the documented order is assumed.
    QList<int> column{0, 1, 2, 3, 4};
    bool hasHeader = false;
    for (int c = 0; c < HEADERS.size(); ++c) {
        for (int i = 0; i < first->fields.size(); ++i) {
            if (HEADERS[c].contains(first->fields[i].trimmed().toLower())) {
                column[c] = i;
                hasHeader = true;
            }
        }
    }
    Import result;
    QSqlDatabase db = m_database.connection();
    if (!db.transaction())
        return m_database.errorFor(db.lastError(), tr("import the roster"));
    QSet<QString> seen;
    std::optional<CsvReader::Row> next = hasHeader ? reader.next() : first;
    for (; next; next = reader.next()) {
        const CsvReader::Row& row = *next;
        const auto field = [&row](int index) {
            return index < row.fields.size() ? row.fields[index].trimmed() : QString();
        };
        Member member{field(column[0]), field(column[1]), field(column[2]), field(column[3]), field(column[4])};
        if (member.fullName.isEmpty() || member.staffNumber.isEmpty()) {
            result.rejected.append(tr("line %1: the name or the staff number is missing").arg(row.line));
            continue;
        }
        // Staff are recognised at the door by their ID number: it is stored in the one spelling
        // the entry log uses (common/IdNumber.h), and a number that is none is reported.
        if (!member.idNumber.isEmpty()) {
            const auto number = IdNumber::parse(member.idNumber);
            if (!number) {
                result.rejected.append(tr("line %1: %2").arg(row.line).arg(number.error().message()));
                continue;
            }
            member.idNumber = number->text();
        }
        if (seen.contains(member.staffNumber)) {
            result.rejected.append(tr("line %1: staff number %2 appears twice").arg(row.line).arg(member.staffNumber));
            continue;
        }
        seen.insert(member.staffNumber);
        QSqlQuery exists(db);
        exists.prepare(QStringLiteral("SELECT 1 FROM staff WHERE staff_number = ?"));
        exists.addBindValue(member.staffNumber);
        const bool known = exists.exec() && exists.next();
        QSqlQuery upsert(db);
        upsert.prepare(QStringLiteral("INSERT OR REPLACE INTO staff (staff_number, full_name, department, phone, "
                                      "id_number) VALUES (?, ?, ?, ?, ?)"));
        for (const QString& value :
             {member.staffNumber, member.fullName, member.department, member.phone, member.idNumber})
            upsert.addBindValue(value.isEmpty() ? QVariant() : QVariant(value));
        if (!upsert.exec()) {
            const Error error = m_database.errorFor(upsert.lastError(), tr("import the roster"));
            db.rollback();
            return error;
        }
        (known ? result.updated : result.added) += 1;
    }
    if (!reader.problem().isEmpty())
        result.rejected.append(reader.problem());
    if (!db.commit()) {
        const Error error = m_database.errorFor(db.lastError(), tr("import the roster"));
        db.rollback();
        return error;
    }
    return result;
}

Result<std::optional<StaffRoster::Member>> StaffRoster::findByIdNumber(const QString& idNumber) const
{
    QSqlQuery& query = m_database.statement(
        QStringLiteral("SELECT full_name, staff_number, department, phone, id_number FROM staff WHERE id_number = ?"));
    query.addBindValue(IdNumber::normalised(idNumber));
    if (!query.exec())
        return m_database.errorFor(query.lastError(), tr("read the roster"));
    if (!query.next())
        return std::optional<Member>();
    const Member member{query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                        query.value(3).toString(), query.value(4).toString()};
    query.finish(); // a read left active would hold the connection's snapshot (storage/Database.h)
    return std::optional<Member>(member);
}

Result<int> StaffRoster::size() const
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("SELECT count(*) FROM staff")) || !query.next())
        return m_database.errorFor(query.lastError(), tr("read the roster"));
    return query.value(0).toInt();
}

Result<QList<StaffRoster::Lapse>> StaffRoster::withoutApp(const QDateTime& from, const QDateTime& to) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT s.full_name, s.staff_number, s.department, s.phone, s.id_number, count(e.id), max(e.checked_in_at) "
        "FROM staff s JOIN entry e ON e.id_number = s.id_number "
        "WHERE e.app_status != 'verified' AND e.checked_in_at >= ? AND e.checked_in_at < ? "
        "GROUP BY s.staff_number ORDER BY s.department, s.full_name"));
    query.addBindValue(from.toMSecsSinceEpoch());
    query.addBindValue(to.toMSecsSinceEpoch());
    if (!query.exec())
        return m_database.errorFor(query.lastError(), tr("read the roster"));
    QList<Lapse> lapses;
    while (query.next()) {
        lapses.append({Member{query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                              query.value(3).toString(), query.value(4).toString()},
                       query.value(5).toInt(), QDateTime::fromMSecsSinceEpoch(query.value(6).toLongLong(), Qt::UTC)});
    }
    return lapses;
}
