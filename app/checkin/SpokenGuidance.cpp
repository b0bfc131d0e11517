// What the kiosk says aloud at the result.
#include "checkin/SpokenGuidance.h"

QString SpokenGuidance::sentence(Result result, const std::optional<Entry>& entry, bool ownCode)
{
    const QString name = ownCode && entry ? entry->fullName.simplified() : QString();
    switch (result) {
    case Result::Welcome:
        return name.isEmpty() ? tr("Hello, please come in.") : tr("Hello %1, please come in.").arg(name);
    case Result::Recommend:
        return name.isEmpty()
                   ? tr("Please come in, and install Bluezone with the code on the screen.")
                   : tr("Hello %1, please come in, and install Bluezone with the code on the screen.").arg(name);
    case Result::Refused:
        return tr("Please see the receptionist.");
    case Result::Goodbye:
        return name.isEmpty() ? tr("Goodbye.") : tr("Goodbye, %1.").arg(name);
    case Result::Problem:
        return tr("Something went wrong. Please see the receptionist.");
    }
    return {};
}
