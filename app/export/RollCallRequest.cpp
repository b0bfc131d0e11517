// The evacuation roll call.
#include "export/RollCallRequest.h"

#include "records/SiteRecords.h"

#include <QDir>

QString RollCallRequest::fileName(const QDateTime& at, const SiteTime& siteTime)
{
    return QStringLiteral("roll-call-%1.pdf").arg(siteTime.format(at, QStringLiteral("yyyy-MM-dd-HHmm")));
}

RollCallRequest::Counts RollCallRequest::Counts::of(const QList<Entry>& entries)
{
    Counts counts;
    for (const Entry& entry : entries) {
        switch (entry.personType) {
        case Entry::PersonType::Visitor:
            ++counts.visitors;
            break;
        case Entry::PersonType::Staff:
            ++counts.staff;
            break;
        case Entry::PersonType::Guest:
            ++counts.guests;
            break;
        }
    }
    return counts;
}

QString RollCallRequest::Counts::audit() const
{
    return QStringLiteral("visitors=%1 staff=%2 guests=%3").arg(visitors).arg(staff).arg(guests);
}

Result<RollCallRequest::Made> RollCallRequest::run(SiteRecords& records) const
{
    if (!pdf)
        return Error(Error::Kind::Usage, tr("This program cannot draw the roll call."));
    if (folder.isEmpty() || !QDir().mkpath(folder))
        return Error(Error::Kind::Failed,
                     tr("The roll call cannot be saved: the folder %1 cannot be created. An administrator sets "
                        "[console] roll_call_folder.")
                         .arg(folder));
    const auto inside = records.service().presentAtSite();
    if (!inside)
        return inside.error();
    const QDateTime at = records.service().now();
    OfficialFile::Ask ask;
    const QString name = fileName(at, records.service().site().time());
    ask.path = QDir(folder).filePath(name);
    if (!deliveredIn.isEmpty())
        ask.deliveredAs = QDir(deliveredIn).filePath(name);
    ask.from = at;
    ask.to = at;
    ask.actor = actor;
    // No signed manifest: export-csv.md knows the purposes export, trace and report only.
    auto handed = OfficialFile::hand(
        records, QStringLiteral("rollcall"), ask,
        [&](QIODevice& out, Sha256& hash) -> Result<qint64> {
            const Result<void> drawn = pdf(inside.value(), at, out, hash);
            if (!drawn)
                return drawn.error();
            return qint64(inside->entries.size());
        },
        [&inside](qint64 rows) {
            return QStringLiteral("inside=%1 %2").arg(rows).arg(Counts::of(inside->entries).audit());
        });
    if (!handed)
        return handed.error();
    return Made{handed.value(), ask.path, int(inside->entries.size())};
}
