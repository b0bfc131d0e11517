// Cases in the province's console.
#include "central/CentralCases.h"

#include "central/CentralConnection.h"
#include "central/CentralOfficials.h"
#include "common/IdNumber.h"
#include "export/OfficialAsk.h"
#include "storage/AuditLog.h"

#include <algorithm>

namespace {
const QString CASE_COLUMNS = QStringLiteral(
    "f.id, f.id_number, f.window_from, f.window_to, f.scope, f.opened_by, f.opened_at, f.closed_by, f.closed_at,"
    " (SELECT count(*) FROM gatehouse.case_contact m WHERE m.case_id = f.id),"
    " (SELECT count(*) FROM gatehouse.case_contact m WHERE m.case_id = f.id AND m.reached)");

CentralCases::Case caseOf(const QStringList& row)
{
    return {row[0].toLongLong(),
            row[1],
            CentralConnection::timeFrom(row[2]),
            CentralConnection::timeFrom(row[3]),
            row[4],
            row[5],
            CentralConnection::timeFrom(row[6]),
            row[7],
            CentralConnection::timeFrom(row[8]),
            row[9].toLongLong(),
            row[10].toLongLong()};
}

// A contact's stay and person, then its mark: the columns contactsOf() reads, after the pair's two.
const QString CONTACT_COLUMNS = QStringLiteral(
    "v.visit_key, v.site, v.site_name, v.entrance, v.checked_in_at, v.checked_out_at, v.full_name, v.id_number,"
    " v.phone, m.reached, m.note, m.marked_by");
const QString CONTACT_MARK = QStringLiteral(" LEFT JOIN gatehouse.case_contact m ON m.case_id = $4"
                                            " AND m.contact = coalesce(v.id_number, 'stay:' || v.visit_key)");
} // namespace

Result<qint64> CentralCases::open(const QString& idNumber, const QDateTime& from, const QDateTime& to,
                                  const QString& official)
{
    const auto number = IdNumber::parse(idNumber);
    if (!number)
        return number.error();
    const Result<void> asked = OfficialAsk::check(from, to, QStringLiteral("vi"));
    if (!asked)
        return asked.error();
    const QStringList window = {number->text(), CentralConnection::timeParameter(from),
                                CentralConnection::timeParameter(to)};
    const auto stayed = m_connection.exec(QStringLiteral("SELECT gatehouse.seen_case_stayed($1, $2, $3)"), window);
    if (!stayed)
        return stayed.error();
    if (stayed->values.value(0).value(0) != QLatin1String("t"))
        return Error(Error::Kind::Usage, tr("Nobody with the ID number %1 stayed at a site you can see between these "
                                            "two times. Check the number and the window.")
                                             .arg(number->text()));
    const auto opened = m_connection.exec(
        QStringLiteral("INSERT INTO gatehouse.case_file (id_number, window_from, window_to, scope, opened_by)"
                       " VALUES ($1, $2, $3, gatehouse.scope_of(current_user), $4) RETURNING id"),
        window + QStringList{official});
    if (!opened)
        return opened.error();
    return opened->values.value(0).value(0).toLongLong();
}

Result<QList<CentralCases::Case>> CentralCases::list()
{
    const auto rows = m_connection.exec(QStringLiteral("SELECT ") + CASE_COLUMNS +
                                        QStringLiteral(" FROM gatehouse.case_file f"
                                                       " ORDER BY f.closed_at IS NOT NULL, f.opened_at DESC, f.id DESC"
                                                       " LIMIT 500"));
    if (!rows)
        return rows.error();
    QList<Case> cases;
    for (const QStringList& row : rows->values)
        cases.append(caseOf(row));
    return cases;
}

Result<CentralCases::Case> CentralCases::find(qint64 id)
{
    const auto rows = m_connection.exec(QStringLiteral("SELECT ") + CASE_COLUMNS +
                                            QStringLiteral(" FROM gatehouse.case_file f WHERE f.id = $1"),
                                        {QString::number(id)});
    if (!rows)
        return rows.error();
    if (rows->values.isEmpty())
        return Error(Error::Kind::Input, tr("There is no case %1 that you may open.").arg(id));
    return caseOf(rows->values.first());
}

Result<QList<CentralCases::Stay>> CentralCases::stays(const Case& found)
{
    const auto rows = m_connection.exec(
        QStringLiteral("SELECT visit_key, site, site_name, entrance, checked_in_at, checked_out_at"
                       " FROM gatehouse.scoped_visits WHERE id_number = $1"
                       " AND checked_in_at < $3 AND coalesce(checked_out_at, 'infinity') > $2"
                       " ORDER BY checked_in_at, visit_key"),
        {found.idNumber, CentralConnection::timeParameter(found.from), CentralConnection::timeParameter(found.to)});
    if (!rows)
        return rows.error();
    QList<Stay> stays;
    for (const QStringList& row : rows->values)
        stays.append(Stay{row[0], row[1], row[2], row[3], CentralConnection::timeFrom(row[4]),
                          CentralConnection::timeFrom(row[5])});
    return stays;
}

Result<QList<CentralCases::Contact>> CentralCases::contactsOf(const QString& sql, const Case& found)
{
    const auto rows = m_connection.exec(sql, {found.idNumber, CentralConnection::timeParameter(found.from),
                                              CentralConnection::timeParameter(found.to), QString::number(found.id)});
    if (!rows)
        return rows.error();
    QList<Contact> contacts;
    for (const QStringList& row : rows->values) {
        Contact contact;
        contact.caseVisitKey = row[0];
        contact.overlapMinutes = row[1].toDouble();
        contact.stay = Stay{
            row[2], row[3], row[4], row[5], CentralConnection::timeFrom(row[6]), CentralConnection::timeFrom(row[7])};
        contact.fullName = row[8];
        contact.idNumber = row[9];
        contact.phone = row[10];
        contact.key = row[9].isEmpty() ? QStringLiteral("stay:") + row[2] : row[9];
        if (!row[11].isNull())
            contact.reached = row[11] == QLatin1String("t");
        contact.note = row[12];
        contact.markedBy = row[13];
        contacts.append(contact);
    }
    return contacts;
}

