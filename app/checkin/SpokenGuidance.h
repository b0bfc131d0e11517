// What the kiosk says aloud at the result, for visitors who cannot read the screen well (issue
// 16): the result and the next step in one short sentence, in the screen's language. A person's
// name is said only when they showed their own card or pass this time: a name typed by hand, or a
// check-out by a typed ID number, may be someone else's, and the queue hears it.
#pragma once

#include "storage/Entry.h"

#include <QCoreApplication>

#include <optional>

class SpokenGuidance
{
    Q_DECLARE_TR_FUNCTIONS(SpokenGuidance)

public:
    enum class Result { Welcome, Recommend, Refused, Goodbye, Problem };

    // entry: the person's, when one was recorded; ownCode: whether they showed their own card or
    // pass (the only case a name is said).
    static QString sentence(Result result, const std::optional<Entry>& entry, bool ownCode);
};
