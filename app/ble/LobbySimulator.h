// Synthesises the adverts a kiosk hears in a lobby: visitors whose phones run a tracing app
// walking up, waiting and leaving; phones without an app; passers-by further away; beacons and
// gadgets. For benchmarks, soak tests and the kiosk's demo data, where a real lobby capture
// cannot be shipped. Deterministic for a given seed.
#pragma once

#include "ble/Advertisement.h"

#include <QList>
#include <QRandomGenerator>

#include <functional>

class LobbySimulator
{
public:
    struct Config
    {
        qint64 durationMs = 3600 * 1000;
        quint32 seed = 1;
        int visitorsPerHour = 90; // phones with an app that come to the kiosk
        int passersPerHour = 400; // phones (with or without an app) that never come close
        int beacons = 6;          // fixed gadgets always in range
        int noiseDb = 4;          // uniform RSSI noise, ± dB
    };

    explicit LobbySimulator(Config config);

    // Calls deliver for every advert, in time order.
    void run(const std::function<void(const Advertisement&)>& deliver);
    // The ground truth of the last run, one entry per phone, beacon or gadget.
    struct Truth
    {
        quint64 address = 0;
        bool visitor = false; // came to the kiosk (with an app); passers-by never do
        int heardAtKiosk = 0; // adverts heard while it stood at the kiosk
    };
    const QList<Truth>& truth() const { return m_truth; }

private:
    struct Phone;
    Config m_config;
    QRandomGenerator m_random;
    QList<Truth> m_truth;
};
