// What the benchmarks share: a generated lobby capture, the process's resident memory and a probe
// of how long a thread's event loop stalls.
#pragma once

#include "ble/CaptureWriter.h"
#include "ble/LobbySimulator.h"

#include <QElapsedTimer>
#include <QFile>
#include <QList>
#include <QTimer>

#include <algorithm>

#include <unistd.h>

// Writes a lobby of `hours` with the given density to path; returns the number of adverts.
inline qint64 writeCapture(const QString& path, qint64 hours, int passersPerHour, int visitorsPerHour, int beacons)
{
    LobbySimulator::Config config;
    config.durationMs = hours * 3600 * 1000;
    config.passersPerHour = passersPerHour;
    config.visitorsPerHour = visitorsPerHour;
    config.beacons = beacons;
    config.seed = 2020;
    LobbySimulator lobby(config);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    qint64 count = 0;
    QByteArray buffer;
    lobby.run([&](const Advertisement& advert) {
        buffer += CaptureWriter::line(advert);
        buffer += '\n';
        if (buffer.size() > (1 << 20)) {
            file.write(buffer);
            buffer.clear();
        }
        ++count;
    });
    file.write(buffer);
    return count;
}

inline qint64 residentKiB()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toLongLong() * (sysconf(_SC_PAGESIZE) / 1024) : -1;
}

// Ticks a 1 ms timer on the calling thread from start() to stop() and keeps the gaps between the
// ticks: a gap much longer than 1 ms is the time the thread's event loop was held.
class TickGaps
{
public:
    TickGaps()
    {
        m_timer.setInterval(1);
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, [this] { lap(); });
    }

    void start()
    {
        m_gapsMs.clear();
        m_clock.start();
        m_lastNs = 0;
        m_timer.start();
    }

    void stop()
    {
        m_timer.stop();
        lap(); // the wait until stop() is a gap too, when the thread was held until its end
        std::sort(m_gapsMs.begin(), m_gapsMs.end());
    }

    // After stop(): the gap below which a share q of the gaps lies (0.5 the median), in ms.
    double quantileMs(double q) const
    {
        return m_gapsMs.isEmpty()
                   ? 0.0
                   : m_gapsMs[std::min<qsizetype>(m_gapsMs.size() - 1, qsizetype(double(m_gapsMs.size()) * q))];
    }
    double longestMs() const { return m_gapsMs.isEmpty() ? 0.0 : m_gapsMs.last(); }
    qsizetype ticks() const { return m_gapsMs.size(); }

private:
    void lap()
    {
        const qint64 now = m_clock.nsecsElapsed();
        m_gapsMs.append(double(now - m_lastNs) / 1e6);
        m_lastNs = now;
    }

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    QList<double> m_gapsMs;
};
