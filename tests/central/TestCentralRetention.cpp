// The central store by months (issue 27, schema version 11), against a PostgreSQL 15 of the test's
// own: a store of version 10 holding three months of stays moves into monthly partitions with
// every row and the same contacts(); a kiosk's events land in the month of their own time, a batch
// sent again is kept once in a partition, an event dated next month is stored in next month's
// partition made in advance and one dated beyond the made months in the default partition, from
// where it moves when its month is made; retention drops whole months and leaves no row older than
// its cutoff, keeping a month whose stay ended after it until that stay is due.
#include "SendingKiosk.h"
#include "StoreMonths.h"
#include "ThrowawayPostgres.h"
#include "central/CentralAdmin.h"
#include "central/CentralConnection.h"
#include "central/CentralSchema.h"

#include <QTemporaryDir>
#include <QTest>

namespace {
QString partition(const char* table, int fromNow)
{
    return QLatin1String(table) + u'_' + monthStart(fromNow).toString(QStringLiteral("yyyy_MM"));
}
// The contacts of the test's case over the three months before this one, as one line.
const char* const CONTACTS = "SELECT string_agg(full_name || ' ' || overlap_minutes, ', ' ORDER BY full_name)"
                             " FROM gatehouse.contacts('046195000001', '%1', '%2')";
} // namespace

class TestCentralRetention : public QObject
{
    Q_OBJECT

private:
    ThrowawayPostgres m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<CentralConnection> m_admin;
    std::unique_ptr<SendingKiosk> m_kiosk;
    QString m_contacts;

    QString psql(const QString& sql) { return m_server.psql(sql); }
    QString contacts()
    {
        return psql(QString::fromLatin1(CONTACTS).arg(monthStart(-3).toString(Qt::ISODate),
                                                      monthStart(0).toString(Qt::ISODate)));
    }
    // Where a stay of that name is kept.
    QString partitionOf(const QString& fullName)
    {
        return psql(QStringLiteral("SELECT c.relname FROM gatehouse.stay s JOIN pg_class c ON c.oid = s.tableoid"
                                   " WHERE s.full_name = '%1'")
                        .arg(fullName));
    }
    QString eventPartitionOf(const QString& fullName)
    {
        return psql(QStringLiteral("SELECT c.relname FROM gatehouse.event e JOIN pg_class c ON c.oid = e.tableoid"
                                   " WHERE e.body->>'full_name' = '%1'")
                        .arg(fullName));
    }
    bool exists(const QString& table)
    {
        return psql(QStringLiteral("SELECT to_regclass('gatehouse.%1') IS NOT NULL").arg(table)) == u't';
    }
    void send()
    {
        const auto round = m_kiosk->sender.round();
        QVERIFY2(round, round ? "" : qPrintable(round.error().message()));
        QCOMPARE(round->backlog, 0);
    }

private slots:
    void initTestCase()
    {
        const QString why = m_server.start();
        if (!why.isEmpty())
            QSKIP(qPrintable(QStringLiteral("no PostgreSQL server for the central tests: ") + why));
        auto admin = CentralConnection::open(m_server.uri());
        QVERIFY2(admin, admin ? "" : qPrintable(admin.error().message()));
        m_admin = std::move(admin).value();
    }

