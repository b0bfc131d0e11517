// The adoption report's figures and its CSV.
#include "export/AdoptionReport.h"

#include "common/SiteTime.h"
#include "crypto/Sha256.h"
#include "export/CsvExport.h"
#include "storage/Database.h"

#include <QIODevice>
#include <QSqlError>
#include <QSqlQuery>

Result<AdoptionReport> AdoptionReport::compute(Database& database, const QDateTime& from, const QDateTime& to,
                                               int utcOffsetMinutes)
{
    const SiteTime siteTime(utcOffsetMinutes);
    const QDate first = siteTime.dayOf(from);
    const QDate last = siteTime.dayOf(to.addMSecs(-1));
    if (first.daysTo(last) >= MaxDays)
        return Error(Error::Kind::Usage, tr("A report covers at most %1 days: ask for a shorter window.").arg(MaxDays));
    AdoptionReport report;
    report.m_from = from;
    report.m_to = to;
    report.m_utcOffsetMinutes = utcOffsetMinutes;
    for (QDate day = first; day <= last; day = day.addDays(1))
        report.m_days.append({day});

    // Days counted in the site's time: (ms / 1000 + offset) div 86400 is the local day number
    // since 1970-01-01 (SQLite's integer division; times before 1970 do not occur).
    QSqlQuery& counts = database.statement(QStringLiteral(
        "SELECT (checked_in_at / 1000 + ?) / 86400 AS day, person_type, app_status = 'verified', COUNT(*) "
        "FROM entry WHERE checked_in_at >= ? AND checked_in_at < ? GROUP BY 1, 2, 3"));
    counts.addBindValue(siteTime.offsetMinutes() * 60);
    counts.addBindValue(from.toMSecsSinceEpoch());
    counts.addBindValue(to.toMSecsSinceEpoch());
    if (!counts.exec())
        return database.errorFor(counts.lastError(), tr("count the entries for the report"));
    const QDate epoch(1970, 1, 1);
    while (counts.next()) {
        const qint64 index = first.daysTo(epoch.addDays(counts.value(0).toLongLong()));
        if (index < 0 || index >= report.m_days.size())
            continue;
        Day& day = report.m_days[index];
        const QString type = counts.value(1).toString();
        const bool verified = counts.value(2).toBool();
        const int n = counts.value(3).toInt();
        if (type == QLatin1String("staff")) {
            day.staff += n;
            if (!verified)
                day.staffWithoutApp += n;
        } else if (type == QLatin1String("guest")) {
            day.guests += n;
        } else {
            day.visitors += n;
        }
        if (verified)
            day.appVerified += n;
    }
    counts.finish();

    QSqlQuery& lapses = database.statement(QStringLiteral(
        "SELECT full_name, id_number, COUNT(*), MAX(checked_in_at) FROM entry "
        "WHERE person_type = 'staff' AND app_status != 'verified' AND checked_in_at >= ? AND checked_in_at < ? "
        "GROUP BY id_number ORDER BY COUNT(*) DESC, full_name"));
    lapses.addBindValue(from.toMSecsSinceEpoch());
    lapses.addBindValue(to.toMSecsSinceEpoch());
    if (!lapses.exec())
        return database.errorFor(lapses.lastError(), tr("list the staff without the app"));
    while (lapses.next()) {
        report.m_staffWithoutApp.append(
            {lapses.value(0).toString(), lapses.value(1).toString(), lapses.value(2).toInt(),
             siteTime.dayOf(QDateTime::fromMSecsSinceEpoch(lapses.value(3).toLongLong(), Qt::UTC))});
    }
    lapses.finish();
    return report;
}

AdoptionReport::Day AdoptionReport::total() const
{
    Day sum;
    for (const Day& day : m_days) {
        sum.visitors += day.visitors;
        sum.staff += day.staff;
        sum.guests += day.guests;
        sum.appVerified += day.appVerified;
        sum.staffWithoutApp += day.staffWithoutApp;
    }
    return sum;
}

QString AdoptionReport::auditCounts() const
{
    const Day sum = total();
    return QStringLiteral("entries=%1 verified=%2 staff_without_app=%3")
        .arg(sum.entries())
        .arg(sum.appVerified)
        .arg(m_staffWithoutApp.size());
}

double AdoptionReport::share(const Day& day)
{
    return day.entries() ? 100.0 * day.appVerified / day.entries() : 0.0;
}

Result<qint64> AdoptionReport::writeCsv(QIODevice& out, const QString& language, Sha256* hash) const
{
    const bool vi = language == QLatin1String("vi");
    const auto row = [](const QStringList& fields) -> QByteArray {
        QByteArray line;
        for (qsizetype i = 0; i < fields.size(); ++i)
            line += (i ? "," : "") + CsvExport::field(fields[i]);
        return line + "\r\n";
    };
    const auto dayRow = [&row](const QString& label, const Day& day) -> QByteArray {
        return row({label, QString::number(day.visitors), QString::number(day.staff), QString::number(day.guests),
                    QString::number(day.entries()), QString::number(day.appVerified),
                    QString::number(share(day), 'f', 1), QString::number(day.staffWithoutApp)});
    };
    QByteArray text = CsvExport::headerRow(
        vi ? QStringList{QStringLiteral("Ngày"), QStringLiteral("Khách"), QStringLiteral("Cán bộ"),
                         QStringLiteral("Khách lưu trú"), QStringLiteral("Tổng lượt vào"),
                         QStringLiteral("Có ứng dụng"), QStringLiteral("Tỷ lệ có ứng dụng (%)"),
                         QStringLiteral("Cán bộ không có ứng dụng")}
           : QStringList{QStringLiteral("date"), QStringLiteral("visitors"), QStringLiteral("staff"),
                         QStringLiteral("guests"), QStringLiteral("entries"), QStringLiteral("app_verified"),
                         QStringLiteral("app_verified_percent"), QStringLiteral("staff_without_app")});
    qint64 rows = 0;
    for (const Day& day : m_days) {
        text += dayRow(day.date.toString(Qt::ISODate), day);
        ++rows;
    }
    text += dayRow(vi ? QStringLiteral("Tổng") : QStringLiteral("total"), total());
    ++rows;
    text += "\r\n";
    text += row(vi ? QStringList{QStringLiteral("Cán bộ vào không có ứng dụng"), QStringLiteral("Số giấy tờ"),
                                 QStringLiteral("Số lượt"), QStringLiteral("Lần gần nhất")}
                   : QStringList{QStringLiteral("staff_without_app"), QStringLiteral("id_number"),
                                 QStringLiteral("entries"), QStringLiteral("last_date")});
    for (const StaffLapse& lapse : m_staffWithoutApp) {
        text +=
            row({lapse.fullName, lapse.idNumber, QString::number(lapse.entries), lapse.lastDate.toString(Qt::ISODate)});
        ++rows;
    }
    if (hash)
        hash->addData(text);
    if (out.write(text) != text.size())
        return Error(Error::Kind::Failed, tr("The report could not be written (%1).").arg(out.errorString()));
    return rows;
}
