// Decides when a phone running a tracing app is at the kiosk, and when it has gone.
#include "ble/PresenceTracker.h"

#include "common/Logging.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <utility>

namespace {
// Expiry scans every track; doing it once a second of capture time keeps replay fast.
constexpr qint64 EXPIRY_PERIOD_MS = 1000;
// Advert times at or after 2001-09-09 are Unix epoch milliseconds; smaller ones count from the
// start of a capture (formats/ble-capture.md allows both), where UTC slots are unknown.
constexpr qint64 EPOCH_MS_FLOOR = 1000000000000LL;

// The longest quiet gap after which a fresh identity of the same app may be the same phone;
// -1 when it cannot be.
qint64 rotationGapLimit(const PresenceTracker::Config& config, const AppProfile& profile, qint64 lastMs, qint64 firstMs)
{
    if (profile.idSlotMs <= 0)
        return config.rotationGapMs; // an app that advertises on and on, with nothing to tell rotations by
    // An app whose ID belongs to UTC slots changes it only at a slot boundary. Without epoch
    // times (a capture counted from its start) the boundaries are unknown: then a new ID is a
    // new phone, since counting a visitor twice does less harm than missing one.
    const bool epoch = lastMs >= EPOCH_MS_FLOOR;
    if (epoch && lastMs / profile.idSlotMs != firstMs / profile.idSlotMs)
        return config.slotRotationGapMs;
    return -1;
}
} // namespace

PresenceTracker::PresenceTracker(AppProfileTable profiles, Config config, QObject* parent)
    : QObject(parent), m_profiles(std::move(profiles)), m_config(config)
{
    m_config.samples = std::clamp(m_config.samples, 1, 8);
}

void PresenceTracker::feed(const Advertisement& advert)
{
    if (advert.timeMs >= m_nextExpiryMs)
        expire(advert.timeMs);

    // A report without RSSI says nothing of distance, so it can neither verify nor keep a visit.
    if (!advert.hasRssi())
        return;
    const AppProfile* profile = m_profiles.match(advert);
    if (!profile)
        return;
    const std::span<const quint8> id = profile->identifier(advert);

    Track* track = findTrack(advert, *profile, id);
    if (!track)
        track = undoRotation(advert);
    if (!track) {
        Track fresh;
        fresh.profile = profile;
        fresh.address = advert.address;
        fresh.firstSeenMs = advert.timeMs;
        fresh.firstRssi = advert.rssi;
        fresh.lastSeenMs = advert.timeMs;
        fresh.lastAtKioskMs = advert.timeMs;
        fresh.appId = QByteArray(reinterpret_cast<const char*>(id.data()), static_cast<qsizetype>(id.size()));
        if (Track* previous = rotationCandidate(fresh)) {
            fresh.mayBe = previous->address;
            previous->awaitedBy = advert.address;
        }
        track = &m_tracks.insert_or_assign(advert.address, fresh).first->second;
    }

    // This address speaks: whoever waited on its silence is a second phone.
    if (track->awaitedBy) {
        const auto waiting = m_tracks.find(*track->awaitedBy);
        track->awaitedBy.reset();
        if (waiting != m_tracks.end())
            release(waiting->second, advert.timeMs);
    }

    track->lastSeenMs = advert.timeMs;
    track->lastRssi = advert.rssi;
    if (!id.empty() && (track->appId.size() != static_cast<qsizetype>(id.size()) ||
                        std::memcmp(track->appId.constData(), id.data(), id.size()) != 0)) {
        track->appId = QByteArray(reinterpret_cast<const char*>(id.data()), static_cast<qsizetype>(id.size()));
    }
    track->samples[static_cast<size_t>(track->nextSample)] = {advert.timeMs, advert.rssi};
    track->nextSample = (track->nextSample + 1) % static_cast<int>(track->samples.size());
    track->sampleCount = std::min(track->sampleCount + 1, static_cast<int>(track->samples.size()));
    if (advert.rssi >= m_config.thresholdDbm - m_config.stayMarginDb)
        track->lastAtKioskMs = advert.timeMs;

    if (track->mayBe)
        settleRotation(*track, advert.timeMs);
    if (track->visit != 0)
        return;
    const std::optional<double> smoothed = smoothedRssi(*track);
    if (!smoothed || *smoothed < m_config.thresholdDbm)
        return;
    const int rssi = static_cast<int>(std::lround(*smoothed));
    if (track->mayBe) {
        // Close, but perhaps the phone of the quiet address: said once that is settled.
        if (!track->closeWhileWaiting)
            track->closeWhileWaiting = rssi;
        return;
    }
    verify(*track, advert.timeMs, rssi);
}

