// The evidence that a visitor's phone runs a tracing app: which app, on what platform, its
// identifier when the advert carries one, how loud, when and from which address.
#pragma once

#include <QByteArray>
#include <QString>

struct AppVerification
{
    qint64 timeMs = 0; // the advert that decided it (capture ms, or epoch ms when live)
    QString profile;   // "bluezone", "exposure_notification", "bluetrace", or a site's own
    QString platform;  // "android", "ios", or empty when unknown
    QByteArray appId;  // the app's identifier (raw bytes), empty when the advert has none
    quint64 address = 0;
    int rssi = 0; // dBm, smoothed, at the moment of decision
};
