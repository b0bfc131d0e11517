// The console's first page: today at a glance.
#include "TodayPage.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QStackedBarSeries>
#include <QVBoxLayout>
#include <QValueAxis>

namespace {
// The hours a door is usually open; entries outside them widen the chart.
constexpr int FIRST_HOUR = 6;
constexpr int LAST_HOUR = 20;
} // namespace

TodayPage::TodayPage(SiteTime siteTime, QString devices, QWidget* parent)
    : TranslatedWidget(parent), m_siteTime(siteTime), m_devices(std::move(devices))
{
    m_inside = addLabel(QStringLiteral("ScreenTitle"), Qt::AlignLeft | Qt::AlignVCenter);
    m_figures = addLabel(QStringLiteral("TodayFigures"), Qt::AlignLeft | Qt::AlignVCenter);
    m_link = addLabel(QStringLiteral("DeviceStatus"), Qt::AlignLeft | Qt::AlignVCenter);
    m_locks = addLabel(QStringLiteral("TodayLocks"), Qt::AlignLeft | Qt::AlignVCenter);
    m_locks->setWordWrap(true);
    m_locks->setVisible(false);

    m_verifiedSet = new QBarSet(QString());
    m_verifiedSet->setColor(QColor(0x1b, 0x6e, 0x3a));
    m_otherSet = new QBarSet(QString());
    m_otherSet->setColor(QColor(0xc9, 0x8a, 0x1a));
    auto* series = new QStackedBarSeries;
    series->append(m_verifiedSet);
    series->append(m_otherSet);
    m_chart = new QChart;
    m_chart->addSeries(series);
    m_hours = new QBarCategoryAxis;
    m_counts = new QValueAxis;
    m_counts->setLabelFormat(QStringLiteral("%d"));
    m_chart->addAxis(m_hours, Qt::AlignBottom);
    m_chart->addAxis(m_counts, Qt::AlignLeft);
    series->attachAxis(m_hours);
    series->attachAxis(m_counts);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chartView = new QChartView(m_chart, this);
    m_chartView->setObjectName(QStringLiteral("TodayChart"));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumSize(320, 180); // the chart gives way to the figures on a small desk screen

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_inside);
    layout->addWidget(m_figures);
    layout->addWidget(m_locks);
    layout->addWidget(m_chartView, 1);
    layout->addWidget(m_link);
    retranslate();
}

int TodayPage::entriesAt(int hour) const
{
    return m_day.entries.at(size_t(hour));
}

int TodayPage::verifiedAt(int hour) const
{
    return m_day.verified.at(size_t(hour));
}

void TodayPage::showPresence(const CheckInService::SitePresence& presence)
{
    m_presence = presence;
    retranslate();
}

void TodayPage::showDay(const DaySummary& day)
{
    m_day = day;
    int first = FIRST_HOUR;
    int last = LAST_HOUR;
    for (int hour = 0; hour < 24; ++hour) {
        if (day.entries[size_t(hour)] > 0) {
            first = std::min(first, hour);
            last = std::max(last, hour);
        }
    }
    m_verifiedSet->remove(0, m_verifiedSet->count());
    m_otherSet->remove(0, m_otherSet->count());
    QStringList hours;
    int highest = 0;
    for (int hour = first; hour <= last; ++hour) {
        const int entries = day.entries[size_t(hour)];
        const int verified = day.verified[size_t(hour)];
        *m_verifiedSet << verified;
        *m_otherSet << entries - verified;
        hours << QStringLiteral("%1h").arg(hour);
        highest = std::max(highest, entries);
    }
    m_hours->setCategories(hours);
    m_counts->setRange(0, std::max(4, highest + 1));
    m_counts->setTickCount(std::min(6, std::max(4, highest + 2)));
    retranslate();
}

void TodayPage::retranslate()
{
    m_inside->setText(tr("%n inside now", nullptr, int(m_presence.entries.size())));
    const int total = m_day.total();
    const QString share =
        total > 0 ? QString::number(100.0 * m_day.totalVerified() / total, 'f', 0) : QStringLiteral("–");
    m_figures->setText(
        tr("Today %1: %n entries, %2% with the tracing app verified.", nullptr, total)
            .arg(m_day.day.isValid() ? m_day.day.toString(QStringLiteral("dd/MM/yyyy")) : QString(), share) +
        QLatin1Char(' ') +
        tr("Sent to the receptionist: %1. Admitted without the app: %2.")
            .arg(m_day.sentToReceptionist)
            .arg(m_day.overridden));
    QStringList locked;
    for (const auto& [account, times] : m_day.accountLocks)
        locked.append(tr("%1 (%n times)", nullptr, times).arg(account));
    m_locks->setText(locked.isEmpty() ? QString()
                                      : tr("Locked by wrong PINs today: %1. If the staff did not do it, someone is "
                                           "guessing PINs: see the audit log.")
                                            .arg(locked.join(QStringLiteral(", "))));
    m_locks->setVisible(!locked.isEmpty());
    m_verifiedSet->setLabel(tr("App verified"));
    m_otherSet->setLabel(tr("Without the app"));
    m_chart->setTitle(tr("Entries by hour"));
    QString link;
    if (!m_presence.central)
        link = tr("No central store: this kiosk works alone.");
    else if (m_presence.lastSentAt.isValid())
        link = tr("Central store: last sent %1, %n waiting.", nullptr, int(m_presence.waiting))
                   .arg(m_siteTime.format(m_presence.lastSentAt, QStringLiteral("HH:mm")));
    else
        link = tr("Central store: nothing sent yet, %n waiting.", nullptr, int(m_presence.waiting));
    m_link->setText(m_devices + QStringLiteral("   ·   ") + link);
}
