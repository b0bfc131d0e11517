// The check-in operations every front end shares (the kiosk's flow, the receptionist console,
// `gatehouse-cli checkin`): apply the site's policy, refuse what must be refused with a sentence,
// and tell of an entry only once it is stored.
#pragma once

#include "common/Clock.h"
#include "common/Policy.h"
#include "common/Result.h"
#include "common/Site.h"
#include "common/SiteTime.h"
#include "storage/Entry.h"
#include "storage/IsolationList.h"
#include "storage/Outbox.h"

#include <QObject>
#include <QStringList>
#include <QTime>

class AuditLog;
class PinCheck;
class StaffRoster;
class EntryLog;

class CheckInService : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        Entry entry;                        // the person, how identity was taken, pass id, declaration; times optional
        std::optional<AppVerification> app; // the tracing app seen at the kiosk, if it was
        QString overrideReason;             // a receptionist admits without the app (required policy)
        QString actor = QStringLiteral("kiosk");
        // The answer is shown on the kiosk's screen, to whoever stands there: it names nobody but the
        // person who typed their own name or showed their own card or pass.
        bool atKiosk = false;
        // The receptionist saw the app running on the visitor's phone (no advert heard): recorded as
        // verified, and audited as theirs.
        bool appSeenAtDesk = false;
    };

    struct Outcome
    {
        Policy::Decision decision = Policy::Decision::Admit;
        std::optional<Entry> entry; // stored (id set), unless the visitor was sent to the receptionist
        QString sentence;           // what to tell the visitor, in their language
    };

    // roster: when given, a person on it is checked in as staff with their staff number.
    // pins: when given, a receptionist's account can admit a refused visitor (admitRefused()).
    CheckInService(Site site, EntryLog& log, AuditLog& audit, const Clock& clock, StaffRoster* roster = nullptr,
                   PinCheck* pins = nullptr, QObject* parent = nullptr);

    const Site& site() const { return m_site; }
    // The site's rules anew (issue 26: the province changed its policy or retention centrally):
    // the next request meets them. The site's identity stays.
    void setSite(const Site& site)
    {
        const QString id = m_site.id;
        m_site = site;
        m_site.id = id;
    }

    // Records an entry. The person's text is cleaned and bounded (common/SuppliedText.h) and the ID
    // number normalised (common/IdNumber.h) before anything is looked up or stored; an ID number
    // that is none is refused with a sentence.
    [[nodiscard]] Result<Outcome> checkIn(Request request);
    // A receptionist admits the visitor the required policy refused: their account's PIN is checked
    // (checkin/PinCheck.h; an administrator's account is refused here), and the entry is recorded
    // and audited under the account's name.
    [[nodiscard]] Result<Outcome> admitRefused(Request request, const QString& account, const QString& pin);
    // The names of the accounts that may admit a refused visitor, for the kiosk to offer: the
    // receptionists'.
    [[nodiscard]] Result<QStringList> receptionists() const;
    // The exit of whoever with this ID number is inside: here, or, when the kiosk is joined to a
    // central store, at another door of the site (its open entries as last fetched). Offline (no
    // fresh fetch), an exit nobody here knows of is recorded all the same and paired centrally
    // with the person's entry when both have arrived (formats/central.md); the Entry returned
    // then has no check-in time.
    [[nodiscard]] Result<Entry> checkOutPerson(const QString& idNumber, Entry::CheckoutKind kind,
                                               const QDateTime& at = QDateTime());
    // A check-out at the kiosk by a number typed on its public screen, which anybody can type
    // (issue 24). It ends only an entry made at this door without a card (typed, or chosen from the
    // staff roster) under that number: whoever came in with their card or pass shows it again, or
    // asks the receptionist. Whether it recorded an exit is for the caller's records and tests;
    // the kiosk's answer is one sentence whatever it is, so that typing a number there tells
    // nobody whether that person is inside. An Error is a malformed number or the log failing.
    [[nodiscard]] Result<bool> checkOutTyped(const QString& idNumber);
    // A receptionist ends a stay by hand, at the console's "Inside now" or with the CLI: the exit
    // (kind receptionist) and an audit row "checkout_by_hand" under actor's name, in one
    // transaction (issue 24: the console's check-outs were recorded with nobody's name). By this
    // door's entry, or by ID number as checkOutPerson() (another door's entry too).
    [[nodiscard]] Result<void> checkOutEntryByHand(qint64 entryId, const QString& actor,
                                                   const QDateTime& at = QDateTime());
    [[nodiscard]] Result<Entry> checkOutPersonByHand(const QString& idNumber, const QString& actor,
                                                     const QDateTime& at = QDateTime());
    [[nodiscard]] Result<void> checkOutEntry(qint64 entryId, Entry::CheckoutKind kind,
                                             const QDateTime& at = QDateTime());
    [[nodiscard]] Result<QList<Entry>> present() const;
    // Who is inside at the whole site: this door's entries and, when the kiosk is joined to a
    // central store and has heard from it lately, the other doors' (as last fetched; their id is
    // 0 and their entrance says where they came in), earliest first.
    struct SitePresence
    {
        QList<Entry> entries;
        bool everyEntrance = false; // false: this entrance only (no central store, or not reached lately)
        QDateTime otherDoorsAsOf;   // when the other doors' entries were fetched; invalid: never
        QDateTime lastSentAt;       // when this kiosk last sent to the central store; invalid: never
        qint64 waiting = 0;         // events waiting to be sent
        bool central = false;       // whether the kiosk is configured for a central store
    };
    [[nodiscard]] Result<SitePresence> presentAtSite() const;
    // Retention (checkin/Retention.h): deletes what is older than the site's periods, and says so
    // in the audit log; the entries it deleted.
    [[nodiscard]] Result<int> purge(const QString& actor = QStringLiteral("retention"));
    // Deletes every entry of one person, on their request (Decree 13/2023 on personal data
    // gives them that right), and audits it without repeating their ID number in full. When
    // another program's read keeps the deleted text in the WAL past the checkpoint's wait, an Error
    // says so: the records are deleted all the same, and forgetting again finishes it.
    [[nodiscard]] Result<int> forgetPerson(const QString& idNumber, const QString& actor);
    // Checks out everyone inside who came before `at`, at `at`, marked "auto", and audits it.
    [[nodiscard]] Result<int> checkOutEveryone(const QDateTime& at, const QString& actor);
    // After closing time: checks out everyone still inside at the closing time, marked "auto".
    // Returns how many; 0 before closing time or when the site never closes.
    [[nodiscard]] Result<int> closeIfPastClosingTime();
    // Now, by the service's clock.
    QDateTime now() const { return m_clock.now(); }

signals:
    void entryRecorded(const Entry& entry);
    void exitRecorded(qint64 entryId);

private:
    // Whether the other doors' open entries, fetched then, still tell who is inside.
    bool otherDoorsFresh(const QDateTime& fetchedAt) const;
    Entry entryAtOtherDoor(const Outbox::SiteEntry& other) const;
    [[nodiscard]] Result<std::optional<Entry>> checkOutElsewhere(const QString& idNumber, Entry::CheckoutKind kind,
                                                                 const QDateTime& at);

    Site m_site;
    EntryLog& m_log;
    AuditLog& m_audit;
    const Clock& m_clock;
    StaffRoster* m_roster;
    PinCheck* m_pins;
    IsolationList m_isolation; // the health office's list, in the log's file (issue 26)
};
