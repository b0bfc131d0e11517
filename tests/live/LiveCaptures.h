// Small captures (formats/ble-capture.md, JSONL) that the live tests have the fake BlueZ play:
// phones written the way the apps advertise (formats/ble-capture.md "App signatures").
#pragma once

#include "ble/Advertisement.h"

#include <QFile>
#include <QString>

namespace LiveCaptures {
// The phones of gattPhones(): Bluezone iPhones in background whose GATT read hangs, fails or is
// answered, and a Bluezone Android phone, all at the kiosk from CloseAtMs on.
inline const QString HangingIphone = QStringLiteral("4A:00:00:00:00:0A");
inline const QString FailingIphone = QStringLiteral("4B:00:00:00:00:0B");
inline const QString ServedIphone = QStringLiteral("4C:00:00:00:00:0C");
inline const QString AndroidPhone = QStringLiteral("4D:00:00:00:00:0D");
constexpr qint64 CloseAtMs = 1000;

inline quint64 address(const QString& text)
{
    return Advertisement::parseAddress(text.toStdString()).value_or(0);
}

inline QString write(const QString& folder, const QString& name, const QByteArray& lines)
{
    const QString path = folder + QLatin1Char('/') + name;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(lines) != lines.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

inline QByteArray line(qint64 t, const QString& address, int rssi, const QByteArray& rest)
{
    return "{\"t\":" + QByteArray::number(t) + ",\"addr\":\"" + address.toLatin1() +
           "\",\"rssi\":" + QByteArray::number(rssi) + ',' + rest + "}\n";
}

// Bluezone Android: 0x4E56 and its 12-byte ID as manufacturer 0x22B5.
inline QByteArray bluezoneAndroid(const QByteArray& id12)
{
    return "\"uuids\":[\"4e56\"],\"mfr\":{\"22b5\":\"" + id12.toHex() + "\"}";
}

// Bluezone iOS in background: only bit 0x08 of the first byte of Apple's overflow bitmask.
inline QByteArray bluezoneIosBackground()
{
    return "\"mfr\":{\"004c\":\"0108000000000000000000000000000000\"}";
}

inline QString gattPhones(const QString& folder)
{
    QByteArray lines;
    for (qint64 t = CloseAtMs; t < 12000; t += 200) {
        lines += line(t, HangingIphone, -50, bluezoneIosBackground());
        lines += line(t + 10, FailingIphone, -51, bluezoneIosBackground());
        lines += line(t + 20, ServedIphone, -50, bluezoneIosBackground());
        lines += line(t + 30, AndroidPhone, -52, bluezoneAndroid(QByteArray::fromHex("507c3b3c88f9c44a8d2184fa")));
    }
    return write(folder, QStringLiteral("gatt-phones.jsonl"), lines);
}

// One Bluezone Android phone at the kiosk, an advert every 200 ms.
inline QString steadyPhone(const QString& folder, qint64 durationMs)
{
    QByteArray lines;
    for (qint64 t = 0; t < durationMs; t += 200)
        lines += line(t, AndroidPhone, -50, bluezoneAndroid(QByteArray::fromHex("257d633a032a4486795d5238")));
    return write(folder, QStringLiteral("steady-%1.jsonl").arg(durationMs), lines);
}

// phones Bluezone Android phones across the lobby (-80 dBm), each `adverts` adverts over
// durationMs, none at the same moment as another's.
inline QString crowd(const QString& folder, int phones, int adverts, qint64 durationMs)
{
    QList<std::pair<qint64, QByteArray>> timed;
    const qint64 period = durationMs / adverts;
    for (int p = 0; p < phones; ++p) {
        const QString address = QStringLiteral("5E:00:00:00:%1:%2")
                                    .arg(p / 256, 2, 16, QLatin1Char('0'))
                                    .arg(p % 256, 2, 16, QLatin1Char('0'))
                                    .toUpper();
        const QByteArray id = QByteArray::number(100000000000LL + p).left(12);
        for (int a = 0; a < adverts; ++a) {
            const qint64 t = a * period + p * period / phones;
            timed.append({t, line(t, address, -80 - (a % 3), bluezoneAndroid(id))});
        }
    }
    std::sort(timed.begin(), timed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    QByteArray lines;
    for (const auto& [t, text] : timed)
        lines += text;
    return write(folder, QStringLiteral("crowd.jsonl"), lines);
}
} // namespace LiveCaptures
