// libFuzzer target: any bytes as a site's configuration file, through Settings::load and the app
// profile table read from the same file (AppProfileTable::load). Must never crash or hang; a file
// it accepts has values in their ranges.
#include "ble/AppProfileTable.h"
#include "common/Settings.h"

#include <QFile>
#include <QTemporaryDir>

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("gatehouse.ini"));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            std::abort();
        file.write(reinterpret_cast<const char*>(data), qint64(size));
    }
    const auto settings = Settings::load(path);
    if (settings) {
        if (settings->retentionDays() < 1 || settings->declarationRetentionDays() > settings->retentionDays() ||
            settings->idleResetSeconds() < 10 || settings->consoleLockMinutes() < 1)
            std::abort();
        (void)AppProfileTable::load(path);
    }
    return 0;
}
