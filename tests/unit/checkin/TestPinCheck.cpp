// PinCheck: the one check of a receptionist's or administrator's PIN (issue 11): a wrong PIN
// refused and audited under the account's name, a back-off after 3 wrong tries, a 5-minute lock
// after 5 that a restart does not lift, the end of a lock audited, a new PIN ending a lock; and no
// PIN in plain text anywhere in the database file or the audit log.
#include "SiteLog.h"
#include "checkin/PinCheck.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QDateTime START(QDate(2020, 8, 3), QTime(1, 30), Qt::UTC); // 08:30 in Huế
const QString NAME = QStringLiteral("Phan Thị Lễ");
const QString PIN = QStringLiteral("246810");
const QString WRONG = QStringLiteral("975310");
} // namespace

class TestPinCheck : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_count = 0;
    std::unique_ptr<SiteLog> m_site;
    QString m_path;

    QStringList auditActions(const QString& actor)
    {
        QStringList actions;
        for (const AuditLog::Record& record : m_site->audit.latest(100).value()) {
            if (record.actor == actor)
                actions.prepend(record.action);
        }
        return actions;
    }

private slots:
    void init()
    {
        m_path = m_dir.filePath(QStringLiteral("p%1.db").arg(++m_count));
        m_site = std::make_unique<SiteLog>(m_path, START);
        QVERIFY(m_site->accounts.add(NAME, Accounts::Role::Receptionist, PIN, QStringLiteral("cli")).ok());
    }

    void rightPin()
    {
        const auto account = m_site->pins.verify(NAME, PIN, QStringLiteral("kiosk"));
        QVERIFY(account.ok());
        QCOMPARE(account->name, NAME);
        QCOMPARE(account->role, Accounts::Role::Receptionist);
    }

    void onlyAnAdministratorLeavesTheKiosk()
    {
        // Issue 15: a receptionist's right PIN does not open the console from the locked kiosk.
        const auto receptionist = m_site->pins.verifyAdmin(NAME, PIN, QStringLiteral("kiosk"));
        QVERIFY(!receptionist.ok());
        QVERIFY2(receptionist.error().message().contains(QStringLiteral("administrator")),
                 qPrintable(receptionist.error().message()));
        QCOMPARE(auditActions(NAME), QStringList{QStringLiteral("pin_refused")});

        const QString admin = QStringLiteral("Hồ Văn Quản");
        QVERIFY(m_site->accounts.add(admin, Accounts::Role::Admin, PIN, QStringLiteral("cli")).ok());
        QVERIFY(!m_site->pins.verifyAdmin(admin, WRONG, QStringLiteral("kiosk")).ok());
        const auto right = m_site->pins.verifyAdmin(admin, PIN, QStringLiteral("kiosk"));
        QVERIFY(right.ok());
        QCOMPARE(right->name, admin);
    }

    void unknownAccount()
    {
        const auto account = m_site->pins.verify(QStringLiteral("Ai Đó"), PIN, QStringLiteral("kiosk"));
        QVERIFY(!account.ok());
        QVERIFY(account.error().message().contains(QStringLiteral("no account")));
        QCOMPARE(auditActions(QStringLiteral("Ai Đó")), QStringList{QStringLiteral("pin_failed")});
    }

    void backOffThenLockThatSurvivesARestart()
    {
        // Three wrong tries, each audited with the account's name.
        for (int i = 1; i <= 3; ++i) {
            const auto wrong = m_site->pins.verify(NAME, WRONG, QStringLiteral("kiosk"));
            QVERIFY(!wrong.ok());
            QVERIFY2(wrong.error().message().contains(QStringLiteral("not right")),
                     qPrintable(wrong.error().message()));
            m_site->clock.advance(1000);
        }
        QCOMPARE(auditActions(NAME).count(QStringLiteral("pin_failed")), 3);
        // Now each try waits 30 s after the last wrong one, even the right PIN.
        const auto tooSoon = m_site->pins.verify(NAME, PIN, QStringLiteral("kiosk"));
        QVERIFY(!tooSoon.ok());
        QVERIFY2(tooSoon.error().message().contains(QStringLiteral("try again in 29 seconds")),
                 qPrintable(tooSoon.error().message()));
        m_site->clock.advance(PinCheck::BACKOFF_MS);
        QVERIFY(!m_site->pins.verify(NAME, WRONG, QStringLiteral("kiosk")).ok()); // the 4th
        m_site->clock.advance(PinCheck::BACKOFF_MS);
        const auto fifth = m_site->pins.verify(NAME, WRONG, QStringLiteral("console"));
        QVERIFY(!fifth.ok());
        QVERIFY2(fifth.error().message().contains(QStringLiteral("locked for 5 minutes")),
                 qPrintable(fifth.error().message()));
        QCOMPARE(auditActions(NAME).count(QStringLiteral("account_locked")), 1);

        // A restart: a new database connection, new objects, the same file. Still locked, even for
        // the right PIN.
        m_site = std::make_unique<SiteLog>(m_path, START.addSecs(63));
        m_site->clock.advance(60 * 1000);
        const auto locked = m_site->pins.verify(NAME, PIN, QStringLiteral("kiosk"));
        QVERIFY(!locked.ok());
        QVERIFY2(locked.error().message().contains(QStringLiteral("locked after 5 wrong PINs, until 08:36")),
                 qPrintable(locked.error().message()));
        QCOMPARE(auditActions(NAME).last(), QStringLiteral("pin_refused"));

        // Five minutes after the lock it ends, and the log says so.
        m_site->clock.advance(PinCheck::LOCK_MS);
        QVERIFY(m_site->pins.verify(NAME, PIN, QStringLiteral("kiosk")).ok());
        QCOMPARE(auditActions(NAME).last(), QStringLiteral("account_unlocked"));
        // And it starts afresh: one wrong try is one, not the sixth.
        const auto again = m_site->pins.verify(NAME, WRONG, QStringLiteral("kiosk"));
        QVERIFY(again.error().message().contains(QStringLiteral("4 more wrong PINs")));
    }

    // The kiosk's override and the console guess at once, each with its own connection to the file:
    // every wrong PIN counts. The console's try lands between the kiosk's reading of the count and
    // its writing of it; the clock, asked the time in between, runs it, as a second process could.
    void twoPlacesGuessingAtOnceCountEveryWrongPin()
    {
        SiteLog console(m_path, START);
        class Interleaving : public Clock
        {
        public:
            explicit Interleaving(SiteLog& other) : m_other(other) {}
            QDateTime now() const override
            {
                if (!m_ran) {
                    m_ran = true;
                    (void)m_other.pins.verify(NAME, WRONG, QStringLiteral("console"));
                }
                return START;
            }
            qint64 monotonicMs() const override { return 0; }

        private:
            SiteLog& m_other;
            mutable bool m_ran = false;
        } interleaving(console);
        Accounts accounts(*m_site->database, m_site->audit, interleaving);
        PinCheck kiosk(accounts, m_site->audit, interleaving, 7 * 60);

        const auto wrong = kiosk.verify(NAME, WRONG, QStringLiteral("kiosk"));
        QVERIFY(!wrong.ok());
        QCOMPARE(m_site->accounts.find(NAME).value()->failures, 2);
        QVERIFY2(wrong.error().message().contains(QStringLiteral("3 more wrong PINs")),
                 qPrintable(wrong.error().message()));
    }

    // Issue 24: someone at the kiosk's public screen tries PINs across every account, a wrong one
    // or two each, never enough to lock one: the kiosk itself makes them wait after five, whatever
    // the accounts, while the console elsewhere goes on as before.
    void guessingAcrossAccountsIsSlowedWhereItHappens()
    {
        const QStringList names{NAME, QStringLiteral("Lê Văn Cổng"), QStringLiteral("Võ Thị Sảnh")};
        for (const QString& name : names.mid(1))
            QVERIFY(m_site->accounts.add(name, Accounts::Role::Receptionist, PIN, QStringLiteral("cli")).ok());
        for (int i = 0; i < PinCheck::PLACE_BACKOFF_AFTER; ++i) {
            const auto wrong = m_site->pins.verify(names[i % names.size()], WRONG, QStringLiteral("kiosk"));
            QVERIFY2(wrong.error().message().contains(QStringLiteral("not right")),
                     qPrintable(wrong.error().message()));
            m_site->clock.advance(1000);
        }
        // The sixth try waits, even with a right PIN of an account that had a single wrong one.
        const auto waits = m_site->pins.verify(names[2], PIN, QStringLiteral("kiosk"));
        QVERIFY(!waits.ok());
        QVERIFY2(waits.error().message().contains(QStringLiteral("Too many wrong PINs here: try again in 29 seconds")),
                 qPrintable(waits.error().message()));
        QCOMPARE(m_site->accounts.find(names[2]).value()->failures, 1); // no account was touched
        // Somewhere else the same accounts work.
        QVERIFY(m_site->pins.verify(names[2], PIN, QStringLiteral("console")).ok());
        // At the kiosk, once the wait is over, one more wrong PIN doubles it.
        m_site->clock.advance(PinCheck::BACKOFF_MS);
        QVERIFY(!m_site->pins.verify(names[1], WRONG, QStringLiteral("kiosk")).ok());
        m_site->clock.advance(PinCheck::BACKOFF_MS);
        const auto longer = m_site->pins.verify(names[1], PIN, QStringLiteral("kiosk"));
        QVERIFY2(longer.error().message().contains(QStringLiteral("try again in 30 seconds")),
                 qPrintable(longer.error().message()));
        // A right PIN there when the wait is over ends it.
        m_site->clock.advance(PinCheck::BACKOFF_MS);
        QVERIFY(m_site->pins.verify(names[1], PIN, QStringLiteral("kiosk")).ok());
        QVERIFY(!m_site->pins.verify(names[0], WRONG, QStringLiteral("kiosk"))
                     .error()
                     .message()
                     .contains(QStringLiteral("Too many")));
    }

    // Issue 24: an account locked a second time within a day is flagged in the audit log (and on the
    // console's Today page, DaySummary).
    void aLockAgainWithinADayIsFlagged()
    {
        const auto lock = [this](const QString& place) {
            for (int i = 0; i < PinCheck::LOCK_AFTER; ++i) {
                QVERIFY(!m_site->pins.verify(NAME, WRONG, place).ok());
                m_site->clock.advance(PinCheck::BACKOFF_MS);
            }
            QVERIFY(m_site->accounts.find(NAME).value()->isLockedAt(m_site->clock.now()));
        };
        lock(QStringLiteral("kiosk"));
        QCOMPARE(auditActions(NAME).count(QStringLiteral("account_lock_repeated")), 0);
        m_site->clock.advance(PinCheck::LOCK_MS);
        lock(QStringLiteral("console"));
        QCOMPARE(auditActions(NAME).count(QStringLiteral("account_locked")), 2);
        QCOMPARE(auditActions(NAME).last(), QStringLiteral("account_lock_repeated"));
    }

    void aRightPinForgetsTheWrongOnes()
    {
        QVERIFY(!m_site->pins.verify(NAME, WRONG, QStringLiteral("kiosk")).ok());
        QVERIFY(!m_site->pins.verify(NAME, WRONG, QStringLiteral("kiosk")).ok());
        QVERIFY(m_site->pins.verify(NAME, PIN, QStringLiteral("kiosk")).ok());
        QCOMPARE(m_site->accounts.find(NAME).value()->failures, 0);
    }

    void aNewPinEndsALock()
    {
        for (int i = 0; i < PinCheck::LOCK_AFTER; ++i) {
            QVERIFY(!m_site->pins.verify(NAME, WRONG, QStringLiteral("kiosk")).ok());
            m_site->clock.advance(PinCheck::BACKOFF_MS);
        }
        QVERIFY(m_site->accounts.find(NAME).value()->isLockedAt(m_site->clock.now()));
        QVERIFY(m_site->accounts.setPin(NAME, QStringLiteral("864200"), QStringLiteral("Trần Quản Trị")).ok());
        QVERIFY(m_site->pins.verify(NAME, QStringLiteral("864200"), QStringLiteral("kiosk")).ok());
        QVERIFY(!m_site->pins.verify(NAME, PIN, QStringLiteral("kiosk")).ok()); // the old one is gone
        QCOMPARE(auditActions(QStringLiteral("Trần Quản Trị")), QStringList{QStringLiteral("account_pin")});
    }

    void pinRule()
    {
        for (const QString& bad : {QStringLiteral("12345"), QStringLiteral("12345a"), QString()})
            QVERIFY2(!m_site->accounts.add(QStringLiteral("X"), Accounts::Role::Admin, bad, QStringLiteral("cli")).ok(),
                     qPrintable(bad));
        QVERIFY(!m_site->accounts.add(NAME, Accounts::Role::Admin, PIN, QStringLiteral("cli")).ok()); // taken
    }

    void noPinInPlainTextAnywhere()
    {
        QVERIFY(!m_site->pins.verify(NAME, WRONG, QStringLiteral("kiosk")).ok());
        QVERIFY(m_site->pins.verify(NAME, PIN, QStringLiteral("kiosk")).ok());
        for (const AuditLog::Record& record : m_site->audit.latest(100).value()) {
            QVERIFY(!record.details.contains(PIN) && !record.details.contains(WRONG));
            QVERIFY(!record.actor.contains(PIN));
        }
        m_site.reset(); // every byte on disk, the WAL checkpointed into the file on close
        for (const QString& file : {m_path, QString(m_path + QStringLiteral("-wal"))}) {
            QFile bytes(file);
            if (!bytes.open(QIODevice::ReadOnly))
                continue;
            const QByteArray content = bytes.readAll();
            QVERIFY2(!content.contains(PIN.toLatin1()) && !content.contains(WRONG.toLatin1()), qPrintable(file));
        }
    }
};

QTEST_GUILESS_MAIN(TestPinCheck)
#include "TestPinCheck.moc"
