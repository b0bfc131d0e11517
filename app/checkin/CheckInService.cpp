// The check-in operations every front end shares.
#include "checkin/CheckInService.h"

#include "checkin/PinCheck.h"
#include "checkin/Retention.h"
#include "common/IdNumber.h"
#include "common/Logging.h"
#include "common/SuppliedText.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/EntryLog.h"
#include "storage/Outbox.h"
#include "storage/StaffRoster.h"

#include <algorithm>

CheckInService::CheckInService(Site site, EntryLog& log, AuditLog& audit, const Clock& clock, StaffRoster* roster,
                               PinCheck* pins, QObject* parent)
    : QObject(parent), m_site(std::move(site)), m_log(log), m_audit(audit), m_clock(clock), m_roster(roster),
      m_pins(pins), m_isolation(log.database())
{}

Result<CheckInService::Outcome> CheckInService::checkIn(Request request)
{
    Entry& entry = request.entry;
    entry.fullName = SuppliedText::clean(entry.fullName, SuppliedText::MAX_NAME);
    entry.phone = SuppliedText::clean(entry.phone, SuppliedText::MAX_SHORT);
    entry.address = SuppliedText::clean(entry.address, SuppliedText::MAX_ADDRESS);
    request.overrideReason = SuppliedText::clean(request.overrideReason, SuppliedText::MAX_REASON);
    if (entry.fullName.isEmpty())
        return Error(Error::Kind::Usage, tr("A check-in needs the person's full name."));
    if (entry.idNumber.trimmed().isEmpty())
        return Error(Error::Kind::Usage,
                     tr("A check-in needs an ID number (citizen ID card, old ID card or passport)."));
    // A pass's stand-in only with the signed pass it stands for; anything typed or read from a card
    // is a person's number.
    const auto idNumber =
        entry.method == Entry::Method::QrPass ? IdNumber::parse(entry.idNumber) : IdNumber::parseTyped(entry.idNumber);
    if (!idNumber)
        return idNumber.error();
    entry.idNumber = idNumber->text();
    entry.site = m_site.id;
    entry.entrance = entry.entrance.isEmpty() ? m_site.entrance : entry.entrance;
    if (!entry.checkedInAt.isValid())
        entry.checkedInAt = now();

    // Staff are recognised by their ID number, however they identified themselves.
    if (m_roster) {
        auto member = m_roster->findByIdNumber(entry.idNumber);
        if (!member)
            return member.error();
        if (member.value()) {
            entry.personType = Entry::PersonType::Staff;
            entry.staffNumber = member.value()->staffNumber;
        }
    }

    // Nothing stored twice: one open entry per person.
    auto inside = m_log.findInside(entry.idNumber);
    if (!inside)
        return inside.error();
    if (inside.value()) {
        const QString since = m_site.time().format(inside.value()->checkedInAt, QStringLiteral("HH:mm dd/MM/yyyy"));
        // At the kiosk, a typed number may be someone else's: the answer must not say who is
        // inside, or since when (issue 24). The receptionist sees it in "Inside now".
        const bool ownCard = entry.method == Entry::Method::QrCccd || entry.method == Entry::Method::QrPass;
        if (request.atKiosk && !ownCard)
            return Error(Error::Kind::Failed,
                         tr("This ID number cannot be checked in at the kiosk now. Please see the receptionist."));
        return Error(Error::Kind::Failed,
                     tr("%1 is already checked in (since %2); check out first.").arg(inside.value()->fullName, since));
    }
    if (entry.method == Entry::Method::QrPass && m_site.passesSingleUse && !entry.passId.isEmpty()) {
        auto used = m_log.passUsed(entry.passId);
        if (!used)
            return used.error();
        if (used.value())
            return Error(Error::Kind::Failed, tr("This pass has already been used."));
    }

    Outcome outcome;
    // The health office's isolation list (issue 26) before the app: a person under an order is
    // sent to the receptionist whatever the policy. The kiosk's screen, seen by whoever stands
    // there, says nothing of why; the receptionist's does, and the audit row (which reaches the
    // centre) names the order by its keyed hash, never the number.
    const auto isolated = m_isolation.match(entry.idNumber, now());
    if (!isolated)
        return isolated.error();
    if (isolated.value()) {
        const IsolationList::Match& order = *isolated.value();
        const QString details = QStringLiteral("id_tail=%1 key=%2 hash=%3 kind=%4 until=%5")
                                    .arg(entry.idNumber.right(3), QString::number(order.keyId), order.hash, order.kind,
                                         order.until.toString(Qt::ISODate));
        if (request.overrideReason.isEmpty()) {
            outcome.decision = Policy::Decision::SendToReceptionist;
            outcome.sentence =
                request.atKiosk
                    ? tr("Please see the receptionist.")
                    : tr("%1 is under an isolation order (%2) until %3 on the health office's list: do not admit; "
                         "call the health office.")
                          .arg(entry.fullName, order.kind,
                               m_site.time().format(order.until, QStringLiteral("HH:mm dd/MM/yyyy")));
            const Result<void> audited =
                m_audit.append({now(), request.actor, QStringLiteral("isolation_match"), details});
            if (!audited)
                qCWarning(lcCheckIn) << audited.error().message();
            return outcome;
        }
        const Result<void> audited =
            m_audit.append({now(), request.actor, QStringLiteral("isolation_override"),
                            QStringLiteral("%1 reason=%2").arg(details, request.overrideReason)});
        if (!audited)
            qCWarning(lcCheckIn) << audited.error().message();
    }
    outcome.decision = m_site.policy.decide(request.app.has_value());
    entry.app = request.app;
    switch (outcome.decision) {
    case Policy::Decision::Admit:
        entry.appStatus = Entry::AppStatus::Verified;
        outcome.sentence = tr("Welcome, %1. Your check-in is recorded.").arg(entry.fullName);
        break;
    case Policy::Decision::AdmitAndRecommend:
        entry.appStatus = Entry::AppStatus::NotDetected;
        outcome.sentence = tr("Welcome, %1. Your check-in is recorded. Your tracing app was not found: please "
                              "install Bluezone with the code on the screen.")
                               .arg(entry.fullName);
        break;
    case Policy::Decision::SendToReceptionist:
        if (request.overrideReason.isEmpty()) {
            outcome.sentence = tr("Your tracing app was not found. This building requires it: please see the "
                                  "receptionist.");
            // Counted on the console's day at a glance; the last three digits only, as the audit
            // log keeps of every ID number (the privacy notice says so).
            const Result<void> audited = m_audit.append({now(), request.actor, QStringLiteral("sent_to_receptionist"),
                                                         QStringLiteral("id_tail=%1").arg(entry.idNumber.right(3))});
            if (!audited)
                qCWarning(lcCheckIn) << audited.error().message();
            return outcome;
        }
        entry.appStatus = Entry::AppStatus::Overridden;
        entry.overrideReason = request.overrideReason;
        outcome.sentence =
            tr("Welcome, %1. Your check-in is recorded (admitted by the receptionist).").arg(entry.fullName);
        break;
    }

    auto id = m_log.record(entry);
    if (!id)
        return id.error();
    entry.id = id.value();
    // Acts of a receptionist are audited under their name. The entry is stored; an audit failure
    // is logged, not hidden, and does not undo it.
    const auto audit = [&](const QString& action, const QString& details) {
        const Result<void> audited = m_audit.append({now(), request.actor, action, details});
        if (!audited)
            qCWarning(lcCheckIn) << audited.error().message();
    };
    if (entry.appStatus == Entry::AppStatus::Overridden)
        audit(QStringLiteral("override"), QStringLiteral("entry=%1 reason=%2").arg(entry.id).arg(entry.overrideReason));
    if (request.appSeenAtDesk && entry.app)
        audit(QStringLiteral("app_seen_at_desk"),
              QStringLiteral("entry=%1 profile=%2").arg(entry.id).arg(entry.app->profile));
    outcome.entry = entry;
    emit entryRecorded(entry);
    return outcome;
}