    void aStoreOfVersion10MovesIntoMonths()
    {
        const auto ten = CentralSchema::migrate(*m_admin, 10);
        QVERIFY2(ten, ten ? "" : qPrintable(ten.error().message()));
        CentralAdmin central(*m_admin);
        QVERIFY(central.addSite(QStringLiteral("hue-ubnd"), QStringLiteral("UBND"), QString()));
        QVERIFY(central.addKiosk(QStringLiteral("month-gate"), QStringLiteral("hue-ubnd"), QStringLiteral("Cổng")));
        m_kiosk = std::make_unique<SendingKiosk>(
            m_dir.filePath(QStringLiteral("kiosk.db")), QStringLiteral("month-gate"), QStringLiteral("hue-ubnd"),
            QStringLiteral("Cổng"), m_server.uriWithoutUser(), QDateTime::currentDateTimeUtc());
        // Three months back, two and one: the case and a contact on the 10th at 02:00 of each, and
        // someone else on the 20th. The stay of the month two back ends after that month, an hour
        // into the month one back (a guard who stayed the night).
        for (int back = 3; back >= 1; --back) {
            const QDateTime tenth = monthStart(-back).addDays(9).addSecs(2 * 3600);
            const QString suffix = QString::number(back);
            const qint64 stay =
                m_kiosk->enter(QStringLiteral("Ca %1").arg(suffix), QStringLiteral("046195000001"), tenth);
            QVERIFY(m_kiosk->log.checkOut(stay, tenth.addSecs(3600), Entry::CheckoutKind::Kiosk));
            const qint64 contact = m_kiosk->enter(QStringLiteral("Tiếp xúc %1").arg(suffix),
                                                  QStringLiteral("04619500010%1").arg(suffix), tenth.addSecs(1800));
            QVERIFY(m_kiosk->log.checkOut(contact, tenth.addSecs(5400), Entry::CheckoutKind::Kiosk));
            const qint64 other =
                m_kiosk->enter(QStringLiteral("Khách %1").arg(suffix), QStringLiteral("04619500020%1").arg(suffix),
                               monthStart(-back).addDays(19));
            QVERIFY(
                m_kiosk->log.checkOut(other, monthStart(-back).addDays(19).addSecs(600), Entry::CheckoutKind::Kiosk));
        }
        const qint64 guard =
            m_kiosk->enter(QStringLiteral("Bảo vệ"), QStringLiteral("046195000300"), monthStart(-1).addSecs(-3600));
        QVERIFY(m_kiosk->log.checkOut(guard, monthStart(-1).addSecs(3600), Entry::CheckoutKind::Kiosk));
        QVERIFY(m_kiosk->outbox.enable());
        send();
        m_contacts = contacts();
        QCOMPARE(m_contacts, QStringLiteral("Tiếp xúc 1 30.0, Tiếp xúc 2 30.0, Tiếp xúc 3 30.0"));
        const QString events = psql(QStringLiteral("SELECT count(*) FROM gatehouse.event"));
        QCOMPARE(psql(QStringLiteral("SELECT count(*) FROM gatehouse.stay")), QStringLiteral("10"));

        const auto eleven = CentralSchema::migrate(*m_admin);
        QVERIFY2(eleven, eleven ? "" : qPrintable(eleven.error().message()));
        QCOMPARE(eleven.value(), QList<int>({11, 12}));
        QCOMPARE(psql(QStringLiteral("SELECT count(*) FROM gatehouse.event")), events);
        QCOMPARE(psql(QStringLiteral("SELECT count(*) FROM gatehouse.stay")), QStringLiteral("10"));
        QCOMPARE(contacts(), m_contacts);
        // Every stay and event in its month, none waiting in a default partition.
        QCOMPARE(partitionOf(QStringLiteral("Ca 3")), partition("stay", -3));
        QCOMPARE(partitionOf(QStringLiteral("Khách 1")), partition("stay", -1));
        QCOMPARE(partitionOf(QStringLiteral("Bảo vệ")), partition("stay", -2));
        QCOMPARE(eventPartitionOf(QStringLiteral("Ca 2")), partition("event", -2));
        QCOMPARE(psql(QStringLiteral("SELECT count(*) FROM gatehouse.stay_default")), QStringLiteral("0"));
        QCOMPARE(psql(QStringLiteral("SELECT count(*) FROM gatehouse.event_default")), QStringLiteral("0"));
        // This month and the next two are made before anything is dated in them.
        for (int ahead = 0; ahead <= 2; ++ahead) {
            QVERIFY2(exists(partition("stay", ahead)), qPrintable(partition("stay", ahead)));
            QVERIFY2(exists(partition("event", ahead)), qPrintable(partition("event", ahead)));
        }
        QVERIFY(!exists(partition("stay", 3)));
    }

