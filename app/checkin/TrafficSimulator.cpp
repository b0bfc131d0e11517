// Realistic demo traffic for a site's entry log.
#include "checkin/TrafficSimulator.h"

#include "storage/Database.h"

#include <QStringList>

#include <algorithm>

namespace {
// Common Vietnamese family, middle and given names.
const QStringList FAMILY{QStringLiteral("Nguyễn"), QStringLiteral("Trần"),  QStringLiteral("Lê"),
                         QStringLiteral("Phạm"),   QStringLiteral("Hoàng"), QStringLiteral("Huỳnh"),
                         QStringLiteral("Phan"),   QStringLiteral("Võ"),    QStringLiteral("Đặng"),
                         QStringLiteral("Bùi"),    QStringLiteral("Đỗ"),    QStringLiteral("Hồ"),
                         QStringLiteral("Ngô"),    QStringLiteral("Dương"), QStringLiteral("Lý")};
const QStringList MIDDLE{QStringLiteral("Văn"),  QStringLiteral("Thị"),   QStringLiteral("Hữu"),
                         QStringLiteral("Minh"), QStringLiteral("Thanh"), QStringLiteral("Quốc"),
                         QStringLiteral("Ngọc"), QStringLiteral("Thu")};
const QStringList GIVEN{
    QStringLiteral("An"),    QStringLiteral("Bình"),  QStringLiteral("Châu"), QStringLiteral("Dũng"),
    QStringLiteral("Hà"),    QStringLiteral("Hương"), QStringLiteral("Khoa"), QStringLiteral("Lan"),
    QStringLiteral("Long"),  QStringLiteral("Mai"),   QStringLiteral("Nam"),  QStringLiteral("Ngọc"),
    QStringLiteral("Phúc"),  QStringLiteral("Quân"),  QStringLiteral("Tâm"),  QStringLiteral("Thảo"),
    QStringLiteral("Trang"), QStringLiteral("Tuấn"),  QStringLiteral("Vy"),   QStringLiteral("Yến")};
const QStringList STREETS{QStringLiteral("Lê Lợi"),     QStringLiteral("Trần Hưng Đạo"), QStringLiteral("Hùng Vương"),
                          QStringLiteral("Nguyễn Huệ"), QStringLiteral("Bến Nghé"),      QStringLiteral("Đống Đa")};
} // namespace

TrafficSimulator::TrafficSimulator(CheckInService& service, Database& database, Plan plan)
    : m_service(service), m_database(database), m_plan(plan), m_random(plan.seed)
{}

QString TrafficSimulator::name()
{
    return FAMILY[m_random.bounded(FAMILY.size())] + u' ' + MIDDLE[m_random.bounded(MIDDLE.size())] + u' ' +
           GIVEN[m_random.bounded(GIVEN.size())];
}

QString TrafficSimulator::idNumber()
{
    // CCCD numbers: a 3-digit province code (046 is Thừa Thiên Huế), then 9 digits.
    return QStringLiteral("046%1").arg(m_random.bounded(1000000000), 9, 10, QLatin1Char('0'));
}

QString TrafficSimulator::phone()
{
    return QStringLiteral("09%1").arg(m_random.bounded(100000000), 8, 10, QLatin1Char('0'));
}

Result<TrafficSimulator::Totals> TrafficSimulator::run(const std::function<void(int, int)>& progress)
{
    Totals totals;
    const SiteTime siteTime = m_service.site().time();
    const QDateTime now = m_service.now();
    const QDate today = siteTime.dayOf(now);
    for (int day = 0; day < m_plan.days; ++day) {
        const QDate date = today.addDays(day - m_plan.days + 1);
        // Arrivals through the working day, 07:00-17:00 local, in time order.
        QList<qint64> arrivals;
        for (int i = 0; i < m_plan.perDay; ++i)
            arrivals.append(m_random.bounded(qint64(10 * 3600)));
        std::sort(arrivals.begin(), arrivals.end());
        const QDateTime opening = siteTime.at(date, QTime(7, 0));
        Database::Batch batch(m_database);
        QList<std::pair<QDateTime, qint64>> exits; // when, entry id
        for (qint64 second : arrivals) {
            CheckInService::Request request;
            request.actor = QStringLiteral("simulator");
            const int kind = m_random.bounded(100);
            request.entry.personType = kind < 25   ? Entry::PersonType::Staff
                                       : kind < 90 ? Entry::PersonType::Visitor
                                                   : Entry::PersonType::Guest;
            request.entry.fullName = name();
            request.entry.idNumber = idNumber();
            request.entry.phone = m_random.bounded(100) < 80 ? phone() : QString();
            request.entry.address = QStringLiteral("%1 %2, TP Huế")
                                        .arg(m_random.bounded(1, 200))
                                        .arg(STREETS[m_random.bounded(STREETS.size())]);
            request.entry.method = kind < 25                    ? Entry::Method::StaffRoster
                                   : m_random.bounded(100) < 70 ? Entry::Method::QrCccd
                                                                : Entry::Method::Manual;
            request.entry.checkedInAt = opening.addSecs(second);
            if (request.entry.checkedInAt > now)
                break; // today's traffic stops at the present moment
            if (m_random.bounded(100) < 72) {
                AppVerification app;
                app.profile = QStringLiteral("bluezone");
                app.platform = m_random.bounded(100) < 70 ? QStringLiteral("android") : QStringLiteral("ios");
                QByteArray id(12, Qt::Uninitialized);
                for (char& byte : id)
                    byte = char(m_random.bounded(256));
                app.appId = id;
                app.rssi = m_random.bounded(-60, -40);
                app.timeMs = request.entry.checkedInAt.toMSecsSinceEpoch();
                request.app = app;
            }
            auto outcome = m_service.checkIn(request);
            if (!outcome) {
                if (outcome.error().kind() == Error::Kind::Failed &&
                    outcome.error().message().contains(QLatin1String("already")))
                    continue; // a random ID number drawn twice the same day
                return outcome.error();
            }
            if (!outcome->entry) {
                ++totals.refused;
                continue;
            }
            ++totals.entries;
            // Most leave through the kiosk or the receptionist; some are still in at closing.
            if (m_random.bounded(100) < 92) {
                exits.append(
                    {request.entry.checkedInAt.addSecs(m_random.bounded(5 * 60, 4 * 3600)), outcome->entry->id});
            }
        }
        for (const auto& [at, id] : std::as_const(exits)) {
            const auto kind =
                m_random.bounded(100) < 85 ? Entry::CheckoutKind::Kiosk : Entry::CheckoutKind::Receptionist;
            auto left = m_service.checkOutEntry(id, kind, at);
            if (!left)
                return left.error();
        }
        // The building closes at 18:00: whoever is still in is checked out then, as a real site's
        // closing time does.
        const QDateTime closing = siteTime.at(date, QTime(18, 0)).toUTC();
        if (closing <= now) {
            auto closed = m_service.checkOutEveryone(closing, QStringLiteral("simulator"));
            if (!closed)
                return closed.error();
        }
        const Result<void> committed = batch.commit();
        if (!committed)
            return committed.error();
        if (progress)
            progress(day + 1, m_plan.days);
    }
    return totals;
}
