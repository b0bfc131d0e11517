// Why parsing of an advert's AD data stopped early. Formats/ble-capture.md: a malformed AD structure
// ends parsing of that advert's AD data but keeps the well-formed structures before it.
#pragma once

#include <QCoreApplication>
#include <QString>

struct AdProblem
{
    Q_DECLARE_TR_FUNCTIONS(AdProblem)

public:
    enum class Kind {
        None,
        ZeroLength, // a structure whose length byte is 0
        Overrun,    // a structure whose length runs past the end of the data
        BadLength,  // a structure too short, or of the wrong length, for its AD type
    };

    Kind kind = Kind::None;
    int offset = 0;    // byte offset of the offending structure
    quint8 adType = 0; // its AD type, for BadLength

    explicit operator bool() const { return kind != Kind::None; }
    QString describe() const;
};
