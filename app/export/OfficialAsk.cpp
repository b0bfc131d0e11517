// The one check of what an official asks for.
#include "export/OfficialAsk.h"

#include "common/Translation.h"

Result<void> OfficialAsk::check(const QDateTime& from, const QDateTime& to, const QString& language)
{
    if (!from.isValid() || !to.isValid() || from >= to)
        return Error(Error::Kind::Usage, tr("The window must end after it starts: its start before its end."));
    if (!Translation::languages().contains(language))
        return Error(Error::Kind::Usage,
                     tr("Files are written in Vietnamese (vi) or English (en), not \"%1\".").arg(language));
    return {};
}