Result<CheckInService::Outcome> CheckInService::admitRefused(Request request, const QString& account,
                                                             const QString& pin)
{
    if (!m_pins)
        return Error(Error::Kind::Failed, tr("This kiosk has no receptionist accounts: admit the visitor from the "
                                             "receptionist's console."));
    auto receptionist = m_pins->verifyReceptionist(account, pin, QStringLiteral("kiosk"));
    if (!receptionist)
        return receptionist.error();
    request.actor = receptionist->name;
    return checkIn(std::move(request));
}

Result<QStringList> CheckInService::receptionists() const
{
    if (!m_pins)
        return QStringList();
    auto accounts = m_pins->accounts().all();
    if (!accounts)
        return accounts.error();
    QStringList names;
    // Receptionists only: an administrator's account is not for the public screen (PinCheck::
    // verifyReceptionist), and its name there would only invite guesses.
    for (const Accounts::Account& account : accounts.value()) {
        if (!account.isAdmin())
            names.append(account.name);
    }
    return names;
}

Result<Entry> CheckInService::checkOutPerson(const QString& idNumber, Entry::CheckoutKind kind, const QDateTime& at)
{
    const auto number = IdNumber::parse(idNumber);
    if (!number)
        return number.error();
    auto inside = m_log.findInside(number->text());
    if (!inside)
        return inside.error();
    const QDateTime when = at.isValid() ? at : now();
    if (!inside.value()) {
        auto elsewhere = checkOutElsewhere(number->text(), kind, when);
        if (!elsewhere)
            return elsewhere.error();
        if (elsewhere.value())
            return *elsewhere.value();
        return Error(Error::Kind::Failed, tr("Nobody with this ID number is checked in."));
    }
    Entry entry = *inside.value();
    const Result<void> done = checkOutEntry(entry.id, kind, when);
    if (!done)
        return done.error();
    entry.checkedOutAt = when;
    entry.checkoutKind = kind;
    return entry;
}

