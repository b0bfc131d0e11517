// How gatehouse-central is started (formats/console.md, "Starting it"):
//   gatehouse-central --central URI --listen HOST:PORT --tls-cert FILE --tls-key FILE [--config FILE]
// Every argument is checked before anything listens: a mistake is a sentence and exit status 2.
// The optional INI file ([console]) holds what a province may tune: the idle timeout, the
// longest session, how many requests run at once and how many connections the store gets.
#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

class ConsoleOptions
{
    Q_DECLARE_TR_FUNCTIONS(ConsoleOptions)

public:
    QString central;
    QString host;
    quint16 port = 0;
    QString certificate;
    QString key;
    int idleMinutes = 15;          // a session nobody uses ends (an official who walked away)
    int sessionHours = 10;         // and every session ends after a working day
    int threads = 64;              // requests served at once (50 officials and a few slow ones)
    int connections = 16;          // connections to the central store
    QString signingKey;            // [console] signing_key: the export key that signs case files' manifests
    int utcOffsetMinutes = 7 * 60; // the province's time on its pages (Vietnam: UTC+7, no summer time)
    // [console] kiosk_ca_key and kiosk_ca_cert: the kiosks' CA (central.md), with which the console
    // issues a new kiosk's TLS files; without them kiosks are registered and their files issued
    // with `central add-kiosk --ca-key`. kiosk_uri: the store's address as kiosks reach it, for the
    // [central] group handed over with those files (default: made from --central).
    QString kioskCaKey;
    QString kioskCaCertificate;
    QString kioskUri;

    [[nodiscard]] static Result<ConsoleOptions> parse(const QStringList& arguments);
    static QString usage();
};
