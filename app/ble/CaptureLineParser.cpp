// Reads one line of a BLE capture file into an Advertisement.
//
// JSON grammar: RFC 8259. The keys and their types: formats/ble-capture.md.
#include "ble/CaptureLineParser.h"

#include "ble/AdParser.h"
#include "common/Hex.h"

#include <QUuid>

#include <charconv>
#include <limits>

namespace {
// Nesting allowed inside values of keys we do not know: deep enough for any real extension,
// shallow enough that a hostile line cannot exhaust the stack.
constexpr int MAX_DEPTH = 32;

// What went wrong, by key; turned into a sentence only for rejected lines.
enum class Fault {
    None,
    NotJson,
    NotObject,
    TrailingData,
    MissingTime,
    MissingAddress,
    MissingRssi,
    MissingData,
    WrongType,
    BadHex,
    BadAddress,
    BadUuid,
    BadCompany,
    OutOfRange,
};

class Scanner
{
public:
    explicit Scanner(std::string_view text) : m_text(text) {}

    void skipSpace()
    {
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
                break;
            ++m_pos;
        }
    }
    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return m_pos < m_text.size() ? m_text[m_pos] : '\0'; }
    bool consume(char c)
    {
        skipSpace();
        if (peek() != c)
            return false;
        ++m_pos;
        return true;
    }

    // A JSON string. raw is the text between the quotes when it has no escapes (the common
    // case, no copy); otherwise the unescaped UTF-8 lands in decoded and raw points at it.
    bool string(std::string_view& raw, std::string& decoded)
    {
        skipSpace();
        if (peek() != '"')
            return false;
        const size_t start = ++m_pos;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c == '"') {
                raw = m_text.substr(start, m_pos - start);
                ++m_pos;
                return true;
            }
            if (c == '\\')
                return escapedString(start, raw, decoded);
            if (static_cast<unsigned char>(c) < 0x20)
                return false;
            ++m_pos;
        }
        return false;
    }

    enum class Number { Invalid, Integer, Fraction };
    // A JSON number; value is set when it is an integer that fits.
    Number number(qint64& value)
    {
        skipSpace();
        const size_t start = m_pos;
        if (peek() == '-')
            ++m_pos;
        if (peek() == '0') {
            ++m_pos;
        } else if (peek() >= '1' && peek() <= '9') {
            while (peek() >= '0' && peek() <= '9')
                ++m_pos;
        } else {
            return Number::Invalid;
        }
        bool fraction = false;
        if (peek() == '.') {
            ++m_pos;
            if (!(peek() >= '0' && peek() <= '9'))
                return Number::Invalid;
            while (peek() >= '0' && peek() <= '9')
                ++m_pos;
            fraction = true;
        }
        if (peek() == 'e' || peek() == 'E') {
            ++m_pos;
            if (peek() == '+' || peek() == '-')
                ++m_pos;
            if (!(peek() >= '0' && peek() <= '9'))
                return Number::Invalid;
            while (peek() >= '0' && peek() <= '9')
                ++m_pos;
            fraction = true;
        }
        if (fraction)
            return Number::Fraction;
        const auto [end, error] = std::from_chars(m_text.data() + start, m_text.data() + m_pos, value);
        if (error != std::errc() || end != m_text.data() + m_pos)
            return Number::Fraction; // an integer too large for 64 bits is not one we can use
        return Number::Integer;
    }

    // Skips any JSON value; false when it is not valid JSON.
    bool skipValue(int depth = 0)
    {
        if (depth > MAX_DEPTH)
            return false;
        skipSpace();
        const char c = peek();
        if (c == '"') {
            std::string_view raw;
            std::string decoded;
            return string(raw, decoded);
        }
        if (c == '{' || c == '[') {
            const char close = c == '{' ? '}' : ']';
            ++m_pos;
            if (consume(close))
                return true;
            do {
                if (c == '{') {
                    std::string_view key;
                    std::string decoded;
                    if (!string(key, decoded) || !consume(':'))
                        return false;
                }
                if (!skipValue(depth + 1))
                    return false;
            } while (consume(','));
            return consume(close);
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            qint64 ignored = 0;
            return number(ignored) != Number::Invalid;
        }
        for (std::string_view literal :
             {std::string_view("true"), std::string_view("false"), std::string_view("null")}) {
            if (m_text.substr(m_pos, literal.size()) == literal) {
                m_pos += literal.size();
                return true;
            }
        }
        return false;
    }

