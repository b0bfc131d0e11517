// The entry log as officials receive it.
#include "export/CsvExport.h"

#include "storage/Database.h"

#include <QIODevice>
#include <QSqlError>
#include <QSqlQuery>

QStringList CsvExport::columns()
{
    return {QStringLiteral("entry_id"),       QStringLiteral("site"),          QStringLiteral("entrance"),
            QStringLiteral("person_type"),    QStringLiteral("full_name"),     QStringLiteral("id_number"),
            QStringLiteral("phone"),          QStringLiteral("address"),       QStringLiteral("checked_in_at"),
            QStringLiteral("checked_out_at"), QStringLiteral("checkout_kind"), QStringLiteral("method"),
            QStringLiteral("app_status"),     QStringLiteral("app_profile"),   QStringLiteral("app_id"),
            QStringLiteral("declaration")};
}

QStringList CsvExport::vietnameseColumns()
{
    return {QStringLiteral("Mã lượt"),
            QStringLiteral("Cơ quan"),
            QStringLiteral("Cổng"),
            QStringLiteral("Loại người"),
            QStringLiteral("Họ và tên"),
            QStringLiteral("Số giấy tờ"),
            QStringLiteral("Số điện thoại"),
            QStringLiteral("Địa chỉ"),
            QStringLiteral("Giờ vào"),
            QStringLiteral("Giờ ra"),
            QStringLiteral("Cách ra"),
            QStringLiteral("Cách khai báo"),
            QStringLiteral("Ứng dụng truy vết"),
            QStringLiteral("Loại ứng dụng"),
            QStringLiteral("Mã ứng dụng"),
            QStringLiteral("Khai báo y tế")};
}

QByteArray CsvExport::field(const QString& value)
{
    QString text = value;
    if (!text.isEmpty()) {
        const QChar first = text.front();
        if (first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t' || first == u'\r')
            text.prepend(u'\'');
    }
    QByteArray utf8 = text.toUtf8();
    if (utf8.contains(',') || utf8.contains('"') || utf8.contains('\n') || utf8.contains('\r')) {
        utf8.replace("\"", "\"\"");
        utf8.prepend('"');
        utf8.append('"');
    }
    return utf8;
}

Result<qint64> CsvExport::write(Database& database, QIODevice& out, const QDateTime& from, const QDateTime& to,
                                const QString& language, int utcOffsetMinutes)
{
    const auto failedWrite = [&out] {
        return Error(Error::Kind::Failed, tr("The export could not be written (%1).").arg(out.errorString()));
    };
    QByteArray header = "\xEF\xBB\xBF"; // UTF-8 byte-order mark: Excel then reads Vietnamese right
    const QStringList names = language == QLatin1String("vi") ? vietnameseColumns() : columns();
    for (qsizetype i = 0; i < names.size(); ++i)
        header += (i ? "," : "") + field(names[i]);
    header += "\r\n";
    if (out.write(header) != header.size())
        return failedWrite();

    QSqlQuery& query = database.statement(QStringLiteral(
        "SELECT id, site, entrance, person_type, full_name, id_number, phone, address, checked_in_at, "
        "checked_out_at, checkout_kind, method, app_status, app_profile, app_id, declaration FROM entry "
        "WHERE checked_in_at < ? AND (checked_out_at IS NULL OR checked_out_at >= ?) ORDER BY checked_in_at, id"));
    query.addBindValue(to.toMSecsSinceEpoch());
    query.addBindValue(from.toMSecsSinceEpoch());
    if (!query.exec())
        return database.errorFor(query.lastError(), tr("read the entries to export"));
    const int offset = utcOffsetMinutes * 60;
    const auto time = [offset](const QVariant& ms) {
        return ms.isNull() ? QString()
                           : QDateTime::fromMSecsSinceEpoch(ms.toLongLong(), Qt::UTC)
                                 .toOffsetFromUtc(offset)
                                 .toString(Qt::ISODate);
    };
    qint64 rows = 0;
    QByteArray line;
    while (query.next()) {
        line.clear();
        for (int column = 0; column < 16; ++column) {
            if (column)
                line += ',';
            const QVariant value = query.value(column);
            line += field(column == 8 || column == 9 ? time(value) : value.toString());
        }
        line += "\r\n";
        if (out.write(line) != line.size())
            return failedWrite();
        ++rows;
    }
    return rows;
}
