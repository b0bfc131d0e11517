// What the benchmarks share: a generated lobby capture and the process's resident memory.
#pragma once

#include "ble/CaptureWriter.h"
#include "ble/LobbySimulator.h"

#include <QFile>

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