private:
    bool escapedString(size_t start, std::string_view& raw, std::string& decoded)
    {
        decoded.assign(m_text.substr(start, m_pos - start));
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos++];
            if (c == '"') {
                raw = decoded;
                return true;
            }
            if (static_cast<unsigned char>(c) < 0x20)
                return false;
            if (c != '\\') {
                decoded.push_back(c);
                continue;
            }
            if (m_pos >= m_text.size())
                return false;
            const char e = m_text[m_pos++];
            switch (e) {
            case '"':
            case '\\':
            case '/':
                decoded.push_back(e);
                break;
            case 'b':
                decoded.push_back('\b');
                break;
            case 'f':
                decoded.push_back('\f');
                break;
            case 'n':
                decoded.push_back('\n');
                break;
            case 'r':
                decoded.push_back('\r');
                break;
            case 't':
                decoded.push_back('\t');
                break;
            case 'u': {
                char32_t code = 0;
                if (!hex4(code))
                    return false;
                if (code >= 0xD800 && code <= 0xDBFF) {
                    char32_t low = 0;
                    if (m_text.substr(m_pos, 2) != "\\u")
                        return false;
                    m_pos += 2;
                    if (!hex4(low) || low < 0xDC00 || low > 0xDFFF)
                        return false;
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                } else if (code >= 0xDC00 && code <= 0xDFFF) {
                    return false;
                }
                appendUtf8(decoded, code);
                break;
            }
            default:
                return false;
            }
        }
        return false;
    }

    bool hex4(char32_t& code)
    {
        if (m_pos + 4 > m_text.size())
            return false;
        code = 0;
        for (int i = 0; i < 4; ++i) {
            const int d = Hex::digit(m_text[m_pos++]);
            if (d < 0)
                return false;
            code = (code << 4) | static_cast<char32_t>(d);
        }
        return true;
    }

    static void appendUtf8(std::string& out, char32_t code)
    {
        if (code < 0x80) {
            out.push_back(static_cast<char>(code));
        } else if (code < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (code >> 6)));
            out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
        } else if (code < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (code >> 12)));
            out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (code >> 18)));
            out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
        }
    }

    std::string_view m_text;
    size_t m_pos = 0;
};

// "4e56" (16-bit), "0000fd6f" (32-bit) or canonical 128-bit text (formats/ble-capture.md).
std::optional<QBluetoothUuid> parseUuid(std::string_view text)
{
    if (text.size() == 4 || text.size() == 8) {
        quint32 value = 0;
        for (char c : text) {
            const int d = Hex::digit(c);
            if (d < 0)
                return std::nullopt;
            value = (value << 4) | static_cast<quint32>(d);
        }
        return text.size() == 4 ? QBluetoothUuid(static_cast<quint16>(value)) : QBluetoothUuid(value);
    }
    if (text.size() == 36) {
        const QUuid uuid = QUuid::fromString(QAnyStringView(QLatin1StringView(text.data(), qsizetype(text.size()))));
        if (!uuid.isNull())
            return QBluetoothUuid(uuid);
        // QUuid says null both for text that is no UUID and for the nil UUID, 16 zero bytes, which
        // a radio may send and a recording then holds (FuzzCaptureLine found it written, not read).
        if (text == "00000000-0000-0000-0000-000000000000")
            return QBluetoothUuid();
    }
    return std::nullopt;
}

std::optional<quint16> parseCompany(std::string_view text)
{
    if (text.size() != 4)
        return std::nullopt;
    quint16 value = 0;
    for (char c : text) {
        const int d = Hex::digit(c);
        if (d < 0)
            return std::nullopt;
        value = static_cast<quint16>((value << 4) | d);
    }
    return value;
}

struct LineReader
{
    Scanner scanner;
    Advertisement& advert;
    Fault fault = Fault::None;
    const char* faultKey = "";
    AdProblem adProblem;
    std::string scratch;

    bool fail(Fault f, const char* key = "")
    {
        fault = f;
        faultKey = key;
        return false;
    }

