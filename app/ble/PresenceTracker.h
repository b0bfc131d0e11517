// Decides when a phone running a tracing app is *at the kiosk*, and when it has gone.
//
// One `verified` per visit, one `left` when the visit ends. Robust to what BLE does in a lobby:
// RSSI noise of a few dB and sudden dips (body shadowing), Bluezone Android's 15-second silent
// half (formats/ble-capture.md), identifiers and addresses that rotate while the visitor stands
// there, and visitors who queue side by side with the same app (issue 13). Time comes only from
// the adverts' timeMs and advanceTo(), and the same adverts give the same events in the same order,
// so a replay and a test are exact.
#pragma once

#include "ble/AppProfileTable.h"
#include "ble/AppVerification.h"

#include <QObject>

#include <array>
#include <map>
#include <optional>

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
        // phone there went quiet may be that phone after a rotation, not a second visitor: it must
        // appear within this long of the old one's last advert (apps advertise continuously)...
        qint64 rotationGapMs = 2000;
        // ...or, for an app whose ID is tied to UTC slots and that has silent halves (Bluezone
        // Android), within a silent half plus slack, and only when a slot boundary lies in
        // between (never for such an app when the times are not Unix epoch)...
        qint64 slotRotationGapMs = 17000;
        // ...and already close: a visitor walking up is first heard from further away.
        int rotationMarginDb = 6;
        // It is taken for the old phone only once the old address has been quiet this long
        // while the new one was heard; until then it is neither verified nor the old phone. A
        // phone standing beside another keeps being heard (an advert every 0.2-0.3 s, some lost
        // in a crowd), so two seconds of silence tell a rotation from a neighbour.
        qint64 rotationQuietMs = 2000;
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
    int trackCount() const { return static_cast<int>(m_tracks.size() + m_retired.size()); }

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
        // The visit this track holds, 0 for none: the visit's `verified` was emitted for this
        // track, or for the track it took over by a rotation. Whoever holds a visit emits its
        // `left`, so every verified has its left.
        quint64 visit = 0;
        bool confirmationRequested = false;
        // A fresh track that may be the phone at this address after a rotation: it waits for
        // that address to stay quiet (then it takes over its visit) or to speak (then it is a
        // second phone), and meanwhile is not verified on its own.
        std::optional<quint64> mayBe;
        // While waiting it came close, at this smoothed RSSI: verified if it turns out a phone of
        // its own.
        std::optional<int> closeWhileWaiting;
        // The fresh track that waits on this one's silence, if any (at most one).
        std::optional<quint64> awaitedBy;
    };
    // A track that handed its visit on by a presumed rotation, kept in case its address speaks
    // again: then it was a second visitor standing beside the first, not a rotation; it gets its
    // visit back, and every track that took the visit over after it (a chain) loses it.
    struct Retired
    {
        Track track;
        quint64 successor = 0;
    };

    Track* findTrack(const Advertisement& advert, const AppProfile& profile, std::span<const quint8> id);
    Track* undoRotation(const Advertisement& advert);
    // The verified track a fresh one may be after a rotation, or none.
    Track* rotationCandidate(const Track& fresh);
    // Settles a fresh track's wait at timeMs: the old address quiet long enough, and the fresh
    // one heard meanwhile, is a rotation.
    void settleRotation(Track& fresh, qint64 timeMs);
    // Ends a fresh track's wait: it is a phone of its own, verified at timeMs if it came close.
    void release(Track& fresh, qint64 timeMs);
    // Emits verified, or asks for the GATT read first where the app's ID is only read that way.
    void verify(Track& track, qint64 timeMs, int rssi);
    std::optional<double> smoothedRssi(const Track& track) const;
    AppVerification verificationOf(const Track& track, qint64 timeMs, int rssi) const;
    void endVisit(const Track& track, qint64 timeMs);
    // Removes a track that is not retired into a successor, settling any wait it was part of.
    std::map<quint64, Track>::iterator erase(std::map<quint64, Track>::iterator it, qint64 timeMs);
    void expire(qint64 timeMs);

    AppProfileTable m_profiles;
    Config m_config;
    // Ordered containers: the events of one instant come out in address order on every run,
    // where a hash's order changes from process to process (issue 13).
    std::map<quint64, Track> m_tracks;    // by address
    std::map<quint64, Retired> m_retired; // by the retired track's address
    quint64 m_lastVisit = 0;
    qint64 m_nextExpiryMs = 0;
};