void PresenceTracker::verify(Track& track, qint64 timeMs, int rssi)
{
    if (track.profile->idSource == AppProfile::IdSource::Gatt) {
        if (!track.confirmationRequested) {
            track.confirmationRequested = true;
            emit confirmationWanted(track.address, *track.profile);
        }
        return;
    }
    track.visit = ++m_lastVisit;
    emit verified(verificationOf(track, timeMs, rssi));
}

void PresenceTracker::advanceTo(qint64 timeMs)
{
    expire(timeMs);
}

void PresenceTracker::finish(qint64 timeMs)
{
    for (const auto& [address, track] : m_tracks) {
        if (track.visit != 0)
            emit left(verificationOf(track, timeMs, track.lastRssi));
    }
    m_tracks.clear();
    m_retired.clear();
}

void PresenceTracker::confirm(quint64 address, const QByteArray& appId)
{
    auto it = m_tracks.find(address);
    if (it == m_tracks.end() || it->second.visit != 0 || it->second.mayBe)
        return;
    Track& track = it->second;
    if (appId.isEmpty() || appId.size() != track.profile->gattIdLength) {
        // Not the app after all (another UUID in the same overflow bit), or the read failed.
        track.confirmationRequested = false;
        return;
    }
    track.appId = appId;
    track.visit = ++m_lastVisit;
    emit verified(verificationOf(track, track.lastSeenMs,
                                 static_cast<int>(std::lround(smoothedRssi(track).value_or(track.lastRssi)))));
}

PresenceTracker::Track* PresenceTracker::findTrack(const Advertisement& advert, const AppProfile& profile,
                                                   std::span<const quint8> id)
{
    auto it = m_tracks.find(advert.address);
    if (it != m_tracks.end()) {
        if (it->second.profile->name == profile.name)
            return &it->second;
        // The address now advertises another app (or another profile row of it): the visit of
        // the old one, if any, ends here, and a new track starts.
        endVisit(it->second, advert.timeMs);
        erase(it, advert.timeMs);
        return nullptr;
    }
    if (id.empty())
        return nullptr;
    // The address rotated but the app's ID did not: the same phone for certain (Bluezone's ID,
    // Exposure Notification's Rolling Proximity Identifier).
    const QByteArray wanted =
        QByteArray::fromRawData(reinterpret_cast<const char*>(id.data()), static_cast<qsizetype>(id.size()));
    for (auto candidate = m_tracks.begin(); candidate != m_tracks.end(); ++candidate) {
        if (candidate->second.profile->name == profile.name && candidate->second.appId == wanted) {
            Track moved = candidate->second;
            const quint64 oldAddress = moved.address;
            m_tracks.erase(candidate);
            moved.address = advert.address;
            // Whoever waited on the old address, or was waited on, now deals with the new one.
            if (moved.awaitedBy) {
                if (auto waiting = m_tracks.find(*moved.awaitedBy); waiting != m_tracks.end())
                    waiting->second.mayBe = advert.address;
            }
            if (moved.mayBe) {
                if (auto awaited = m_tracks.find(*moved.mayBe); awaited != m_tracks.end())
                    awaited->second.awaitedBy = advert.address;
            }
            for (auto& [retiredAddress, retired] : m_retired) {
                if (retired.successor == oldAddress)
                    retired.successor = advert.address;
            }
            return &m_tracks.insert_or_assign(advert.address, moved).first->second;
        }
    }
    return nullptr;
}

