// The number that says who a person is: the key that joins the entry log, the staff roster,
// passes, the contact trace and "forget this person". Every caller takes it through here, so that
// "046 190 000 001", "046.190.000.001" and "046190000001" are one person everywhere (issue 11).
#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QString>

class IdNumber
{
    Q_DECLARE_TR_FUNCTIONS(IdNumber)

public:
    enum class Kind {
        Cccd,     // citizen ID card (căn cước công dân): 12 digits
        Cmnd,     // the old people's ID card (chứng minh nhân dân): 9 digits
        Passport, // 6 to 9 letters and digits, at least one letter (ICAO 9303 document numbers)
        Pass,     // a visitor pass stands for a person without a number: "PASS:" + the pass id
    };

    // Normalises text (normalised()) and classifies it; anything that is neither a CCCD, a CMND
    // nor a passport number (nor a pass's stand-in) is an Error (kind Usage) with a sentence.
    static Result<IdNumber> parse(const QString& text);
    // A number a person typed (the kiosk's form, its check-out, the console's check-in by hand):
    // parse(), and never a pass's stand-in, which only a signed pass vouches for (issue 24: the
    // rule lived in one screen of the kiosk).
    static Result<IdNumber> parseTyped(const QString& text);
    // The stand-in for a visitor who came with a pass and no number.
    static IdNumber forPass(const QString& passId);
    // What a number is stored and looked up as: spaces, dots and dashes removed, letters
    // upper-cased. A pass's stand-in is kept as it is (pass ids are case-sensitive).
    static QString normalised(const QString& text);

    const QString& text() const { return m_text; }
    Kind kind() const { return m_kind; }
    // The name of the kind in the user's language ("citizen ID card", ...).
    QString kindName() const;

    bool operator==(const IdNumber& other) const { return m_text == other.m_text; }

private:
    IdNumber(QString text, Kind kind) : m_text(std::move(text)), m_kind(kind) {}

    QString m_text;
    Kind m_kind;
};