    bool integer(const char* key, qint64& value, qint64 minimum, qint64 maximum)
    {
        const Scanner::Number kind = scanner.number(value);
        if (kind == Scanner::Number::Invalid) {
            // Not a number at all: either another JSON type or not JSON.
            return scanner.skipValue() ? fail(Fault::WrongType, key) : fail(Fault::NotJson);
        }
        if (kind == Scanner::Number::Fraction)
            return fail(Fault::WrongType, key);
        if (value < minimum || value > maximum)
            return fail(Fault::OutOfRange, key);
        return true;
    }

    bool text(const char* key, std::string_view& value)
    {
        scanner.skipSpace();
        if (scanner.peek() != '"')
            return scanner.skipValue() ? fail(Fault::WrongType, key) : fail(Fault::NotJson);
        return scanner.string(value, scratch) || fail(Fault::NotJson);
    }

    // Reads an object whose values are hex strings, calling onEntry(key, bytes).
    template <typename OnEntry>
    bool hexObject(const char* key, OnEntry onEntry)
    {
        scanner.skipSpace();
        if (scanner.peek() != '{')
            return scanner.skipValue() ? fail(Fault::WrongType, key) : fail(Fault::NotJson);
        scanner.consume('{');
        if (scanner.consume('}'))
            return true;
        std::string keyScratch;
        do {
            std::string_view entryKey;
            if (!scanner.string(entryKey, keyScratch) || !scanner.consume(':'))
                return fail(Fault::NotJson);
            // entryKey points into the line or keyScratch; text() below writes only to scratch.
            std::string_view value;
            if (!text(key, value))
                return false;
            QVarLengthArray<quint8, 64> bytes;
            if (!Hex::decode(value, bytes))
                return fail(Fault::BadHex, key);
            if (!onEntry(entryKey, bytes))
                return false;
        } while (scanner.consume(','));
        return scanner.consume('}') || fail(Fault::NotJson);
    }

    bool uuidArray()
    {
        scanner.skipSpace();
        if (scanner.peek() != '[')
            return scanner.skipValue() ? fail(Fault::WrongType, "uuids") : fail(Fault::NotJson);
        scanner.consume('[');
        if (scanner.consume(']'))
            return true;
        do {
            std::string_view value;
            if (!text("uuids", value))
                return false;
            const auto uuid = parseUuid(value);
            if (!uuid)
                return fail(Fault::BadUuid, "uuids");
            advert.addServiceUuid(*uuid);
        } while (scanner.consume(','));
        return scanner.consume(']') || fail(Fault::NotJson);
    }

    bool read()
    {
        if (!scanner.consume('{')) {
            scanner.skipSpace();
            if (scanner.atEnd())
                return fail(Fault::NotJson);
            return scanner.skipValue() ? fail(Fault::NotObject) : fail(Fault::NotJson);
        }
        bool haveTime = false, haveAddress = false, haveRssi = false, haveData = false;
        if (!scanner.consume('}')) {
            do {
                std::string_view key;
                if (!scanner.string(key, scratch) || !scanner.consume(':'))
                    return fail(Fault::NotJson);
                if (!field(key, haveTime, haveAddress, haveRssi, haveData))
                    return false;
            } while (scanner.consume(','));
            if (!scanner.consume('}'))
                return fail(Fault::NotJson);
        }
        scanner.skipSpace();
        if (!scanner.atEnd())
            return fail(Fault::TrailingData);
        if (!haveTime)
            return fail(Fault::MissingTime, "t");
        if (!haveAddress)
            return fail(Fault::MissingAddress, "addr");
        if (!haveRssi)
            return fail(Fault::MissingRssi, "rssi");
        if (!haveData)
            return fail(Fault::MissingData);
        return true;
    }

