// The QR on the front of a Vietnamese chip-based citizen ID card (CCCD), parsed and validated
// (formats/cccd-qr.md). Personal data: never log it in plain form.
#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>

class CccdCard
{
    Q_DECLARE_TR_FUNCTIONS(CccdCard)

public:
    // Parses the QR text, in its seven-field form or the six-field one without the old number. A
    // number that is not 12 digits, a date that does not exist, an empty name or too few fields
    // is an Error (kind Input) whose message says which. Name, sex and address come cleaned and
    // bounded (common/SuppliedText.h).
    static Result<CccdCard> parse(const QString& text);
    // Whether text has the shape of a CCCD QR at all (so that a malformed one is reported as
    // a malformed card, not as arbitrary text): six fields or more, or at least three whose
    // first is digits.
    static bool looksLikeCccd(const QString& text);

    QString idNumber;    // 12 digits
    QString oldIdNumber; // the old 9-digit CMND number, or empty
    QString fullName;
    QDate dateOfBirth;
    QString sex; // as printed: "Nam" or "Nữ"
    QString address;
    QDate issueDate;
};
