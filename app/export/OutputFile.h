// Files handed to officials are written under a temporary name and renamed when complete
// (QSaveFile): whatever fails half-way, nobody finds a partial file that looks complete. They are
// private to their owner (common/FilePrivacy.h) from the first byte.
#pragma once

#include "common/Result.h"

#include <QCoreApplication>

#include <functional>

class QIODevice;

class OutputFile
{
    Q_DECLARE_TR_FUNCTIONS(OutputFile)

public:
    // Opens path for writing, lets write fill it and commits it only when write succeeded;
    // returns what write returned (rows, for the exports) or the error that stopped it.
    [[nodiscard]] static Result<qint64> write(const QString& path,
                                              const std::function<Result<qint64>(QIODevice&)>& write);
};