PresenceTracker::Track* PresenceTracker::undoRotation(const Advertisement& advert)
{
    const auto retired = m_retired.find(advert.address);
    if (retired == m_retired.end())
        return nullptr;
    // The "old" phone speaks again: it did not rotate. It takes its visit back, and every track
    // that took the visit over after it (a chain of guesses) loses it: those phones must now be
    // verified on their own adverts. Nothing was said for them, so nothing is unsaid.
    Track restored = retired->second.track;
    quint64 successor = retired->second.successor;
    m_retired.erase(retired);
    for (;;) {
        if (auto live = m_tracks.find(successor); live != m_tracks.end()) {
            if (live->second.visit == restored.visit) {
                live->second.visit = 0;
                live->second.confirmationRequested = false;
            }
            break;
        }
        const auto next = m_retired.find(successor);
        if (next == m_retired.end() || next->second.track.visit != restored.visit)
            break;
        successor = next->second.successor;
        m_retired.erase(next);
    }
    restored.awaitedBy.reset();
    return &m_tracks.insert_or_assign(advert.address, restored).first->second;
}

PresenceTracker::Track* PresenceTracker::rotationCandidate(const Track& fresh)
{
    if (fresh.firstRssi < m_config.thresholdDbm - m_config.rotationMarginDb)
        return nullptr;
    Track* best = nullptr;
    for (auto& [address, candidate] : m_tracks) {
        const qint64 gap = fresh.firstSeenMs - candidate.lastSeenMs;
        const bool sameApp =
            candidate.profile->name == fresh.profile->name && candidate.profile->platform == fresh.profile->platform;
        const bool quietAtKiosk = candidate.lastAtKioskMs == candidate.lastSeenMs;
        if (candidate.visit != 0 && !candidate.awaitedBy && sameApp && quietAtKiosk && gap >= 0 &&
            gap <= rotationGapLimit(m_config, *fresh.profile, candidate.lastSeenMs, fresh.firstSeenMs) &&
            (!best || candidate.lastSeenMs > best->lastSeenMs)) {
            best = &candidate;
        }
    }
    return best;
}

void PresenceTracker::settleRotation(Track& fresh, qint64 timeMs)
{
    const auto previous = m_tracks.find(*fresh.mayBe);
    if (previous == m_tracks.end() || previous->second.visit == 0) {
        // The old phone left or lost its visit meanwhile: nothing to take over.
        release(fresh, timeMs);
        return;
    }
    Track& old = previous->second;
    if (timeMs - old.lastSeenMs < m_config.rotationQuietMs)
        return;
    // The same visitor under a new address or ID: carry the visit over, say nothing.
    qCDebug(lcBle) << "rotation" << Qt::hex << old.address << "->" << fresh.address;
    fresh.mayBe.reset();
    fresh.closeWhileWaiting.reset();
    fresh.visit = old.visit;
    fresh.confirmationRequested = old.confirmationRequested;
    if (fresh.appId.isEmpty())
        fresh.appId = old.appId;
    old.awaitedBy.reset();
    m_retired.insert_or_assign(old.address, Retired{old, fresh.address});
    m_tracks.erase(previous);
}

void PresenceTracker::release(Track& fresh, qint64 timeMs)
{
    if (!fresh.mayBe)
        return;
    if (auto awaited = m_tracks.find(*fresh.mayBe); awaited != m_tracks.end())
        awaited->second.awaitedBy.reset();
    fresh.mayBe.reset();
    // A second phone, and it came close while the question was open: verified now, when it is
    // known (so events stay in time order), at the RSSI that made it close.
    if (const std::optional<int> rssi = std::exchange(fresh.closeWhileWaiting, std::nullopt); rssi && fresh.visit == 0)
        verify(fresh, timeMs, *rssi);
}

