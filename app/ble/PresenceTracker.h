// Decides when a phone running a tracing app is *at the kiosk*, and when it has gone.
//
// One `verified` per visit, one `left` when the visit ends. Robust to what BLE does in a lobby:
// RSSI noise of a few dB and sudden dips (body shadowing), Bluezone Android's 15-second silent
// half (formats/ble-capture.md), and identifiers and addresses that rotate while the visitor
// stands there. Time comes only from the adverts' timeMs and advanceTo(), so a replay and a test
// are exact.
#pragma once

#include "ble/AppProfileTable.h"
#include "ble/AppVerification.h"

#include <QHash>
#include <QObject>

#include <array>

class PresenceTracker : public QObject
{
    Q_OBJECT

public:
    struct Config
    {
        // At or above this smoothed RSSI the phone is at arm's length (dBm; a site calibrates it).
        int thresholdDbm = -60;
        // Smoothing: the mean of the last `samples` adverts, all within `sampleWindowMs`. Three
        // samples cut ±4 dB of noise to about ±1.3 dB while adding ~200 ms at typical rates.
        int samples = 3;
        qint64 sampleWindowMs = 3000;
        // An advert this far below the threshold still counts as "still at the kiosk": a
        // 10 dB dip is a hand over the phone, not a visitor walking off.
        int stayMarginDb = 10;
        // A visit ends after this long without an advert at the kiosk: longer than Bluezone
        // Android's 15 s of silence, so a waiting visitor is never reported gone.
        qint64 leaveAfterMs = 20000;
        // Tracks of phones never verified are forgotten this long after their last advert.
        qint64 forgetAfterMs = 30000;
        // A new address or ID of the same app that appears at the kiosk right when a verified
        // phone there went quiet is that phone after a rotation, not a second visitor: it must
        // appear within this long of the old one's last advert (apps advertise continuously)...
        qint64 rotationGapMs = 2000;
        // ...or, for an app whose ID is tied to UTC slots and that has silent halves (Bluezone
        // Android), within a silent half plus slack, and only when a slot boundary lies in
        // between (never for such an app when the times are not Unix epoch)...
        qint64 slotRotationGapMs = 17000;
        // ...and already close: a visitor walking up is first heard from further away.
        int rotationMarginDb = 6;
    };

    PresenceTracker(AppProfileTable profiles, Config config, QObject* parent = nullptr);

    // Takes one advert, in time order. Adverts of no tracing app, or without RSSI, change nothing.
    void feed(const Advertisement& advert);
    // Lets time pass to timeMs with no advert: ends visits whose phone went quiet.
    void advanceTo(qint64 timeMs);
    // Ends every visit now (end of a replay, the kiosk closing).
    void finish(qint64 timeMs);
    // The identifier read over GATT for a phone that confirmationWanted() named; an empty id
    // means the read failed and the phone stays unverified.
    void confirm(quint64 address, const QByteArray& appId);

    const Config& config() const { return m_config; }
    int trackCount() const { return static_cast<int>(m_tracks.size()); }

signals:
    void verified(const AppVerification& verification);
    void left(const AppVerification& verification);
    // A phone whose app shows only in a way that needs a GATT read to confirm (Bluezone iOS in
    // background) is at the kiosk: read its identifier and call confirm().
    void confirmationWanted(quint64 address, const AppProfile& profile);

private:
    struct Sample
    {
        qint64 timeMs = 0;
        int rssi = 0;
    };
    struct Track
    {
        const AppProfile* profile = nullptr;
        QByteArray appId;
        quint64 address = 0;
        qint64 firstSeenMs = 0;
        int firstRssi = 0;
        qint64 lastSeenMs = 0;
        int lastRssi = 0;
        qint64 lastAtKioskMs = 0;
        std::array<Sample, 8> samples{};
        int sampleCount = 0; // samples stored so far, capped at the array size
        int nextSample = 0;
        bool verified = false;
        bool confirmationRequested = false;
        // verified only because it took over a phone that went quiet (a presumed rotation).
        bool inherited = false;
    };
    // A track retired by a presumed rotation, kept in case its address speaks again: then it
    // was a second visitor standing beside the first, not a rotation, and both are restored.
    struct Retired
    {
        Track track;
        quint64 successor = 0;
    };

    Track* findTrack(const Advertisement& advert, const AppProfile& profile, std::span<const quint8> id);
    Track* rotatedFrom(const Track& fresh);
    Track* undoRotation(const Advertisement& advert);
    std::optional<double> smoothedRssi(const Track& track) const;
    AppVerification verificationOf(const Track& track, qint64 timeMs, int rssi) const;
    void expire(qint64 timeMs);

    AppProfileTable m_profiles;
    Config m_config;
    QHash<quint64, Track> m_tracks;    // by address
    QHash<quint64, Retired> m_retired; // by the retired track's address
    qint64 m_nextExpiryMs = 0;
};
