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
// An app without an identifier that advertises in bursts (BlueTrace Android, 180 s) "ended a
// burst on schedule" when its address was heard for at least this share of one: a phone first
// heard mid-burst, or gone before its end, gives no evidence of a rotation.
constexpr qint64 WHOLE_BURST_PERCENT = 90;

QByteArray bytesOf(std::span<const quint8> id)
{
    return QByteArray(reinterpret_cast<const char*>(id.data()), static_cast<qsizetype>(id.size()));
}
} // namespace

PresenceTracker::PresenceTracker(AppProfileTable profiles, Config config, QObject* parent)
    : QObject(parent), m_profiles(std::move(profiles)), m_config(config)
{
    m_config.samples = std::clamp(m_config.samples, 1, 8);
}

void PresenceTracker::feed(const Advertisement& incoming)
{
    // A live clock stepped back (NTP) is held where it was: no event goes back in time.
    std::optional<Advertisement> held;
    if (incoming.timeMs < m_nowMs) {
        held = incoming;
        held->timeMs = m_nowMs;
    }
    const Advertisement& advert = held ? *held : incoming;
    m_nowMs = advert.timeMs;
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
        fresh.appId = bytesOf(id);
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
        track->appId = bytesOf(id);
    }
    track->samples[static_cast<size_t>(track->nextSample)] = {advert.timeMs, advert.rssi};
    track->nextSample = (track->nextSample + 1) % static_cast<int>(track->samples.size());
    track->sampleCount = std::min(track->sampleCount + 1, static_cast<int>(track->samples.size()));
    if (advert.rssi >= m_config.thresholdDbm - m_config.stayMarginDb)
        track->lastAtKioskMs = advert.timeMs;

    if (track->mayBe)
        settleRotation(*track, advert.timeMs);
    const std::optional<double> smoothed = smoothedRssi(*track);
    // An identifier read over GATT is asked for as the phone approaches, so that it is there
    // when the phone is; a phone that took a visit over by a rotation is read too, to name it.
    if (smoothed && track->profile->idSource == AppProfile::IdSource::Gatt && m_config.gattReads &&
        track->read == Read::None && *smoothed >= m_config.thresholdDbm - m_config.readAheadMarginDb) {
        wantRead(*track);
    }
    if (track->visit != 0)
        return;
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
    const AppProfile& profile = *track.profile;
    if (profile.idSource == AppProfile::IdSource::Gatt) {
        if (!m_config.gattReads && !profile.advertProvesApp)
            return; // only a read proves it, and nothing reads
        if (m_config.gattReads && track.read != Read::Done) {
            if (!track.closeSinceMs)
                track.closeSinceMs = timeMs;
            const bool failed = track.read == Read::Failed;
            if (track.read != Read::Pending)
                wantRead(track); // (again, after a failed read: the phone is still here)
            // A phone whose advert proves the app is not kept waiting long for its identifier.
            const bool waited = timeMs - *track.closeSinceMs >= m_config.readWaitMs;
            if (!profile.advertProvesApp || (!failed && !waited))
                return;
        }
    }
    track.visit = ++m_lastVisit;
    emit verified(verificationOf(track, timeMs, rssi));
}

void PresenceTracker::wantRead(Track& track)
{
    if (track.read == Read::Pending)
        return;
    track.read = Read::Pending;
    emit readIdWanted(track.address, *track.profile);
}

void PresenceTracker::advanceTo(qint64 timeMs)
{
    m_nowMs = std::max(m_nowMs, timeMs);
    expire(m_nowMs);
}

void PresenceTracker::finish(qint64 timeMs)
{
    m_nowMs = std::max(m_nowMs, timeMs);
    for (const auto& [address, track] : m_tracks) {
        if (track.visit != 0)
            emit left(verificationOf(track, m_nowMs, track.lastRssi));
    }
    m_tracks.clear();
    m_retired.clear();
}

void PresenceTracker::idRead(quint64 address, const QByteArray& appId)
{
    auto it = m_tracks.find(address);
    if (it == m_tracks.end() || it->second.read != Read::Pending)
        return;
    Track& track = it->second;
    if (appId.size() != track.profile->gattIdLength) {
        // The read failed, or found no such app (another UUID in the same overflow bit).
        track.read = Read::Failed;
        return;
    }
    track.read = Read::Done;
    track.appId = appId;

    // The identifier names the phone: heard under another address, it is the same phone.
    const auto same = std::find_if(m_tracks.begin(), m_tracks.end(), [&track](const auto& entry) {
        const Track& other = entry.second;
        return &other != &track && other.profile->name == track.profile->name && other.appId == track.appId;
    });
    if (same != m_tracks.end()) {
        Track& other = same->second;
        if (track.mayBe == other.address || other.mayBe == track.address) {
            track.mayBe.reset();
            track.awaitedBy.reset();
            track.closeWhileWaiting.reset();
            other.mayBe.reset();
            other.awaitedBy.reset();
        }
        qCDebug(lcBle) << "same identifier" << Qt::hex << other.address << "->" << track.address;
        if (track.visit == 0) {
            track.visit = other.visit; // its visit goes on under the new address
        } else if (other.visit != 0 && other.visit != track.visit) {
            endVisit(other, m_nowMs); // said twice for one phone: the older is over
        }
        for (auto& [retiredAddress, retired] : m_retired) {
            if (retired.successor == other.address)
                retired.successor = track.address;
        }
        other.visit = 0;
        erase(same, m_nowMs);
    }
    if (track.mayBe) {
        // Waiting on a quiet address with another identifier (the same one was merged above): a
        // second phone. Without one to compare, the rotation guess goes on.
        const auto awaited = m_tracks.find(*track.mayBe);
        if (awaited != m_tracks.end() && !awaited->second.appId.isEmpty() && awaited->second.appId != appId)
            release(track, m_nowMs);
    }
    // Close and waiting only for this read: verified now (when it is known, so events stay in
    // time order; never before the adverts that brought the phone here).
    if (track.visit == 0 && !track.mayBe && track.closeSinceMs) {
        verify(track, m_nowMs, static_cast<int>(std::lround(smoothedRssi(track).value_or(track.lastRssi))));
    }
}