    bool field(std::string_view key, bool& haveTime, bool& haveAddress, bool& haveRssi, bool& haveData)
    {
        if (key == "t") {
            qint64 value = 0;
            // No later than 9999-12-31T23:59:59.999Z: a time near 2^63 overflowed the tracker's and the
            // replay's arithmetic (issue 12), and no capture is from beyond year 9999.
            if (!integer("t", value, 0, CaptureLineParser::MAX_TIME_MS))
                return false;
            advert.timeMs = value;
            haveTime = true;
        } else if (key == "addr") {
            std::string_view value;
            if (!text("addr", value))
                return false;
            const auto address = Advertisement::parseAddress(value);
            if (!address)
                return fail(Fault::BadAddress, "addr");
            advert.address = *address;
            haveAddress = true;
        } else if (key == "rssi") {
            qint64 value = 0;
            if (!integer("rssi", value, -128, 127))
                return false;
            advert.rssi = static_cast<int>(value);
            haveRssi = true;
        } else if (key == "ad") {
            std::string_view value;
            if (!text("ad", value))
                return false;
            QVarLengthArray<quint8, 64> bytes;
            if (!Hex::decode(value, bytes))
                return fail(Fault::BadHex, "ad");
            adProblem = AdParser::parse({bytes.constData(), static_cast<size_t>(bytes.size())}, advert);
            haveData = true;
        } else if (key == "name") {
            std::string_view value;
            if (!text("name", value))
                return false;
            advert.localName = QString::fromUtf8(value.data(), static_cast<qsizetype>(value.size()));
            advert.localNameComplete = true;
            haveData = true;
        } else if (key == "uuids") {
            if (!uuidArray())
                return false;
            haveData = true;
        } else if (key == "svc") {
            const bool ok = hexObject("svc", [this](std::string_view entryKey, const auto& bytes) {
                const auto uuid = parseUuid(entryKey);
                if (!uuid)
                    return fail(Fault::BadUuid, "svc");
                advert.addServiceData(*uuid, {bytes.constData(), static_cast<size_t>(bytes.size())});
                return true;
            });
            if (!ok)
                return false;
            haveData = true;
        } else if (key == "mfr") {
            const bool ok = hexObject("mfr", [this](std::string_view entryKey, const auto& bytes) {
                const auto company = parseCompany(entryKey);
                if (!company)
                    return fail(Fault::BadCompany, "mfr");
                advert.addManufacturerData(*company, {bytes.constData(), static_cast<size_t>(bytes.size())});
                return true;
            });
            if (!ok)
                return false;
            haveData = true;
        } else if (key == "tx") {
            qint64 value = 0;
            if (!integer("tx", value, -127, 127))
                return false;
            advert.txPower = static_cast<int>(value);
            haveData = true;
        } else if (!scanner.skipValue()) {
            return fail(Fault::NotJson);
        }
        return true;
    }
};
} // namespace

CaptureLineParser::Outcome CaptureLineParser::parse(std::string_view line, Advertisement& advert)
{
    advert = Advertisement();
    LineReader reader{Scanner(line), advert, Fault::None, "", {}, {}};
    Outcome outcome;
    outcome.accepted = reader.read();
    if (outcome.accepted) {
        outcome.adProblem = reader.adProblem;
        return outcome;
    }
    const QString key = QString::fromLatin1(reader.faultKey);
    switch (reader.fault) {
    case Fault::None:
    case Fault::NotJson:
        outcome.reason = tr("not valid JSON");
        break;
    case Fault::NotObject:
        outcome.reason = tr("not a JSON object");
        break;
    case Fault::TrailingData:
        outcome.reason = tr("text after the JSON object");
        break;
    case Fault::MissingTime:
    case Fault::MissingAddress:
    case Fault::MissingRssi:
        outcome.reason = tr("required key \"%1\" is missing").arg(key);
        break;
    case Fault::MissingData:
        outcome.reason = tr("neither \"ad\" nor any decoded key (name, uuids, svc, mfr, tx) is present");
        break;
    case Fault::WrongType:
        outcome.reason = tr("key \"%1\" has the wrong type").arg(key);
        break;
    case Fault::BadHex:
        outcome.reason = tr("key \"%1\" holds bad hex").arg(key);
        break;
    case Fault::BadAddress:
        outcome.reason = tr("key \"addr\" is not a device address like AA:BB:CC:DD:EE:FF");
        break;
    case Fault::BadUuid:
        outcome.reason = tr("key \"%1\" holds a value that is not a Bluetooth UUID").arg(key);
        break;
    case Fault::BadCompany:
        outcome.reason = tr("key \"mfr\" holds a company id that is not 4 hex digits");
        break;
    case Fault::OutOfRange:
        outcome.reason = tr("key \"%1\" is out of range").arg(key);
        break;
    }
    return outcome;
}
