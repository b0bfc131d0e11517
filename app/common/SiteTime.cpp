#include "common/SiteTime.h"

QString SiteTime::iso(const QDateTime& at) const
{
    return at.isValid() ? toSite(at).toString(Qt::ISODate) : QString();
}