PresenceTracker::Track& PresenceTracker::moveTrack(std::map<quint64, Track>::iterator from, quint64 address)
{
    Track moved = from->second;
    const quint64 oldAddress = moved.address;
    m_tracks.erase(from);
    moved.address = address;
    // Whoever waited on the old address, or was waited on, now deals with the new one.
    if (moved.awaitedBy) {
        if (auto waiting = m_tracks.find(*moved.awaitedBy); waiting != m_tracks.end())
            waiting->second.mayBe = address;
    }
    if (moved.mayBe) {
        if (auto awaited = m_tracks.find(*moved.mayBe); awaited != m_tracks.end())
            awaited->second.awaitedBy = address;
    }
    for (auto& [retiredAddress, retired] : m_retired) {
        if (retired.successor == oldAddress)
            retired.successor = address;
    }
    return m_tracks.insert_or_assign(address, moved).first->second;
}

PresenceTracker::Track* PresenceTracker::findTrack(const Advertisement& advert, const AppProfile& profile,
                                                   std::span<const quint8> id)
{
    auto it = m_tracks.find(advert.address);
    if (it != m_tracks.end()) {
        if (it->second.profile->name == profile.name)
            return &it->second;
        // The address now advertises another app: the visit of the old one, if any, ends here,
        // and a new track starts.
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
            Track& moved = moveTrack(candidate, advert.address);
            moved.firstSeenMs = advert.timeMs; // first heard at this address
            return &moved;
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
            if (live->second.visit == restored.visit)
                live->second.visit = 0;
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

bool PresenceTracker::mayBeRotation(const Track& old, const Track& fresh) const
{
    const AppProfile& profile = *fresh.profile;
    const qint64 gap = fresh.firstSeenMs - old.lastSeenMs;
    if (gap < 0)
        return false;
    // An app advertising on and on takes its new address at once; one that advertises in bursts
    // (a new address at each: ServiceTraceCovid.startBroadCastBle, BLEAdvertiser.kt) after its pause.
    const bool atOnce = gap <= m_config.rotationGapMs;
    const bool afterPause = profile.pauseMs > 0 && std::abs(gap - profile.pauseMs) <= m_config.cycleSlackMs;
    if (!atOnce && !afterPause)
        return false;
    const bool idInAdvert = profile.idSource == AppProfile::IdSource::ManufacturerData ||
                            profile.idSource == AppProfile::IdSource::ServiceData;
    if (idInAdvert && profile.idSlotsPerDay > 0) {
        // A new identifier tied to UTC slots (Bluezone's) goes on air only when a burst starts
        // after a slot boundary, so the old one may be heard up to a burst after it (formats/
        // ble-capture.md). Without epoch times the boundaries are unknown: then a new identifier is
        // a new phone, since counting a visitor twice does less harm than missing one.
        if (old.lastSeenMs < EPOCH_MS_FLOOR)
            return false;
        return profile.slotBoundaryBetween(old.lastSeenMs - profile.advertisingMs, fresh.firstSeenMs);
    }
    if (afterPause && !atOnce && profile.idSource == AppProfile::IdSource::None) {
        // Nothing names the phone (BlueTrace): only a burst heard whole, ending on schedule, and
        // the next one starting after the pause, are the same phone's.
        const qint64 heard = old.lastSeenMs - old.firstSeenMs;
        return heard >= profile.advertisingMs * WHOLE_BURST_PERCENT / 100 &&
               heard <= profile.advertisingMs + m_config.cycleSlackMs;
    }
    return true;
}

PresenceTracker::Track* PresenceTracker::rotationCandidate(const Track& fresh)
{
    if (fresh.firstRssi < m_config.thresholdDbm - m_config.rotationMarginDb)
        return nullptr;
    Track* best = nullptr;
    for (auto& [address, candidate] : m_tracks) {
        const bool sameApp =
            candidate.profile->name == fresh.profile->name && candidate.profile->platform == fresh.profile->platform;
        const bool quietAtKiosk = candidate.lastAtKioskMs == candidate.lastSeenMs;
        if (candidate.visit != 0 && !candidate.awaitedBy && sameApp && quietAtKiosk &&
            mayBeRotation(candidate, fresh) && (!best || candidate.lastSeenMs > best->lastSeenMs)) {
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
    const qint64 quiet = timeMs - old.lastSeenMs;
    if (quiet < m_config.rotationQuietMs)
        return;
    // An identifier on its way over GATT will tell: it is waited for a little.
    if (fresh.read == Read::Pending && quiet < m_config.rotationQuietMs + m_config.readWaitMs)
        return;
    // The same visitor under a new address or ID: carry the visit over, say nothing.
    qCDebug(lcBle) << "rotation" << Qt::hex << old.address << "->" << fresh.address;
    fresh.mayBe.reset();
    fresh.closeWhileWaiting.reset();
    fresh.visit = old.visit;
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
