// The province's kiosks as they last said they were.
#include "central/CentralFleet.h"

#include "central/CentralConnection.h"
#include "export/CsvExport.h"

Result<QList<CentralFleet::Kiosk>> CentralFleet::kiosks()
{
    const auto rows = m_connection.exec(QStringLiteral(
        "SELECT kiosk, site, site_name, coalesce(district, ''), last_contact_at, software, clock_offset_seconds,"
        " clock_off, free_bytes, backlog, last_error, failing_checks, settings_current, settings_refusal"
        " FROM gatehouse.scoped_fleet ORDER BY district NULLS LAST, site_name, site, kiosk"));
    if (!rows)
        return rows.error();
    QList<Kiosk> kiosks;
    for (const QStringList& row : rows->values) {
        Kiosk kiosk;
        kiosk.kiosk = row[0];
        kiosk.site = row[1];
        kiosk.siteName = row[2];
        kiosk.district = row[3];
        kiosk.lastContactAt = CentralConnection::timeFrom(row[4]);
        kiosk.software = row[5];
        kiosk.clockOffset = row[6].toDouble();
        kiosk.clockOff = row[7] == QLatin1String("t");
        kiosk.freeBytes = row[8].isNull() ? -1 : row[8].toLongLong();
        kiosk.backlog = row[9].isNull() ? -1 : row[9].toLongLong();
        kiosk.lastError = row[10];
        kiosk.failingChecks = row[11].isEmpty() ? QStringList() : row[11].split(u',');
        kiosk.settingsCurrent = row[12] == QLatin1String("t");
        kiosk.settingsRefusal = row[13];
        kiosks.append(kiosk);
    }
    return kiosks;
}

QMap<QString, int> CentralFleet::versions(const QList<Kiosk>& kiosks)
{
    QMap<QString, int> versions;
    for (const Kiosk& kiosk : kiosks)
        ++versions[kiosk.software];
    return versions;
}

QByteArray CentralFleet::csv(const QList<Kiosk>& kiosks, const QString& language)
{
    const bool vi = language == QLatin1String("vi");
    QByteArray text = CsvExport::headerRow(
        vi ? QStringList{QStringLiteral("Máy"), QStringLiteral("Mã cơ sở"), QStringLiteral("Cơ sở"),
                         QStringLiteral("Huyện"), QStringLiteral("Liên lạc lần cuối (UTC)"),
                         QStringLiteral("Phiên bản"), QStringLiteral("Đồng hồ lệch (giây)"),
                         QStringLiteral("Đồng hồ sai"), QStringLiteral("Dung lượng trống (MB)"),
                         QStringLiteral("Chờ gửi"), QStringLiteral("Kiểm tra không đạt"),
                         QStringLiteral("Lỗi gần nhất"), QStringLiteral("Cài đặt hiện hành"),
                         QStringLiteral("Cài đặt bị từ chối")}
           : QStringList{QStringLiteral("kiosk"), QStringLiteral("site"), QStringLiteral("site_name"),
                         QStringLiteral("district"), QStringLiteral("last_contact_at"), QStringLiteral("software"),
                         QStringLiteral("clock_offset_seconds"), QStringLiteral("clock_off"), QStringLiteral("free_mb"),
                         QStringLiteral("backlog"), QStringLiteral("failing_checks"), QStringLiteral("last_error"),
                         QStringLiteral("settings_current"), QStringLiteral("settings_refusal")});
    for (const Kiosk& kiosk : kiosks) {
        const QStringList fields{kiosk.kiosk,
                                 kiosk.site,
                                 kiosk.siteName,
                                 kiosk.district,
                                 kiosk.lastContactAt.isValid() ? kiosk.lastContactAt.toString(Qt::ISODate) : QString(),
                                 kiosk.software,
                                 kiosk.software.isEmpty() ? QString() : QString::number(kiosk.clockOffset, 'f', 1),
                                 kiosk.clockOff ? QStringLiteral("1") : QStringLiteral("0"),
                                 kiosk.freeBytes < 0 ? QString() : QString::number(kiosk.freeBytes / (1024 * 1024)),
                                 kiosk.backlog < 0 ? QString() : QString::number(kiosk.backlog),
                                 kiosk.failingChecks.join(u' '),
                                 kiosk.lastError,
                                 kiosk.settingsCurrent ? QStringLiteral("1") : QStringLiteral("0"),
                                 kiosk.settingsRefusal};
        for (qsizetype i = 0; i < fields.size(); ++i)
            text += (i ? "," : "") + CsvExport::field(fields[i]);
        text += "\r\n";
    }
    return text;
}
