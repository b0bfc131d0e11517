// The calibration aid: propose a presence threshold from a phone held at the kiosk.
#include "ble/RssiCalibration.h"

#include <algorithm>
#include <cmath>

RssiCalibration::RssiCalibration(AppProfileTable profiles) : m_profiles(std::move(profiles)) {}

void RssiCalibration::add(const Advertisement& advert)
{
    if (!advert.hasRssi())
        return;
    const AppProfile* profile = m_profiles.match(advert);
    if (!profile)
        return;
    Phone& phone = m_phones[advert.address];
    phone.profile = profile->name;
    phone.rssi.append(advert.rssi);
}

std::optional<RssiCalibration::Proposal> RssiCalibration::propose() const
{
    std::optional<Proposal> best;
    for (auto it = m_phones.cbegin(); it != m_phones.cend(); ++it) {
        const QList<int>& rssi = it->rssi;
        if (rssi.size() < MINIMUM_SAMPLES)
            continue;
        // Smooth the way PresenceTracker does (mean of three), so the proposal fits its decisions.
        QList<int> smoothed;
        for (qsizetype i = 2; i < rssi.size(); ++i)
            smoothed.append(static_cast<int>(std::floor((rssi[i] + rssi[i - 1] + rssi[i - 2]) / 3.0)));
        std::sort(smoothed.begin(), smoothed.end());
        // The receptionist walks the phone up to the kiosk after starting: drop what is far
        // below the phone's typical level (the walk), keep dips of a hand over it.
        const int typical = smoothed[smoothed.size() / 2];
        smoothed.erase(smoothed.begin(), std::lower_bound(smoothed.begin(), smoothed.end(), typical - WALK_DB));
        Proposal proposal;
        proposal.address = it.key();
        proposal.profile = it->profile;
        proposal.samples = static_cast<int>(rssi.size());
        proposal.medianDbm = smoothed[smoothed.size() / 2];
        proposal.lowDbm = smoothed[smoothed.size() / 10];
        proposal.thresholdDbm = proposal.lowDbm - MARGIN_DB;
        if (!best || proposal.medianDbm > best->medianDbm)
            best = proposal;
    }
    return best;
}
