// The number that says who a person is.
#include "common/IdNumber.h"

#include <algorithm>

namespace {
const QString PASS_PREFIX = QStringLiteral("PASS:");
// The card's number is the personal ID number (Law on Citizen Identification 59/2014/QH13, art. 19),
// 12 digits (Decree 137/2015/ND-CP, art. 7).
constexpr qsizetype CCCD_DIGITS = 12;
// The old people's ID card (chứng minh nhân dân, Decree 05/1999/ND-CP) has a 9-digit number.
constexpr qsizetype CMND_DIGITS = 9;
// Passports: a document number of up to 9 letters and digits (ICAO Doc 9303 part 4, the MRZ's
// document number field); 6 is the shortest seen in use.
constexpr qsizetype PASSPORT_MIN = 6;
constexpr qsizetype PASSPORT_MAX = 9;

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isLetter(QChar c)
{
    return c >= u'A' && c <= u'Z';
}
} // namespace

QString IdNumber::normalised(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.startsWith(PASS_PREFIX))
        return trimmed;
    QString result;
    result.reserve(trimmed.size());
    for (const QChar c : trimmed) {
        if (c.isSpace() || c == u'.' || c == u'-')
            continue;
        // ASCII letters only: ID numbers are ASCII; anything else is kept, and refused by parse().
        result.append(c >= u'a' && c <= u'z' ? QChar(c.unicode() - 'a' + 'A') : c);
    }
    return result;
}

Result<IdNumber> IdNumber::parseTyped(const QString& text)
{
    auto number = parse(text);
    if (number && number->kind() == Kind::Pass)
        return Error(Error::Kind::Usage, tr("\"%1\" is a visitor pass's identifier, not an ID number: show the pass "
                                            "to the camera, or type the number of a citizen ID card, an old ID card "
                                            "or a passport.")
                                             .arg(text.trimmed()));
    return number;
}

Result<IdNumber> IdNumber::parse(const QString& text)
{
    const QString number = normalised(text);
    if (number.startsWith(PASS_PREFIX) && number.size() > PASS_PREFIX.size())
        return IdNumber(number, Kind::Pass);
    if (number.isEmpty())
        return Error(Error::Kind::Usage, tr("An ID number is needed: the citizen ID card (12 digits), the old ID card "
                                            "(9 digits) or the passport."));
    const bool digits = std::all_of(number.cbegin(), number.cend(), isDigit);
    if (digits && number.size() == CCCD_DIGITS)
        return IdNumber(number, Kind::Cccd);
    if (digits && number.size() == CMND_DIGITS)
        return IdNumber(number, Kind::Cmnd);
    const bool alphanumeric =
        std::all_of(number.cbegin(), number.cend(), [](QChar c) { return isDigit(c) || isLetter(c); });
    if (alphanumeric && !digits && number.size() >= PASSPORT_MIN && number.size() <= PASSPORT_MAX)
        return IdNumber(number, Kind::Passport);
    return Error(Error::Kind::Usage, tr("\"%1\" is not an ID number: a citizen ID card has 12 digits, an old ID card "
                                        "9 digits, a passport 6 to 9 letters and digits.")
                                         .arg(text.trimmed()));
}

IdNumber IdNumber::forPass(const QString& passId)
{
    return IdNumber(PASS_PREFIX + passId, Kind::Pass);
}

QString IdNumber::kindName() const
{
    switch (m_kind) {
    case Kind::Cccd:
        return tr("citizen ID card");
    case Kind::Cmnd:
        return tr("old ID card");
    case Kind::Passport:
        return tr("passport");
    case Kind::Pass:
        return tr("visitor pass");
    }
    return {};
}
