// The one check of what an official asks for (issue 24): an export, a trace or a report, at the
// kiosk's CLI, the console or the central store. Every request makes it before it reads anything,
// so that the CLI and the console refuse the same mistakes with the same sentence and no caller
// can forget it (the console's trace once took a window that ended before it started): a window
// whose both ends are known and that ends after it starts, and a language the files are written
// in (common/Translation.h: vi, en).
#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QDateTime>

class OfficialAsk
{
    Q_DECLARE_TR_FUNCTIONS(OfficialAsk)

public:
    [[nodiscard]] static Result<void> check(const QDateTime& from, const QDateTime& to, const QString& language);
};
