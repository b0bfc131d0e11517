// Decides when a phone running a tracing app is *at the kiosk*, and when it has gone.
//
// One `verified` per visit, one `left` when the visit ends. Robust to what BLE does in a lobby:
// RSSI noise of a few dB and sudden dips (body shadowing), apps that advertise in bursts with a
// new address at each (Bluezone Android 15 s on, 15 s off; BlueTrace Android 180 s on, 5 s off:
// formats/ble-capture.md), identifiers and addresses that rotate while the visitor stands there,
// and visitors who queue side by side with the same app (issue 13). Time comes only from the
// adverts' timeMs and advanceTo(), never goes back (a live clock stepped back is held), and no
// event is stamped before the advert that caused it; the same adverts give the same events in
// the same order, so a replay and a test are exact.
#pragma once

#include "ble/AppProfileTable.h"
#include "ble/AppVerification.h"

#include <QObject>

#include <array>
#include <limits>
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
        // appear within this long of the old one's last advert (an app advertising on and on)...
        qint64 rotationGapMs = 2000;
        // ...or, for an app that advertises in bursts, after its pause, give or take this much. A
        // new identifier tied to UTC slots (Bluezone's) must moreover come after a slot boundary,
        // which the old one may have outlived by one burst (it is read when a burst starts); and
        // without an identifier (BlueTrace) the old address must have been heard for about a whole
        // burst, ending on schedule. Never for a slot-tied identifier when times are not Unix epoch.
        qint64 cycleSlackMs = 2000;
        // ...and already close: a visitor walking up is first heard from further away.
        int rotationMarginDb = 6;
        // It is taken for the old phone only once the old address has been quiet this long
        // while the new one was heard; until then it is neither verified nor the old phone. A
        // phone standing beside another keeps being heard (an advert every 0.2-0.3 s, some lost
        // in a crowd), so two seconds of silence tell a rotation from a neighbour.
        qint64 rotationQuietMs = 2000;
        // Whether something answers readIdWanted() (the live scanner's GattIdReader). Without it
        // (a replay) an app whose identifier is only read over GATT is verified on its advert when
        // that proves the app (Bluezone iOS in foreground), and never when it does not (background).
        bool gattReads = false;
        // The read is asked for as the phone comes within this margin of the threshold, so that
        // the identifier is known when it arrives...
        int readAheadMarginDb = 10;
        // ...and a phone whose advert proves the app waits at most this long at the kiosk for it
        // before it is verified without one.
        qint64 readWaitMs = 2000;
    };

    PresenceTracker(AppProfileTable profiles, Config config, QObject* parent = nullptr);

    // Takes one advert, in time order. Adverts of no tracing app, or without RSSI, change nothing.
    void feed(const Advertisement& advert);
    // Lets time pass to timeMs with no advert: ends visits whose phone went quiet.
    void advanceTo(qint64 timeMs);
    // Ends every visit now (end of a replay, the kiosk closing).
    void finish(qint64 timeMs);
    // The identifier read over GATT for a phone that readIdWanted() named; an empty id means the
    // read failed. It names the phone: the same identifier under another address is the same
    // phone, another one is another phone.
    void idRead(quint64 address, const QByteArray& appId);

    const Config& config() const { return m_config; }
    int trackCount() const { return static_cast<int>(m_tracks.size() + m_retired.size()); }

signals:
    void verified(const AppVerification& verification);
    void left(const AppVerification& verification);
    // A phone whose identifier is read over GATT (Bluezone iOS) comes to the kiosk: read it and
    // call idRead(). Asked once a visit, and again after a failed read while it is still there.
    void readIdWanted(quint64 address, const AppProfile& profile);

private:
    struct Sample
    {
        qint64 timeMs = 0;
        int rssi = 0;
    };
    enum class Read { None, Pending, Done, Failed };
    struct Track
    {
        const AppProfile* profile = nullptr;
        QByteArray appId;
        quint64 address = 0;
        qint64 firstSeenMs = 0; // first heard at this address
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
        // The GATT read of the identifier (IdSource::Gatt), and since when the phone has been
        // close without it.
        Read read = Read::None;
        std::optional<qint64> closeSinceMs;
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
    // Moves a track to a new address, and whoever waited on it or was waited on with it.
    Track& moveTrack(std::map<quint64, Track>::iterator from, quint64 address);
    // Whether old's silence and fresh's first advert fit the app's rotation (Config::cycleSlackMs).
    bool mayBeRotation(const Track& old, const Track& fresh) const;
    void wantRead(Track& track);
    // The verified track a fresh one may be after a rotation, or none.
    Track* rotationCandidate(const Track& fresh);
    // Settles a fresh track's wait at timeMs: the old address quiet long enough, and the fresh
    // one heard meanwhile, is a rotation.
    void settleRotation(Track& fresh, qint64 timeMs);
    // Ends a fresh track's wait: it is a phone of its own, verified at timeMs if it came close.
    void release(Track& fresh, qint64 timeMs);
    // Emits verified, or waits for the GATT read of the identifier where the app's is read so.
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
    // The latest time seen: no later event is stamped before it.
    qint64 m_nowMs = std::numeric_limits<qint64>::min();
};
