// Decides when a phone running a tracing app is at the kiosk, and when it has gone.
#include "ble/PresenceTracker.h"

#include "common/Logging.h"

#include <algorithm>
#include <cmath>
#include <cstring>

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
        fresh.lastAtKioskMs = advert.timeMs;
        fresh.appId = QByteArray(reinterpret_cast<const char*>(id.data()), static_cast<qsizetype>(id.size()));
        if (Track* previous = rotatedFrom(fresh)) {
            // The same visitor under a new address or ID: carry the visit over, say nothing.
            qCDebug(lcBle) << "rotation" << Qt::hex << previous->address << "->" << advert.address;
            fresh.verified = true;
            fresh.inherited = true;
            fresh.confirmationRequested = previous->confirmationRequested;
            if (fresh.appId.isEmpty())
                fresh.appId = previous->appId;
            m_retired.insert(previous->address, {*previous, advert.address});
            m_tracks.remove(previous->address);
        }
        track = &m_tracks.insert(advert.address, fresh).value();
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

    if (track->verified)
        return;
    const std::optional<double> smoothed = smoothedRssi(*track);
    if (!smoothed || *smoothed < m_config.thresholdDbm)
        return;
    if (profile->idSource == AppProfile::IdSource::Gatt) {
        if (!track->confirmationRequested) {
            track->confirmationRequested = true;
            emit confirmationWanted(track->address, *profile);
        }
        return;
    }
    track->verified = true;
    emit verified(verificationOf(*track, advert.timeMs, static_cast<int>(std::lround(*smoothed))));
}

void PresenceTracker::advanceTo(qint64 timeMs)
{
    expire(timeMs);
}

void PresenceTracker::finish(qint64 timeMs)
{
    for (const Track& track : std::as_const(m_tracks)) {
        if (track.verified)
            emit left(verificationOf(track, timeMs, track.lastRssi));
    }
    m_tracks.clear();
    m_retired.clear();
}

void PresenceTracker::confirm(quint64 address, const QByteArray& appId)
{
    auto it = m_tracks.find(address);
    if (it == m_tracks.end() || it->verified)
        return;
    if (appId.isEmpty() || appId.size() != it->profile->gattIdLength) {
        // Not the app after all (another UUID in the same overflow bit), or the read failed.
        it->confirmationRequested = false;
        return;
    }
    it->appId = appId;
    it->verified = true;
    emit verified(
        verificationOf(*it, it->lastSeenMs, static_cast<int>(std::lround(smoothedRssi(*it).value_or(it->lastRssi)))));
}

PresenceTracker::Track* PresenceTracker::findTrack(const Advertisement& advert, const AppProfile& profile,
                                                   std::span<const quint8> id)
{
    auto it = m_tracks.find(advert.address);
    if (it != m_tracks.end()) {
        if (it->profile->name == profile.name)
            return &it.value();
        // The address now advertises another app (or another profile row of it): start anew.
        m_tracks.erase(it);
        return nullptr;
    }
    if (id.empty())
        return nullptr;
    // The address rotated but the app's ID did not: the same phone.
    const QByteArray wanted =
        QByteArray::fromRawData(reinterpret_cast<const char*>(id.data()), static_cast<qsizetype>(id.size()));
    for (auto candidate = m_tracks.begin(); candidate != m_tracks.end(); ++candidate) {
        if (candidate->profile->name == profile.name && candidate->appId == wanted) {
            Track moved = candidate.value();
            m_tracks.erase(candidate);
            moved.address = advert.address;
            return &m_tracks.insert(advert.address, moved).value();
        }
    }
    return nullptr;
}

PresenceTracker::Track* PresenceTracker::undoRotation(const Advertisement& advert)
{
    const auto retired = m_retired.find(advert.address);
    if (retired == m_retired.end())
        return nullptr;
    // The "old" phone speaks again: it did not rotate. Its successor is a second visitor, who
    // must now be verified on their own adverts.
    const auto successor = m_tracks.find(retired->successor);
    if (successor != m_tracks.end() && successor->inherited) {
        successor->inherited = false;
        successor->verified = false;
        successor->confirmationRequested = false;
    }
    Track restored = retired->track;
    m_retired.erase(retired);
    return &m_tracks.insert(advert.address, restored).value();
}

PresenceTracker::Track* PresenceTracker::rotatedFrom(const Track& fresh)
{
    if (fresh.firstRssi < m_config.thresholdDbm - m_config.rotationMarginDb)
        return nullptr;
    Track* best = nullptr;
    for (Track& candidate : m_tracks) {
        const qint64 gap = fresh.firstSeenMs - candidate.lastSeenMs;
        const bool sameApp =
            candidate.profile->name == fresh.profile->name && candidate.profile->platform == fresh.profile->platform;
        const bool quietAtKiosk = candidate.lastAtKioskMs == candidate.lastSeenMs;
        if (candidate.verified && sameApp && quietAtKiosk && gap >= 0 &&
            gap <= rotationGapLimit(m_config, *fresh.profile, candidate.lastSeenMs, fresh.firstSeenMs) &&
            (!best || candidate.lastSeenMs > best->lastSeenMs)) {
            best = &candidate;
        }
    }
    return best;
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

void PresenceTracker::expire(qint64 timeMs)
{
    m_nextExpiryMs = timeMs + EXPIRY_PERIOD_MS;
    // A retired address quiet for as long as a visit takes to end really rotated away.
    for (auto it = m_retired.begin(); it != m_retired.end();) {
        if (timeMs - it->track.lastSeenMs > m_config.leaveAfterMs)
            it = m_retired.erase(it);
        else
            ++it;
    }
    for (auto it = m_tracks.begin(); it != m_tracks.end();) {
        if (it->verified && timeMs - it->lastAtKioskMs > m_config.leaveAfterMs) {
            emit left(verificationOf(it.value(), timeMs, it->lastRssi));
            it = m_tracks.erase(it);
        } else if (!it->verified && timeMs - it->lastSeenMs > m_config.forgetAfterMs) {
            it = m_tracks.erase(it);
        } else {
            ++it;
        }
    }
}
