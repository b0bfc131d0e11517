// What the entry-log commands open.
#include "LogSession.h"

#include "common/FixedClock.h"
#include "common/JsonLine.h"
#include "common/SystemClock.h"

Result<std::unique_ptr<LogSession>> LogSession::open(const CliContext& context)
{
    // Short commands skip the start-up quick_check the kiosk runs: on a million entries it takes
    // seconds, and `present` must answer at once.
    std::unique_ptr<LogSession> session(new LogSession());
    if (context.now.isValid())
        session->m_clock = std::make_unique<FixedClock>(context.now.toUTC());
    else
        session->m_clock = std::make_unique<SystemClock>();
    auto records =
        SiteRecords::open(context.databasePath, Database::Check::None, Site::from(context.settings), *session->m_clock);
    if (!records)
        return records.error();
    session->m_records = std::move(records).value();
    return session;
}

void LogSession::recordAction(const QString& action, const QString& details, QTextStream& err)
{
    const Result<void> audited = m_records->audit().append({m_clock->now(), QStringLiteral("cli"), action, details});
    if (!audited)
        err << audited.error().message() << Qt::endl;
}

QByteArray LogSession::json(const Entry& entry) const
{
    const SiteTime siteTime = m_records->service().site().time();
    const auto time = [&siteTime](const QDateTime& at) { return siteTime.iso(at); };
    JsonLine line;
    line.add("entry_id", entry.id).add("site", entry.site).add("entrance", entry.entrance);
    line.add("person_type", Entry::name(entry.personType)).add("full_name", entry.fullName);
    line.add("id_number", entry.idNumber).addOrNull("phone", entry.phone).addOrNull("address", entry.address);
    line.add("checked_in_at", time(entry.checkedInAt));
    line.addOrNull("checked_out_at", entry.checkedOutAt ? time(*entry.checkedOutAt) : QString());
    line.addOrNull("checkout_kind", entry.checkoutKind ? Entry::name(*entry.checkoutKind) : QString());
    line.add("method", Entry::name(entry.method)).add("app_status", Entry::name(entry.appStatus));
    line.addOrNull("app_profile", entry.app ? entry.app->profile : QString());
    line.addOrNull("app_id", entry.app ? QString::fromLatin1(entry.app->appId.toHex()) : QString());
    return line.toJson();
}
