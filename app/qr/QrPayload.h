// What a scanned code says, recognised: a citizen ID card, a visitor pass, a web address or
// other text, with its verdict and the fields formats/cli.md names.
#pragma once

#include "qr/CccdCard.h"
#include "qr/VisitorPass.h"

#include <QList>
#include <QPair>
#include <QString>

#include <optional>

struct QrPayload
{
    enum class Kind { Cccd, Pass, Url, Text };

    Kind kind = Kind::Text;
    QString text;
    // For cards and passes: accepted or not, and why not ("malformed", "expired", ...). Web
    // addresses and other text are never identity: no verdict.
    std::optional<bool> valid;
    QString reason;
    QString detail; // for "malformed": what is wrong, as a phrase
    QList<QPair<QString, QString>> fields;
    std::optional<CccdCard> card;    // when kind is Cccd and the card is well-formed
    std::optional<VisitorPass> pass; // when kind is Pass (claims as far as they could be read)

    static QString kindName(Kind kind); // "cccd", "pass", "url", "text"
};
