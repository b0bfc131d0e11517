// The contact-tracing query.
#include "export/ContactTrace.h"

#include "common/IdNumber.h"
#include "crypto/Sha256.h"
#include "export/CsvExport.h"
#include "storage/EntryLog.h"

#include <QIODevice>
#include <QSet>

QDateTime ContactTrace::stayEnd(const Entry& entry, const Site& site, const QDateTime& now)
{
    if (entry.checkedOutAt)
        return *entry.checkedOutAt;
    if (site.closingTime.isValid()) {
        const SiteTime siteTime = site.time();
        const QDateTime closing = siteTime.at(siteTime.dayOf(entry.checkedInAt), site.closingTime);
        if (closing > entry.checkedInAt)
            return closing;
    }
    return std::max(now, entry.checkedInAt);
}

Result<QList<ContactTrace::Contact>> ContactTrace::find(const EntryLog& log, const Site& site, const QString& idNumber,
                                                        const QDateTime& from, const QDateTime& to,
                                                        const QDateTime& now)
{
    // The number in any spelling: "046 190 000 001" is 046190000001 (common/IdNumber.h).
    const auto number = IdNumber::parse(idNumber);
    if (!number)
        return number.error();
    auto stays = log.staysOf(number->text(), from, to);
    if (!stays)
        return stays.error();
    if (stays->isEmpty())
        return Error(Error::Kind::Failed, tr("Nobody with this ID number was here in that window."));
    QList<Contact> contacts;
    QSet<qint64> seen;
    for (const Entry& stay : stays.value()) {
        const QDateTime stayStart = stay.checkedInAt;
        const QDateTime stayStop = stayEnd(stay, site, now);
        auto candidates = log.overlapping(stay.site, stayStart, stayStop);
        if (!candidates)
            return candidates.error();
        for (const Entry& other : candidates.value()) {
            if (other.idNumber == stay.idNumber || seen.contains(other.id))
                continue;
            const QDateTime start = std::max(stayStart, other.checkedInAt);
            const QDateTime stop = std::min(stayStop, stayEnd(other, site, now));
            const qint64 ms = start.msecsTo(stop);
            if (ms <= 0)
                continue;
            seen.insert(other.id);
            // Whole minutes, rounded up: a contact of seconds is still a contact.
            contacts.append({other, (ms + 59999) / 60000, stay.id});
        }
    }
    std::sort(contacts.begin(), contacts.end(),
              [](const Contact& a, const Contact& b) { return a.entry.checkedInAt < b.entry.checkedInAt; });
    return contacts;
}

Result<qint64> ContactTrace::writeCsv(const QList<Contact>& contacts, QIODevice& out, const QString& language,
                                      int utcOffsetMinutes, Sha256* hash)
{
    QByteArray text =
        CsvExport::header(language, {language == QLatin1String("vi") ? QStringLiteral("Số phút tiếp xúc")
                                                                     : QStringLiteral("overlap_minutes")});
    const SiteTime siteTime(utcOffsetMinutes);
    const auto time = [&siteTime](const std::optional<QDateTime>& at) { return at ? siteTime.iso(*at) : QString(); };
    for (const Contact& contact : contacts) {
        const Entry& e = contact.entry;
        const QStringList values{QString::number(e.id),
                                 e.site,
                                 e.entrance,
                                 Entry::name(e.personType),
                                 e.fullName,
                                 e.idNumber,
                                 e.phone,
                                 e.address,
                                 time(e.checkedInAt),
                                 time(e.checkedOutAt),
                                 e.checkoutKind ? Entry::name(*e.checkoutKind) : QString(),
                                 Entry::name(e.method),
                                 Entry::name(e.appStatus),
                                 e.app ? e.app->profile : QString(),
                                 e.app ? QString::fromLatin1(e.app->appId.toHex()) : QString(),
                                 EntryLog::encodeDeclaration(e.declaration),
                                 QString::number(contact.overlapMinutes)};
        for (qsizetype i = 0; i < values.size(); ++i)
            text += (i ? "," : "") + CsvExport::field(values[i]);
        text += "\r\n";
    }
    if (out.write(text) != text.size())
        return Error(Error::Kind::Failed, tr("The trace could not be written (%1).").arg(out.errorString()));
    if (hash)
        hash->addData(text);
    return qint64(contacts.size());
}
