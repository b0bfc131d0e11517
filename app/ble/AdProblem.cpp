// Why parsing of an advert's AD data stopped early.
#include "ble/AdProblem.h"

QString AdProblem::describe() const
{
    switch (kind) {
    case Kind::None:
        break;
    case Kind::ZeroLength:
        return tr("AD structure at byte %1 has length 0").arg(offset);
    case Kind::Overrun:
        return tr("AD structure at byte %1 runs past the end of the data").arg(offset);
    case Kind::BadLength:
        return tr("AD structure of type 0x%1 at byte %2 has a wrong length for its type")
            .arg(adType, 2, 16, QLatin1Char('0'))
            .arg(offset);
    }
    return QString();
}