    void aKioskDatesItsEventsAndEachIsKeptOnce()
    {
        // A kiosk that reconnects finds the store by months and dates each event itself.
        m_kiosk->sender.disconnect();
        const qint64 next =
            m_kiosk->enter(QStringLiteral("Tháng sau"), QStringLiteral("046195000400"), monthStart(1).addDays(2));
        m_kiosk->enter(QStringLiteral("Đồng hồ nhanh"), QStringLiteral("046195000401"), monthStart(4).addDays(2));
        QVERIFY(m_kiosk->log.checkOut(next, monthStart(1).addDays(2).addSecs(600), Entry::CheckoutKind::Kiosk));
        // A copy of the kiosk before the round resends what the round sends, its acknowledgement
        // "lost": the same events, in the same months, kept once.
        const QString copy = m_dir.filePath(QStringLiteral("copy.db"));
        const auto copied = m_kiosk->database->backup(copy);
        QVERIFY2(copied, copied ? "" : qPrintable(copied.error().message()));
        send();
        const QString events = psql(QStringLiteral("SELECT count(*) FROM gatehouse.event"));
        {
            SendingKiosk again(copy, QStringLiteral("month-gate"), QStringLiteral("hue-ubnd"), QStringLiteral("Cổng"),
                               m_server.uriWithoutUser(), QDateTime::currentDateTimeUtc());
            const auto round = again.sender.round();
            QVERIFY2(round, round ? "" : qPrintable(round.error().message()));
            QCOMPARE(round->sent, 3);
        }
        QCOMPARE(psql(QStringLiteral("SELECT count(*) FROM gatehouse.event")), events);
        QCOMPARE(psql(QStringLiteral("SELECT count(*) FROM gatehouse.event GROUP BY kiosk, seq HAVING count(*) > 1")),
                 QString());
        // Next month's entry, and its exit, in next month's partitions made in advance.
        QCOMPARE(partitionOf(QStringLiteral("Tháng sau")), partition("stay", 1));
        QCOMPARE(psql(QStringLiteral("SELECT string_agg(c.relname, ',') FROM gatehouse.event e JOIN pg_class c"
                                     " ON c.oid = e.tableoid WHERE e.id_number = '046195000400'")),
                 partition("event", 1) + u',' + partition("event", 1));
        QCOMPARE(psql(QStringLiteral("SELECT checked_out_at IS NOT NULL FROM gatehouse.visits"
                                     " WHERE full_name = 'Tháng sau'")),
                 QStringLiteral("t"));
        // A kiosk four months ahead of the calendar is not refused: its entry waits in the
        // default partitions, and moves into its month when the month is made.
        QCOMPARE(partitionOf(QStringLiteral("Đồng hồ nhanh")), QStringLiteral("stay_default"));
        QCOMPARE(eventPartitionOf(QStringLiteral("Đồng hồ nhanh")), QStringLiteral("event_default"));
        const QString at = monthStart(4).toString(Qt::ISODate);
        QCOMPARE(psql(QStringLiteral("SELECT gatehouse.add_month('stay', '%1')::text || ' '"
                                     " || gatehouse.add_month('event', '%1')::text")
                          .arg(at)),
                 QStringLiteral("true true"));
        QCOMPARE(partitionOf(QStringLiteral("Đồng hồ nhanh")), partition("stay", 4));
        // Made by a superuser, owned by the schema's owner all the same (purge() must drop it).
        QCOMPARE(psql(QStringLiteral("SELECT relowner::regrole FROM pg_class WHERE relname = '%1'")
                          .arg(partition("stay", 4))),
                 QStringLiteral("gatehouse_admin"));
        QCOMPARE(eventPartitionOf(QStringLiteral("Đồng hồ nhanh")), partition("event", 4));
        QCOMPARE(psql(QStringLiteral("SELECT count(*) FROM gatehouse.event")), events);
        // The moved event was not applied again (the stay's count is one).
        QCOMPARE(psql(QStringLiteral("SELECT count(*) FROM gatehouse.stay WHERE full_name = 'Đồng hồ nhanh'")),
                 QStringLiteral("1"));
    }

    void retentionDropsWholeMonths()
    {
        // The cutoff at the start of the month one back: the months three and two back are over
        // before it, but the guard's stay of the month two back ended an hour after it.
        const QString cutoff = monthStart(-1).toString(Qt::ISODate);
        const QString before = psql(QStringLiteral("SELECT count(*) FROM gatehouse.stay WHERE"
                                                   " coalesce(checked_out_at, checked_in_at) < '%1'")
                                        .arg(cutoff));
        QCOMPARE(before, QStringLiteral("6"));
        QCOMPARE(psql(QStringLiteral("SELECT stays || ' ' || months_dropped FROM gatehouse.purge('%1')").arg(cutoff)),
                 QStringLiteral("6 3"));
        QVERIFY(!exists(partition("stay", -3)));
        QVERIFY(!exists(partition("event", -3)));
        QVERIFY(!exists(partition("event", -2)));
        QVERIFY(exists(partition("stay", -2)));
        QCOMPARE(psql(QStringLiteral("SELECT string_agg(full_name, ',') FROM gatehouse.stay WHERE checked_in_at < '%1'")
                          .arg(cutoff)),
                 QStringLiteral("Bảo vệ"));
        QCOMPARE(psql(QStringLiteral("SELECT count(*) FROM gatehouse.event WHERE occurred_at < '%1'").arg(cutoff)),
                 QStringLiteral("0"));
        QCOMPARE(contacts(), QStringLiteral("Tiếp xúc 1 30.0"));

        // A month later the guard's stay is due too, and the month it began in goes whole.
        const QString later = monthStart(0).toString(Qt::ISODate);
        QCOMPARE(psql(QStringLiteral("SELECT months_dropped FROM gatehouse.purge('%1')").arg(later)),
                 QStringLiteral("3"));
        for (int back = 1; back <= 2; ++back) {
            QVERIFY(!exists(partition("stay", -back)));
            QVERIFY(!exists(partition("event", -back)));
        }
        QCOMPARE(psql(QStringLiteral("SELECT count(*) FROM gatehouse.stay WHERE checked_in_at < '%1'").arg(later)),
                 QStringLiteral("0"));
        QCOMPARE(psql(QStringLiteral("SELECT count(*) FROM gatehouse.visits")), QStringLiteral("2"));
        // The months to come are still there, made again by each purge.
        for (int ahead = 0; ahead <= 2; ++ahead)
            QVERIFY(exists(partition("stay", ahead)) && exists(partition("event", ahead)));
    }

    void cleanupTestCase()
    {
        m_kiosk.reset();
        m_admin.reset();
        m_server.stop();
    }
};

QTEST_GUILESS_MAIN(TestCentralRetention)
#include "TestCentralRetention.moc"
