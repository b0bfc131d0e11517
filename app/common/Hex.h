// Hexadecimal text <-> bytes, for capture files and identifiers. Written by hand rather than with
// QByteArray::fromHex because that one silently skips invalid characters, and a capture line with
// bad hex must be rejected (formats/ble-capture.md).
#pragma once

#include <QString>
#include <QVarLengthArray>

#include <span>
#include <string_view>

namespace Hex {

inline int digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Appends the bytes text spells to out. False, with out unchanged, when text has an odd length
// or a character that is not a hex digit.
template <qsizetype N>
bool decode(std::string_view text, QVarLengthArray<quint8, N>& out)
{
    if (text.size() % 2 != 0)
        return false;
    const qsizetype start = out.size();
    out.resize(start + static_cast<qsizetype>(text.size() / 2));
    for (size_t i = 0; i < text.size(); i += 2) {
        const int high = digit(text[i]);
        const int low = digit(text[i + 1]);
        if (high < 0 || low < 0) {
            out.resize(start);
            return false;
        }
        out[start + static_cast<qsizetype>(i / 2)] = static_cast<quint8>((high << 4) | low);
    }
    return true;
}

// Lower-case hex of bytes.
inline QString encode(std::span<const quint8> bytes)
{
    static constexpr char DIGITS[] = "0123456789abcdef";
    QString text(static_cast<qsizetype>(bytes.size() * 2), Qt::Uninitialized);
    QChar* out = text.data();
    for (quint8 byte : bytes) {
        *out++ = QLatin1Char(DIGITS[byte >> 4]);
        *out++ = QLatin1Char(DIGITS[byte & 0xF]);
    }
    return text;
}

} // namespace Hex
