// DeskSession (issue 24): the reception desk's session as a rule of the core, run headless. Locked
// until a PIN unlocks it, locked again by hand or after the idle time by the Clock, only an
// administrator's PIN over the kiosk, every unlock, lock and closing of the kiosk audited; and each
// request allowed by what the signed-in account is, not by what a screen shows.
#include "DeskStaff.h"
#include "desk/DeskSession.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace DeskStaff;

class TestDeskSession : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_count = 0;
    std::unique_ptr<SiteLog> m_site;

    QStringList audited()
    {
        QStringList rows;
        for (const AuditLog::Record& record : m_site->audit.latest(50).value()) {
            if (record.actor != QLatin1String("cli")) // the accounts made in init()
                rows.prepend(record.actor + QLatin1Char(' ') + record.action);
        }
        return rows;
    }

private slots:
    void init()
    {
        m_site = std::make_unique<SiteLog>(m_dir.filePath(QStringLiteral("d%1.db").arg(++m_count)), START);
        QVERIFY(hire(*m_site));
    }

    void aReceptionistIsAllowedAReceptionistsRequestsOnly()
    {
        DeskSession desk(m_site->pins, m_site->audit, m_site->clock, DeskSession::Place::Desk, LOCK_AFTER_MS);
        QVERIFY(desk.isLocked());
        const auto locked = desk.allow(DeskSession::Need::Receptionist);
        QVERIFY(!locked.ok());
        QVERIFY2(locked.error().message().contains(QStringLiteral("locked")), qPrintable(locked.error().message()));
        QVERIFY(!desk.unlock(RECEPTIONIST, QStringLiteral("111111")).ok());
        QVERIFY(desk.isLocked());
        QVERIFY(desk.unlock(RECEPTIONIST, RECEPTIONIST_PIN).ok());
        QCOMPARE(desk.allow(DeskSession::Need::Receptionist).value(), RECEPTIONIST);
        const auto admin = desk.allow(DeskSession::Need::Admin);
        QVERIFY(!admin.ok());
        QVERIFY2(admin.error().message().contains(QStringLiteral("only an administrator")),
                 qPrintable(admin.error().message()));
        QVERIFY(!desk.closeKiosk().ok());
        QVERIFY(desk.lock(QStringLiteral("button")).ok());
        QVERIFY(desk.unlock(ADMIN, ADMIN_PIN).ok());
        QCOMPARE(desk.allow(DeskSession::Need::Admin).value(), ADMIN);
        QCOMPARE(
            audited(),
            (QStringList{RECEPTIONIST + QStringLiteral(" pin_failed"), RECEPTIONIST + QStringLiteral(" console_unlock"),
                         RECEPTIONIST + QStringLiteral(" console_lock"), ADMIN + QStringLiteral(" console_unlock")}));
    }

    void locksItselfAfterTheIdleTimeByTheClock()
    {
        DeskSession desk(m_site->pins, m_site->audit, m_site->clock, DeskSession::Place::Desk, LOCK_AFTER_MS);
        QSignalSpy locked(&desk, &DeskSession::locked);
        QVERIFY(desk.unlock(RECEPTIONIST, RECEPTIONIST_PIN).ok());
        m_site->clock.advance(LOCK_AFTER_MS - 1000);
        desk.touched();
        m_site->clock.advance(LOCK_AFTER_MS - 1000);
        QVERIFY(!desk.tick());
        QVERIFY(!desk.isLocked());
        m_site->clock.advance(1000);
        QVERIFY(desk.tick());
        QVERIFY(desk.isLocked());
        QCOMPARE(locked.count(), 1);
        QCOMPARE(locked.first().first().toString(), QStringLiteral("idle_minutes=5"));
        const AuditLog::Record last = m_site->audit.latest(1).value().first();
        QCOMPARE(last.actor, RECEPTIONIST);
        QCOMPARE(last.details, QStringLiteral("idle_minutes=5"));
        QVERIFY(!desk.tick()); // locked: nothing more
    }

    void overTheKioskOnlyAnAdministratorAndItClosesTheKiosk()
    {
        DeskSession desk(m_site->pins, m_site->audit, m_site->clock, DeskSession::Place::Kiosk, LOCK_AFTER_MS);
        const auto receptionist = desk.unlock(RECEPTIONIST, RECEPTIONIST_PIN);
        QVERIFY(!receptionist.ok());
        QVERIFY(desk.isLocked());
        QVERIFY(desk.unlock(ADMIN, ADMIN_PIN).ok());
        QVERIFY(desk.closeKiosk().ok());
        QCOMPARE(audited().last(), ADMIN + QStringLiteral(" kiosk_closed"));
        // At the desk there is no kiosk to close.
        DeskSession atDesk(m_site->pins, m_site->audit, m_site->clock, DeskSession::Place::Desk, LOCK_AFTER_MS);
        QVERIFY(atDesk.unlock(ADMIN, ADMIN_PIN).ok());
        QVERIFY(!atDesk.closeKiosk().ok());
    }
};

QTEST_GUILESS_MAIN(TestDeskSession)
#include "TestDeskSession.moc"
