// libFuzzer target: any bytes as a staff roster CSV, through CsvReader and StaffRoster::importCsv
// into a real (temporary) database. Must never crash or hang; whatever is stored has its ID
// number in the one spelling (common/IdNumber.h).
#include "common/IdNumber.h"
#include "storage/Database.h"
#include "storage/StaffRoster.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static QTemporaryDir folder;
    static std::unique_ptr<Database> database = Database::open(folder.filePath(QStringLiteral("roster.db"))).value();
    static StaffRoster roster(*database);
    const auto imported =
        roster.importCsv(QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size)));
    if (imported && imported->added + imported->updated > 0) {
        QSqlQuery query(database->connection());
        query.exec(QStringLiteral("SELECT id_number FROM staff WHERE id_number IS NOT NULL"));
        while (query.next()) {
            if (IdNumber::normalised(query.value(0).toString()) != query.value(0).toString())
                std::abort();
        }
        query.exec(QStringLiteral("DELETE FROM staff"));
    }
    return 0;
}
