// AccountsAuthority (issue 24): the accounts are managed from the command line by the entry log's
// owner or root, and by anyone else only with an administrator's name and PIN, checked and audited
// as every PIN is. The caller's account is given as a number, as the CLI passes geteuid().
#include "SiteLog.h"
#include "checkin/AccountsAuthority.h"

#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

namespace {
const QDateTime START(QDate(2020, 8, 3), QTime(1, 30), Qt::UTC);
const QString ADMIN = QStringLiteral("Trần Quản Trị");
const QString RECEPTIONIST = QStringLiteral("Phan Thị Lễ");
} // namespace

class TestAccountsAuthority : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<SiteLog> m_site;
    int m_pinsRead = 0;

    // Another account of the machine: not root, not the file's owner.
    static uint someoneElse() { return ::geteuid() == 65534 ? 65533 : 65534; }

    Result<QString> actor(uint caller, const QString& admin, const QString& pin)
    {
        return AccountsAuthority::actor(m_site->pins, m_path, caller, admin, [this, pin]() -> Result<QString> {
            ++m_pinsRead;
            return pin;
        });
    }

private slots:
    void initTestCase()
    {
        m_path = m_dir.filePath(QStringLiteral("site.db"));
        m_site = std::make_unique<SiteLog>(m_path, START);
        QVERIFY(
            m_site->accounts.add(ADMIN, Accounts::Role::Admin, QStringLiteral("135790"), QStringLiteral("cli")).ok());
        QVERIFY(m_site->accounts
                    .add(RECEPTIONIST, Accounts::Role::Receptionist, QStringLiteral("246810"), QStringLiteral("cli"))
                    .ok());
    }

    void theOwnerAndRootNeedNoPin()
    {
        QCOMPARE(actor(::geteuid(), QString(), QString()).value(), QStringLiteral("cli"));
        QCOMPARE(actor(0, QString(), QString()).value(), QStringLiteral("cli"));
        QCOMPARE(m_pinsRead, 0);
    }

    void anyoneElseIsRefusedWithoutAnAdministrator()
    {
        const auto refused = actor(someoneElse(), QString(), QString());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind(), Error::Kind::Usage);
        QVERIFY2(refused.error().message().contains(QStringLiteral("--admin NAME")),
                 qPrintable(refused.error().message()));
        QCOMPARE(m_pinsRead, 0);
    }

    void anyoneElseWithAnAdministratorsPin()
    {
        const auto wrong = actor(someoneElse(), ADMIN, QStringLiteral("000000"));
        QVERIFY(!wrong.ok());
        QVERIFY2(wrong.error().message().contains(QStringLiteral("not right")), qPrintable(wrong.error().message()));
        QCOMPARE(m_site->accounts.find(ADMIN).value()->failures, 1); // counted like every wrong PIN

        const auto receptionist = actor(someoneElse(), RECEPTIONIST, QStringLiteral("246810"));
        QVERIFY(!receptionist.ok());
        QVERIFY2(receptionist.error().message().contains(QStringLiteral("only an administrator's PIN")),
                 qPrintable(receptionist.error().message()));

        const auto allowed = actor(someoneElse(), QStringLiteral("  Trần  Quản Trị "), QStringLiteral("135790"));
        QCOMPARE(allowed.value(), ADMIN); // the change is audited under the administrator's name
    }
};

QTEST_GUILESS_MAIN(TestAccountsAuthority)
#include "TestAccountsAuthority.moc"
