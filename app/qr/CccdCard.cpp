// The QR of a Vietnamese citizen ID card, parsed and validated.
//
// Layout (formats/cccd-qr.md): number|old number|name|DDMMYYYY|sex|address|DDMMYYYY, UTF-8,
// newer cards may append fields (kept out).
#include "qr/CccdCard.h"

#include <QStringList>

#include <algorithm>

namespace {
constexpr int FIELDS = 7;
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
    const QStringList fields = text.split(QLatin1Char('|'));
    if (fields.size() < FIELDS)
        return Error(Error::Kind::Input,
                     tr("the card's QR has %1 fields, fewer than the 7 it must have").arg(fields.size()));
    CccdCard card;
    card.idNumber = fields[0].trimmed();
    if (card.idNumber.size() != ID_DIGITS || !allDigits(card.idNumber))
        return Error(Error::Kind::Input, tr("the ID number is not 12 digits"));
    card.oldIdNumber = fields[1].trimmed();
    if (!card.oldIdNumber.isEmpty() && !allDigits(card.oldIdNumber))
        return Error(Error::Kind::Input, tr("the old ID number is not digits"));
    card.fullName = fields[2].trimmed();
    if (card.fullName.isEmpty())
        return Error(Error::Kind::Input, tr("the name is empty"));
    card.dateOfBirth = parseDate(fields[3].trimmed());
    if (!card.dateOfBirth.isValid())
        return Error(Error::Kind::Input, tr("the date of birth is not a real date"));
    card.sex = fields[4].trimmed();
    card.address = fields[5].trimmed();
    card.issueDate = parseDate(fields[6].trimmed());
    if (!card.issueDate.isValid())
        return Error(Error::Kind::Input, tr("the issue date is not a real date"));
    return card;
}
