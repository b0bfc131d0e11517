// The QR of a Vietnamese citizen ID card, parsed and validated.
//
// Layout (formats/cccd-qr.md): number|old number|name|DDMMYYYY|sex|address|DDMMYYYY, UTF-8;
// newer cards may append fields (kept out), and some cards leave the old-number field out
// altogether: number|name|DDMMYYYY|sex|address|DDMMYYYY (public readers of newer cards report it).
#include "qr/CccdCard.h"

#include "common/SuppliedText.h"

#include <QStringList>

#include <algorithm>

namespace {
constexpr int FIELDS = 7;
constexpr int FIELDS_WITHOUT_OLD_NUMBER = 6;
constexpr int ID_DIGITS = 12;

bool allDigits(const QString& text)
{
    return !text.isEmpty() && std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

// DDMMYYYY; an invalid QDate when it is not a real day.
QDate parseDate(const QString& text)
{
    if (text.size() != 8 || !allDigits(text))
        return QDate();
    return QDate(text.mid(4, 4).toInt(), text.mid(2, 2).toInt(), text.left(2).toInt());
}
} // namespace

bool CccdCard::looksLikeCccd(const QString& text)
{
    const qsizetype separators = text.count(QLatin1Char('|'));
    return separators >= 5 || (separators >= 2 && allDigits(text.section(QLatin1Char('|'), 0, 0)));
}

Result<CccdCard> CccdCard::parse(const QString& text)
{
    QStringList fields = text.split(QLatin1Char('|'));
    // The second field tells the two layouts apart: the old number is digits (or empty), a name
    // never is.
    const QString second = fields.value(1).trimmed();
    const bool withOldNumber = second.isEmpty() || allDigits(second);
    const int needed = withOldNumber ? FIELDS : FIELDS_WITHOUT_OLD_NUMBER;
    if (fields.size() < needed)
        return Error(Error::Kind::Input,
                     tr("the card's QR has %1 fields, fewer than the %2 it must have").arg(fields.size()).arg(needed));
    if (!withOldNumber)
        fields.insert(1, QString());
    CccdCard card;
    card.idNumber = fields[0].trimmed();
    if (card.idNumber.size() != ID_DIGITS || !allDigits(card.idNumber))
        return Error(Error::Kind::Input, tr("the ID number is not 12 digits"));
    card.oldIdNumber = fields[1].trimmed();
    // What the code says is shown on the kiosk and stored: no control or bidirectional-override
    // characters, and no more than a card can hold (common/SuppliedText.h).
    card.fullName = SuppliedText::clean(fields[2], SuppliedText::MAX_NAME);
    if (card.fullName.isEmpty())
        return Error(Error::Kind::Input, tr("the name is empty"));
    card.dateOfBirth = parseDate(fields[3].trimmed());
    if (!card.dateOfBirth.isValid())
        return Error(Error::Kind::Input, tr("the date of birth is not a real date"));
    card.sex = SuppliedText::clean(fields[4], SuppliedText::MAX_SHORT);
    card.address = SuppliedText::clean(fields[5], SuppliedText::MAX_ADDRESS);
    card.issueDate = parseDate(fields[6].trimmed());
    if (!card.issueDate.isValid())
        return Error(Error::Kind::Input, tr("the issue date is not a real date"));
    return card;
}