Result<void> CheckInService::checkOutEntryByHand(qint64 entryId, const QString& actor, const QDateTime& at)
{
    const auto found = m_log.find(entryId);
    if (!found)
        return found.error();
    if (!found.value())
        return Error(Error::Kind::Failed, tr("There is no entry %1.").arg(entryId));
    Database::Batch batch(m_log.database());
    const QDateTime when = at.isValid() ? at : now();
    const Result<void> left = m_log.checkOut(entryId, when, Entry::CheckoutKind::Receptionist);
    if (!left)
        return left;
    const Result<void> audited = m_audit.append(
        {now(), actor, QStringLiteral("checkout_by_hand"),
         QStringLiteral("entry=%1 id_number=%2").arg(entryId).arg(AuditLog::maskedIdNumber(found.value()->idNumber))});
    if (!audited)
        return audited;
    const Result<void> committed = batch.commit();
    if (!committed)
        return committed;
    emit exitRecorded(entryId);
    return {};
}

Result<Entry> CheckInService::checkOutPersonByHand(const QString& idNumber, const QString& actor, const QDateTime& at)
{
    Database::Batch batch(m_log.database());
    const Result<Entry> left = checkOutPerson(idNumber, Entry::CheckoutKind::Receptionist, at);
    if (!left)
        return left;
    const QString entry = left->id ? QString::number(left->id) : QStringLiteral("other_door");
    const Result<void> audited =
        m_audit.append({now(), actor, QStringLiteral("checkout_by_hand"),
                        QStringLiteral("entry=%1 id_number=%2").arg(entry, AuditLog::maskedIdNumber(left->idNumber))});
    if (!audited)
        return audited.error();
    const Result<void> committed = batch.commit();
    if (!committed)
        return committed.error();
    return left;
}

Result<bool> CheckInService::checkOutTyped(const QString& idNumber)
{
    const auto number = IdNumber::parseTyped(idNumber);
    if (!number)
        return number.error();
    auto inside = m_log.findInside(number->text());
    if (!inside)
        return inside.error();
    // Another door's entry is not ended from here by a typed number: this kiosk does not know how
    // that person proved who they were (the receptionist, or the automatic check-out, ends it).
    if (!inside.value())
        return false;
    const Entry::Method method = inside.value()->method;
    if (method == Entry::Method::QrCccd || method == Entry::Method::QrPass)
        return false;
    const Result<void> done = checkOutEntry(inside.value()->id, Entry::CheckoutKind::Kiosk, now());
    if (!done)
        return done.error();
    return true;
}

bool CheckInService::otherDoorsFresh(const QDateTime& fetchedAt) const
{
    // Fetched within three rounds of the sender.
    return fetchedAt.isValid() && fetchedAt.secsTo(now()) <= 3 * qint64(m_site.centralIntervalSeconds);
}

Entry CheckInService::entryAtOtherDoor(const Outbox::SiteEntry& other) const
{
    Entry entry; // id 0: recorded at another door
    entry.site = m_site.id;
    entry.entrance = other.entrance;
    entry.personType = Entry::personTypeFrom(other.personType).value_or(Entry::PersonType::Visitor);
    entry.fullName = other.fullName;
    entry.idNumber = other.idNumber;
    entry.phone = other.phone;
    entry.checkedInAt = other.checkedInAt;
    return entry;
}

Result<std::optional<Entry>> CheckInService::checkOutElsewhere(const QString& idNumber, Entry::CheckoutKind kind,
                                                               const QDateTime& at)
{
    if (m_site.centralIntervalSeconds <= 0)
        return std::optional<Entry>();
    Outbox outbox(m_log.database());
    const auto status = outbox.status();
    if (!status)
        return status.error();
    const auto known = outbox.siteEntryOf(idNumber);
    if (!known)
        return known.error();
    // Fresh, a person the site's other doors do not have inside is not inside; older, the kiosk
    // is offline and cannot know.
    if (!known.value() && otherDoorsFresh(status->fetchedAt))
        return std::optional<Entry>();
    const Result<void> recorded = outbox.recordSiteExit(known.value() ? known.value()->visitKey : QString(), idNumber,
                                                        m_site.entrance, at, Entry::name(kind));
    if (!recorded)
        return recorded.error();
    Entry entry = known.value() ? entryAtOtherDoor(*known.value()) : Entry();
    entry.site = m_site.id;
    entry.idNumber = idNumber;
    entry.checkedOutAt = at;
    entry.checkoutKind = kind;
    emit exitRecorded(0);
    return std::optional<Entry>(entry);
}

