// The console's first page (issue 16): today at a glance. How many are inside now, today's entries
// hour by hour in a bar chart (Qt Charts) with the part whose tracing app was verified, how many
// were sent to the receptionist and how many admitted without the app, and the kiosk's devices and
// link to the central store. Fed by the InsideWatch off the GUI thread.
#pragma once

#include "checkin/CheckInService.h"
#include "checkin/DaySummary.h"

#include "TranslatedWidget.h"

class QBarSet;
class QBarCategoryAxis;
class QChart;
class QChartView;
class QLabel;
class QValueAxis;

class TodayPage : public TranslatedWidget
{
    Q_OBJECT

public:
    TodayPage(SiteTime siteTime, QString devices, QWidget* parent = nullptr);

    void showPresence(const CheckInService::SitePresence& presence);
    void showDay(const DaySummary& day);

    // What the chart shows, for the tests: entries and verified in the hour.
    int entriesAt(int hour) const;
    int verifiedAt(int hour) const;
    QChartView* chartView() const { return m_chartView; }

protected:
    void retranslate() override;

private:
    SiteTime m_siteTime;
    QString m_devices;
    CheckInService::SitePresence m_presence;
    DaySummary m_day;
    QLabel* m_inside = nullptr;
    QLabel* m_figures = nullptr;
    QLabel* m_link = nullptr;
    QLabel* m_locks = nullptr; // accounts wrong PINs locked today, when any
    QChart* m_chart = nullptr;
    QChartView* m_chartView = nullptr;
    QBarSet* m_verifiedSet = nullptr;
    QBarSet* m_otherSet = nullptr;
    QBarCategoryAxis* m_hours = nullptr;
    QValueAxis* m_counts = nullptr;
};
