// Reads one line of a BLE capture file (formats/ble-capture.md) into an Advertisement. A JSON
// reader written for this one flat shape: replay must run at a million lines a second, which a
// general DOM parser (QJsonDocument) does not reach.
#pragma once

#include "ble/AdProblem.h"
#include "ble/Advertisement.h"

#include <QCoreApplication>
#include <QString>

#include <string_view>

class CaptureLineParser
{
    Q_DECLARE_TR_FUNCTIONS(CaptureLineParser)

public:
    // The latest capture time accepted: 9999-12-31T23:59:59.999Z in Unix milliseconds.
    static constexpr qint64 MAX_TIME_MS = 253402300799999;

    struct Outcome
    {
        bool accepted = false;
        // Why the line was rejected (accepted == false): one phrase, translated.
        QString reason;
        // For an accepted line whose `ad` hex held a malformed AD structure.
        AdProblem adProblem;
    };

    // Parses line (without its newline) into advert, which is cleared first.
    static Outcome parse(std::string_view line, Advertisement& advert);
};