std::optional<double> PresenceTracker::smoothedRssi(const Track& track) const
{
    if (track.sampleCount < m_config.samples)
        return std::nullopt;
    const int size = static_cast<int>(track.samples.size());
    const int newest = (track.nextSample + size - 1) % size;
    int sum = 0;
    for (int k = 0; k < m_config.samples; ++k) {
        const Sample& sample = track.samples[static_cast<size_t>((newest - k + size) % size)];
        if (track.samples[static_cast<size_t>(newest)].timeMs - sample.timeMs > m_config.sampleWindowMs)
            return std::nullopt;
        sum += sample.rssi;
    }
    return static_cast<double>(sum) / m_config.samples;
}

AppVerification PresenceTracker::verificationOf(const Track& track, qint64 timeMs, int rssi) const
{
    AppVerification verification;
    verification.timeMs = timeMs;
    verification.profile = track.profile->name;
    verification.platform = track.profile->platform;
    verification.appId = track.appId;
    verification.address = track.address;
    verification.rssi = rssi;
    return verification;
}

void PresenceTracker::endVisit(const Track& track, qint64 timeMs)
{
    if (track.visit == 0)
        return;
    emit left(verificationOf(track, timeMs, track.lastRssi));
    // The addresses it took the visit over from can no longer get it back.
    for (auto it = m_retired.begin(); it != m_retired.end();) {
        if (it->second.track.visit == track.visit)
            it = m_retired.erase(it);
        else
            ++it;
    }
}

std::map<quint64, PresenceTracker::Track>::iterator PresenceTracker::erase(std::map<quint64, Track>::iterator it,
                                                                           qint64 timeMs)
{
    Track& track = it->second;
    if (track.mayBe) {
        if (auto awaited = m_tracks.find(*track.mayBe); awaited != m_tracks.end())
            awaited->second.awaitedBy.reset();
    }
    if (track.awaitedBy) {
        // Gone without a rotation: whoever waited on it is a phone of its own.
        if (auto waiting = m_tracks.find(*track.awaitedBy); waiting != m_tracks.end())
            release(waiting->second, timeMs);
    }
    return m_tracks.erase(it);
}

void PresenceTracker::expire(qint64 timeMs)
{
    m_nextExpiryMs = timeMs + EXPIRY_PERIOD_MS;
    // A retired address quiet for as long as a visit takes to end really rotated away.
    for (auto it = m_retired.begin(); it != m_retired.end();) {
        if (timeMs - it->second.track.lastSeenMs > m_config.leaveAfterMs)
            it = m_retired.erase(it);
        else
            ++it;
    }
    for (auto& [address, track] : m_tracks) {
        if (!track.mayBe)
            continue;
        // Both addresses quiet: no sign that one took over from the other, so two phones (a
        // scanner that listens in windows, as Android's Exposure Notification does, hears this
        // at the end of each window).
        const auto awaited = m_tracks.find(*track.mayBe);
        const qint64 lastOfBoth =
            std::max(track.lastSeenMs, awaited == m_tracks.end() ? track.lastSeenMs : awaited->second.lastSeenMs);
        if (timeMs - lastOfBoth >= m_config.rotationQuietMs)
            release(track, timeMs);
    }
    for (auto it = m_tracks.begin(); it != m_tracks.end();) {
        const Track& track = it->second;
        if (track.visit != 0 && timeMs - track.lastAtKioskMs > m_config.leaveAfterMs) {
            endVisit(track, timeMs);
            it = erase(it, timeMs);
        } else if (track.visit == 0 && timeMs - track.lastSeenMs > m_config.forgetAfterMs) {
            it = erase(it, timeMs);
        } else {
            ++it;
        }
    }
}