Result<void> CheckInService::checkOutEntry(qint64 entryId, Entry::CheckoutKind kind, const QDateTime& at)
{
    const Result<void> done = m_log.checkOut(entryId, at.isValid() ? at : now(), kind);
    if (!done)
        return done.error();
    emit exitRecorded(entryId);
    return {};
}

Result<QList<Entry>> CheckInService::present() const
{
    return m_log.inside();
}

Result<CheckInService::SitePresence> CheckInService::presentAtSite() const
{
    SitePresence presence;
    auto here = m_log.inside();
    if (!here)
        return here.error();
    presence.entries = here.value();
    if (m_site.centralIntervalSeconds <= 0)
        return presence;
    presence.central = true;
    Outbox outbox(m_log.database());
    const auto status = outbox.status();
    if (!status)
        return status.error();
    presence.lastSentAt = status->lastSentAt;
    presence.waiting = status->waiting;
    presence.otherDoorsAsOf = status->fetchedAt;
    presence.everyEntrance = otherDoorsFresh(status->fetchedAt);
    if (!presence.everyEntrance)
        return presence;
    const auto others = outbox.siteEntries();
    if (!others)
        return others.error();
    for (const Outbox::SiteEntry& other : others.value())
        presence.entries.append(entryAtOtherDoor(other));
    std::stable_sort(presence.entries.begin(), presence.entries.end(),
                     [](const Entry& a, const Entry& b) { return a.checkedInAt < b.checkedInAt; });
    return presence;
}

Result<int> CheckInService::purge(const QString& actor)
{
    auto purged = Retention(m_site, m_log, m_audit, m_clock).apply(actor);
    if (!purged)
        return purged.error();
    return purged->entries;
}

Result<int> CheckInService::forgetPerson(const QString& idNumber, const QString& actor)
{
    if (idNumber.trimmed().isEmpty())
        return Error(Error::Kind::Usage, tr("Say whose records to delete with their ID number."));
    const auto parsed = IdNumber::parse(idNumber);
    if (!parsed)
        return parsed.error();
    const QString number = parsed->text();
    auto deleted = m_log.deletePerson(number);
    if (!deleted)
        return deleted.error();
    // Gone from the WAL too (secure_delete has zeroed it in the file): checkpoint and truncate. A
    // reader that holds old frames (the desk console, a backup) keeps the text on disk until it
    // lets go: that is not a success to report (issue 24).
    const Result<void> checkpointed = m_log.database().checkpoint();
    if (!checkpointed)
        qCWarning(lcCheckIn).noquote() << checkpointed.error().message();
    // The audit keeps that it happened, not who it was: the last three digits only.
    const Result<void> audited =
        m_audit.append({now(), actor, QStringLiteral("delete_person"),
                        QStringLiteral("entries=%1 id_number=%2%3")
                            .arg(deleted.value())
                            .arg(AuditLog::maskedIdNumber(number),
                                 checkpointed ? QString() : QStringLiteral(" erased_from_disk=pending"))});
    if (!audited)
        return audited.error();
    if (!checkpointed)
        return Error(Error::Kind::Failed,
                     tr("The person's records are deleted (%n entries), but another program is reading the entry log "
                        "(the desk console, a backup), so their text is still on disk: close it and forget again to "
                        "finish.",
                        nullptr, deleted.value()));
    return deleted.value();
}

Result<int> CheckInService::closeIfPastClosingTime()
{
    if (!m_site.closingTime.isValid())
        return 0;
    // Closing time is the site's local time today.
    const QDateTime local = m_site.time().toSite(now());
    const QDateTime closing = m_site.time().at(local.date(), m_site.closingTime);
    if (local < closing)
        return 0;
    return checkOutEveryone(closing.toUTC(), QStringLiteral("closing"));
}

Result<int> CheckInService::checkOutEveryone(const QDateTime& at, const QString& actor)
{
    auto closed = m_log.checkOutEveryone(at);
    if (!closed)
        return closed.error();
    if (closed.value() > 0) {
        const Result<void> audited =
            m_audit.append({now(), actor, QStringLiteral("auto_checkout"),
                            QStringLiteral("entries=%1 at=%2").arg(closed.value()).arg(at.toString(Qt::ISODate))});
        if (!audited)
            qCWarning(lcCheckIn) << audited.error().message();
    }
    return closed.value();
}
