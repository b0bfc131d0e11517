// Compliance per site, district and day, from the store's daily counts.
#include "central/CentralCompliance.h"

#include "central/CentralConnection.h"
#include "export/CsvExport.h"

#include <QMap>

#include <algorithm>

namespace {
constexpr const char* SUMS = "coalesce(sum(d.entries), 0), coalesce(sum(d.app_verified), 0),"
                             " coalesce(sum(d.overridden), 0), coalesce(sum(d.sent_to_receptionist), 0)";

CentralCompliance::Figures figuresFrom(const QStringList& row, int first)
{
    return {row[first].toLongLong(), row[first + 1].toLongLong(), row[first + 2].toLongLong(),
            row[first + 3].toLongLong()};
}

QString percent(const CentralCompliance::Figures& figures)
{
    return figures.entries ? QString::number(100.0 * figures.share(), 'f', 1) : QString();
}
} // namespace

CentralCompliance::Figures& CentralCompliance::Figures::operator+=(const Figures& other)
{
    entries += other.entries;
    appVerified += other.appVerified;
    overridden += other.overridden;
    sentToReceptionist += other.sentToReceptionist;
    return *this;
}

CentralCompliance::CentralCompliance(CentralConnection& connection) : m_connection(connection) {}

Result<void> CentralCompliance::checkWindow(const QDate& from, const QDate& to) const
{
    if (!from.isValid() || !to.isValid())
        return Error(Error::Kind::Usage, tr("Give the window as two dates."));
    if (to < from)
        return Error(Error::Kind::Usage, tr("The window must end on or after the day it starts."));
    if (from.daysTo(to) >= MAX_DAYS)
        return Error(Error::Kind::Usage, tr("A window of at most %1 days, please.").arg(MAX_DAYS));
    return {};
}

Result<CentralCompliance::Report> CentralCompliance::report(const QDate& from, const QDate& to, const QDateTime& now)
{
    if (const Result<void> window = checkWindow(from, to); !window)
        return window.error();
    Report report{from, to, {}, {}, {}, {}, {}};
    const QStringList window{from.toString(Qt::ISODate), to.toString(Qt::ISODate)};

    // Every site of the scope, one with no entry in the window too (a door that records nothing
    // is what the province must see first).
    const auto sites =
        m_connection.exec(QStringLiteral("SELECT s.site, s.name, coalesce(s.district, ''), %1"
                                         " FROM gatehouse.site s LEFT JOIN gatehouse.site_day d"
                                         " ON d.site = s.site AND d.day BETWEEN $1::date AND $2::date"
                                         " GROUP BY s.site ORDER BY s.district NULLS LAST, s.name, s.site")
                              .arg(QLatin1String(SUMS)),
                          window);
    if (!sites)
        return sites.error();
    QMap<QString, DistrictFigures> districts;
    for (const QStringList& row : sites->values) {
        const SiteFigures site{row[0], row[1], row[2], figuresFrom(row, 3)};
        report.sites.append(site);
        report.total += site.figures;
        DistrictFigures& district = districts[site.district];
        district.district = site.district;
        ++district.sites;
        district.figures += site.figures;
    }
    report.districts = districts.values();

    const auto days = m_connection.exec(
        QStringLiteral("SELECT g.day::date, %1 FROM generate_series($1::date, $2::date, '1 day') g(day)"
                       " LEFT JOIN gatehouse.site_day d ON d.day = g.day::date"
                       " GROUP BY g.day ORDER BY g.day")
            .arg(QLatin1String(SUMS)),
        window);
    if (!days)
        return days.error();
    for (const QStringList& row : days->values)
        report.days.append({QDate::fromString(row[0], Qt::ISODate), figuresFrom(row, 1)});

    const auto silent = m_connection.exec(
        QStringLiteral("SELECT k.kiosk, k.site, s.name, coalesce(s.district, ''), k.last_received_at"
                       " FROM gatehouse.kiosk k JOIN gatehouse.site s ON s.site = k.site"
                       " WHERE k.last_received_at IS NULL OR k.last_received_at < $1::timestamptz - interval '1 day'"
                       " ORDER BY k.last_received_at NULLS FIRST, k.kiosk"),
        {now.toUTC().toString(Qt::ISODateWithMs)});
    if (!silent)
        return silent.error();
    for (const QStringList& row : silent->values)
        report.silent.append({row[0], row[1], row[2], row[3], CentralConnection::timeFrom(row[4])});
    return report;
}

QList<CentralCompliance::SiteFigures> CentralCompliance::belowTarget(const QList<SiteFigures>& sites, double target)
{
    QList<SiteFigures> below;
    std::copy_if(sites.begin(), sites.end(), std::back_inserter(below), [target](const SiteFigures& site) {
        return site.figures.entries > 0 && site.figures.share() < target;
    });
    std::stable_sort(below.begin(), below.end(), [](const SiteFigures& a, const SiteFigures& b) {
        if (a.figures.share() != b.figures.share())
            return a.figures.share() < b.figures.share();
        return a.figures.entries > b.figures.entries;
    });
    return below;
}

Result<QByteArray> CentralCompliance::csv(const QDate& from, const QDate& to, const QString& language)
{
    if (const Result<void> window = checkWindow(from, to); !window)
        return window.error();
    const auto rows = m_connection.exec(
        QStringLiteral("SELECT d.day, s.site, s.name, coalesce(s.district, ''), %1"
                       " FROM gatehouse.site_day d JOIN gatehouse.site s ON s.site = d.site"
                       " WHERE d.day BETWEEN $1::date AND $2::date"
                       " GROUP BY d.day, s.site ORDER BY d.day, s.district NULLS LAST, s.name, s.site")
            .arg(QLatin1String(SUMS)),
        {from.toString(Qt::ISODate), to.toString(Qt::ISODate)});
    if (!rows)
        return rows.error();
    const bool vi = language == QLatin1String("vi");
    QByteArray text = CsvExport::headerRow(
        vi ? QStringList{QStringLiteral("Ngày"), QStringLiteral("Mã cơ sở"), QStringLiteral("Cơ sở"),
                         QStringLiteral("Huyện"), QStringLiteral("Tổng lượt vào"), QStringLiteral("Có ứng dụng"),
                         QStringLiteral("Tỷ lệ có ứng dụng (%)"), QStringLiteral("Không có ứng dụng"),
                         QStringLiteral("Lễ tân cho vào không có ứng dụng"), QStringLiteral("Chuyển đến lễ tân")}
           : QStringList{QStringLiteral("date"), QStringLiteral("site"), QStringLiteral("site_name"),
                         QStringLiteral("district"), QStringLiteral("entries"), QStringLiteral("app_verified"),
                         QStringLiteral("app_verified_percent"), QStringLiteral("without_app"),
                         QStringLiteral("overridden_by_receptionist"), QStringLiteral("sent_to_receptionist")});
    for (const QStringList& row : rows->values) {
        const Figures figures = figuresFrom(row, 4);
        const QStringList fields{row[0],
                                 row[1],
                                 row[2],
                                 row[3],
                                 QString::number(figures.entries),
                                 QString::number(figures.appVerified),
                                 percent(figures),
                                 QString::number(figures.withoutApp()),
                                 QString::number(figures.overridden),
                                 QString::number(figures.sentToReceptionist)};
        for (qsizetype i = 0; i < fields.size(); ++i)
            text += (i ? "," : "") + CsvExport::field(fields[i]);
        text += "\r\n";
    }
    return text;
}
