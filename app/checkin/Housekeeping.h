// The site's routine work while the kiosk runs: retention at start and once a day, and the
// automatic check-out of whoever is still inside at closing time.
#pragma once

#include "checkin/CheckInService.h"

#include <QObject>
#include <QTimer>

class Housekeeping : public QObject
{
    Q_OBJECT

public:
    Housekeeping(CheckInService& service, const Clock& clock, QObject* parent = nullptr);

    // Purges now, then calls tick() every minute.
    void start();
    // Closes the day when past closing time; purges when the site's date has changed since the
    // last purge.
    void tick();

signals:
    // A sentence for the receptionist console when routine work fails (a full disk...).
    void problem(const QString& sentence);

private:
    void purge();

    CheckInService& m_service;
    const Clock& m_clock;
    QTimer m_timer;
    QDate m_lastPurge;
};