Result<QList<CentralCases::Contact>> CentralCases::contacts(const Case& found)
{
    return contactsOf(QStringLiteral("SELECT p.case_visit_key, round(p.overlap_minutes, 1), ") + CONTACT_COLUMNS +
                          QStringLiteral(" FROM gatehouse.scoped_contact_pairs($1, $2, $3) p"
                                         " JOIN gatehouse.scoped_visits c ON c.visit_key = p.case_visit_key"
                                         " JOIN gatehouse.scoped_visits v ON v.visit_key = p.visit_key") +
                          CONTACT_MARK +
                          QStringLiteral(" ORDER BY c.checked_in_at, p.case_visit_key, v.checked_in_at, v.visit_key"),
                      found);
}

Result<QList<CentralCases::Contact>> CentralCases::secondRing(const Case& found)
{
    // Each F1 with an ID number, then the pairs of their stays in the window (the same function
    // with the F1 as the case), without the case and the F1s.
    return contactsOf(
        QStringLiteral(
            "WITH first_ring AS (SELECT DISTINCT f.id_number FROM gatehouse.scoped_contact_pairs($1, $2, $3) p"
            " JOIN gatehouse.scoped_visits f ON f.visit_key = p.visit_key WHERE f.id_number IS NOT NULL)"
            " SELECT r.id_number, round(sum(p.overlap_minutes), 1), ") +
            CONTACT_COLUMNS +
            QStringLiteral(" FROM first_ring r CROSS JOIN LATERAL gatehouse.scoped_contact_pairs(r.id_number, $2, $3) p"
                           " JOIN gatehouse.scoped_visits v ON v.visit_key = p.visit_key") +
            CONTACT_MARK +
            QStringLiteral(" WHERE v.id_number IS DISTINCT FROM $1"
                           " AND v.id_number NOT IN (SELECT id_number FROM first_ring)"
                           " GROUP BY r.id_number, v.visit_key, v.site, v.site_name, v.entrance, v.checked_in_at,"
                           " v.checked_out_at, v.full_name, v.id_number, v.phone, m.reached, m.note, m.marked_by"
                           " ORDER BY r.id_number, v.checked_in_at, v.visit_key"),
        found);
}

Result<void> CentralCases::mark(const Case& found, const QString& contactKey, int ring, bool reached,
                                const QString& note, const QString& official)
{
    if (found.closedAt.isValid())
        return Error(Error::Kind::Usage, tr("This case is closed; its contacts can no longer be marked."));
    if (note.size() > 500)
        return Error(Error::Kind::Usage, tr("A note has at most 500 characters."));
    const Error notAContact(Error::Kind::Usage, tr("That is not a contact of this case."));
    if (contactKey.isEmpty() || contactKey.size() > 200 || (ring != 1 && ring != 2))
        return notAContact;
    // Only a contact the case's page shows may be marked: a key made up in a form is refused.
    auto known = ring == 1 ? contacts(found) : secondRing(found);
    if (!known)
        return known.error();
    if (std::none_of(known->cbegin(), known->cend(), [&](const Contact& c) { return c.key == contactKey; }))
        return notAContact;
    const auto marked = m_connection.exec(
        QStringLiteral("INSERT INTO gatehouse.case_contact (case_id, contact, ring, reached, note, marked_by)"
                       " VALUES ($1, $2, $3, $4, $5, $6)"
                       " ON CONFLICT (case_id, contact) DO UPDATE SET reached = EXCLUDED.reached, note = EXCLUDED.note,"
                       " marked_by = EXCLUDED.marked_by, marked_at = now(), ring = least(gatehouse.case_contact.ring,"
                       " EXCLUDED.ring)"),
        {QString::number(found.id), contactKey, QString::number(ring),
         reached ? QStringLiteral("t") : QStringLiteral("f"), note, official});
    if (!marked)
        return marked.error();
    return CentralOfficials(m_connection)
        .note(official,
              reached ? QStringLiteral("marked contact reached") : QStringLiteral("marked contact not reached"),
              QStringLiteral("case %1, contact %2")
                  .arg(found.id)
                  .arg(contactKey.startsWith(QLatin1String("stay:")) ? contactKey
                                                                     : AuditLog::maskedIdNumber(contactKey)));
}

Result<void> CentralCases::close(const Case& found, const QString& official)
{
    const auto closed =
        m_connection.exec(QStringLiteral("UPDATE gatehouse.case_file SET closed_by = $2, closed_at = now()"
                                         " WHERE id = $1 AND closed_at IS NULL"),
                          {QString::number(found.id), official});
    if (!closed)
        return closed.error();
    return CentralOfficials(m_connection)
        .note(official, QStringLiteral("closed case"), QStringLiteral("case %1").arg(found.id));
}

Result<void> CentralCases::noteViewed(const Case& found, bool secondRing, const QString& official)
{
    return CentralOfficials(m_connection)
        .note(official, secondRing ? QStringLiteral("viewed case with second ring") : QStringLiteral("viewed case"),
              QStringLiteral("case %1 (F0 %2)").arg(found.id).arg(AuditLog::maskedIdNumber(found.idNumber)));
}
