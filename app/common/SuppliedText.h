// Text that a visitor typed or a QR code carried, made safe to store and to show: control
// characters and bidirectional overrides removed (a name must not reorder or hide the text around
// it on a screen, in a log or in an export), runs of spaces made one, and the length bounded.
#pragma once

#include <QString>

class SuppliedText
{
public:
    // Longest full name kept. The CCCD QR carries no published field lengths; the card prints the
    // name on at most two lines (about 40 characters each), so 100 cuts no real name and keeps a
    // forged code from filling a screen.
    static constexpr qsizetype MAX_NAME = 100;
    // Longest address kept (the card's permanent address: at most three printed lines).
    static constexpr qsizetype MAX_ADDRESS = 250;
    // Longest phone number or other short field (sex).
    static constexpr qsizetype MAX_SHORT = 40;
    // Longest reason a receptionist gives.
    static constexpr qsizetype MAX_REASON = 250;

    // text cleaned as above, at most maxLength characters (never splitting a surrogate pair).
    static QString clean(const QString& text, qsizetype maxLength);
    // Whether c is removed by clean(): a control character (Unicode Cc) or a bidirectional
    // formatting character (Unicode Bidi_Control: ALM, LRM, RLM, LRE..RLO, LRI..PDI).
    static bool isRemoved(char32_t c);
};
