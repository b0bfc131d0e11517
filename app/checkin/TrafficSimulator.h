// Realistic demo traffic for a site's entry log: visitors, staff and guests arriving through the
// working day, with Vietnamese names, CCCD-like numbers, app verification at the rate a province
// might see, and exits by kiosk, receptionist or closing time. Goes through CheckInService, so it
// exercises what the kiosk does; deterministic for a seed.
#pragma once

#include "checkin/CheckInService.h"

#include <QRandomGenerator>

#include <functional>

class Database;

class TrafficSimulator
{
public:
    struct Plan
    {
        int days = 7;
        int perDay = 200;
        quint32 seed = 1;
    };
    struct Totals
    {
        qint64 entries = 0;
        qint64 refused = 0; // sent to the receptionist under the required policy
    };

    TrafficSimulator(CheckInService& service, Database& database, Plan plan);

    // Fills the log for the `days` days that end today (by the service's clock), a day per
    // transaction; progress(day, days) after each day.
    [[nodiscard]] Result<Totals> run(const std::function<void(int, int)>& progress = {});

private:
    QString name();
    QString idNumber();
    QString phone();

    CheckInService& m_service;
    Database& m_database;
    Plan m_plan;
    QRandomGenerator m_random;
};
