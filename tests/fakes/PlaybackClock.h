// The clock of a capture that the fake BlueZ plays (tests/fakes/FakeBluez.h): from each of the
// player's segments, capture time runs at the player's rate from the segment's wall time, so the
// process under test stamps adverts in the capture's own time, as a replay does, and the two can
// be compared. Before follow() it stands at the epoch's start, earlier than any capture, so that
// time passing before the player starts cannot run ahead of the capture. Read from any thread.
#pragma once

#include "common/Clock.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMutex>

class PlaybackClock final : public Clock
{
public:
    PlaybackClock() { m_started.start(); }

    // The player's answer to "play": {"segments": [[wall ms, capture ms], ...], "rate": R}.
    void follow(const QJsonObject& playing)
    {
        QMutexLocker lock(&m_mutex);
        m_segments.clear();
        for (const QJsonValue& segment : playing.value(QStringLiteral("segments")).toArray())
            m_segments.append({segment[0].toInteger(), segment[1].toInteger()});
        m_rate = playing.value(QStringLiteral("rate")).toDouble(1);
    }

    qint64 captureMs(qint64 wallMs) const
    {
        QMutexLocker lock(&m_mutex);
        if (m_segments.isEmpty())
            return 0;
        auto current = m_segments.constFirst();
        for (const auto& segment : m_segments) {
            if (segment.first <= wallMs)
                current = segment;
        }
        return current.second + qint64(double(wallMs - current.first) * m_rate);
    }

    double rate() const
    {
        QMutexLocker lock(&m_mutex);
        return m_rate;
    }

    QDateTime now() const override
    {
        return QDateTime::fromMSecsSinceEpoch(captureMs(QDateTime::currentMSecsSinceEpoch()), Qt::UTC);
    }
    qint64 monotonicMs() const override { return m_started.elapsed(); }

private:
    mutable QMutex m_mutex;
    QList<std::pair<qint64, qint64>> m_segments;
    double m_rate = 1;
    QElapsedTimer m_started;
};
