// The calibration aid: a receptionist holds a phone running a tracing app at the kiosk for some
// seconds; from the RSSI seen, propose the site's presence threshold.
#pragma once

#include "ble/AppProfileTable.h"

#include <QHash>
#include <QList>

#include <optional>

class RssiCalibration
{
public:
    struct Proposal
    {
        quint64 address = 0;
        QString profile;
        int samples = 0;
        int medianDbm = 0;
        int lowDbm = 0;       // the 10th percentile of the smoothed RSSI
        int thresholdDbm = 0; // what to configure
    };

    // Phones with fewer adverts than this are not proposed from: too little to judge.
    static constexpr int MINIMUM_SAMPLES = 10;
    // Below the 10th percentile of the held phone's smoothed RSSI, for the hand and the pocket.
    static constexpr int MARGIN_DB = 2;
    // Smoothed readings this far below the phone's median are the walk to the kiosk, not the hold.
    static constexpr int WALK_DB = 15;

    explicit RssiCalibration(AppProfileTable profiles);

    void add(const Advertisement& advert);
    // The loudest app phone seen is the one held at the kiosk; nullopt when none had enough
    // adverts.
    std::optional<Proposal> propose() const;

private:
    AppProfileTable m_profiles;
    struct Phone
    {
        QString profile;
        QList<int> rssi;
    };
    QHash<quint64, Phone> m_phones;
};
