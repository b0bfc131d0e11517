// Text that a visitor typed or a QR code carried, made safe to store and to show.
#include "common/SuppliedText.h"

bool SuppliedText::isRemoved(char32_t c)
{
    // Unicode's Bidi_Control property (PropList.txt): U+061C, U+200E-U+200F, U+202A-U+202E,
    // U+2066-U+2069. Cc: U+0000-U+001F, U+007F-U+009F.
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x061C || c == 0x200E || c == 0x200F ||
           (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

QString SuppliedText::clean(const QString& text, qsizetype maxLength)
{
    QString kept;
    kept.reserve(text.size());
    // Every character removed is in the Basic Multilingual Plane: UTF-16 units can be looked at one
    // by one (a surrogate is never removed).
    for (const QChar c : text) {
        // A tab or line break becomes a space (an address over two lines), other controls vanish.
        if (c == u'\t' || c == u'\n' || c == u'\r')
            kept.append(u' ');
        else if (!isRemoved(c.unicode()))
            kept.append(c);
    }
    kept = kept.simplified();
    if (kept.size() <= maxLength)
        return kept;
    qsizetype cut = maxLength;
    if (cut > 0 && kept.at(cut - 1).isHighSurrogate())
        --cut;
    return kept.left(cut).trimmed();
}
