// The child of TestDurability: records entries as fast as it can through EntryLog and prints
// each id once its commit has returned, until it is killed.
#include "storage/Database.h"
#include "storage/EntryLog.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: DurabilityWriter DATABASE\n");
        return 2;
    }
    auto database = Database::open(QString::fromLocal8Bit(argv[1]));
    if (!database) {
        std::fprintf(stderr, "%s\n", qPrintable(database.error().message()));
        return 2;
    }
    EntryLog log(*database.value());
    Entry entry;
    entry.site = QStringLiteral("durability");
    entry.entrance = QStringLiteral("main");
    entry.fullName = QStringLiteral("Nguyễn Văn An");
    entry.method = Entry::Method::Manual;
    for (qint64 i = 0;; ++i) {
        entry.idNumber = QStringLiteral("%1").arg(i, 12, 10, QLatin1Char('0'));
        entry.checkedInAt = QDateTime::currentDateTimeUtc();
        const auto id = log.record(entry);
        if (!id) {
            std::fprintf(stderr, "%s\n", qPrintable(id.error().message()));
            return 1;
        }
        // The acknowledgement: written only after the commit returned, and flushed at once.
        std::printf("%lld\n", static_cast<long long>(id.value()));
        std::fflush(stdout);
    }
}
