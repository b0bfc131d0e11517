// Outbox: every entry, exit, forget and audit row becomes an event numbered by the kiosk, in the
// same transaction as the change (a change rolled back leaves no event); joining enqueues the
// log as it is; the mark moves only when told and what was sent is deleted; "forget this person"
// deletes their waiting events, leaves a forget event, and leaves their name nowhere in the file.
#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/EntryLog.h"
#include "storage/Outbox.h"
#include "storage/SharedSettingsStore.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QDateTime MORNING(QDate(2020, 8, 3), QTime(1, 30), Qt::UTC); // 08:30 in Huế

Entry visitor(const QString& name, const QString& idNumber, const QDateTime& at)
{
    Entry entry;
    entry.site = QStringLiteral("hue-dpc-01");
    entry.entrance = QStringLiteral("Cổng chính");
    entry.fullName = name;
    entry.idNumber = idNumber;
    entry.phone = QStringLiteral("0912345678");
    entry.checkedInAt = at;
    entry.method = Entry::Method::QrCccd;
    return entry;
}

QJsonObject body(const Outbox::Event& event)
{
    return QJsonDocument::fromJson(event.body).object();
}
} // namespace

class TestOutbox : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_count = 0;

    std::unique_ptr<Database> open()
    {
        auto database = Database::open(m_dir.filePath(QStringLiteral("log%1.db").arg(++m_count)));
        if (!database)
            qFatal("%s", qPrintable(database.error().message()));
        return std::move(database).value();
    }

private slots:
    void nothingIsQueuedUntilJoined()
    {
        auto database = open();
        EntryLog log(*database);
        Outbox outbox(*database);
        QVERIFY(log.record(visitor(QStringLiteral("Trần Văn An"), QStringLiteral("046190000001"), MORNING)));
        QCOMPARE(outbox.status()->enabled, false);
        QCOMPARE(outbox.status()->waiting, 0);
        QCOMPARE(outbox.pending(10)->size(), 0);
    }

    void joiningEnqueuesTheLogThenEveryChange()
    {
        auto database = open();
        EntryLog log(*database);
        AuditLog audit(*database);
        Outbox outbox(*database);
        const qint64 before =
            log.record(visitor(QStringLiteral("Trần Văn An"), QStringLiteral("046190000001"), MORNING)).value();
        QVERIFY(log.checkOut(before, MORNING.addSecs(600), Entry::CheckoutKind::Kiosk));
        QVERIFY(audit.append({MORNING, QStringLiteral("cli"), QStringLiteral("settings"), QStringLiteral("x=1")}));

        QVERIFY(outbox.enable());
        QVERIFY(outbox.enable()); // twice is once
        auto events = outbox.pending(100).value();
        QCOMPARE(events.size(), 2);
        QCOMPARE(events[0].kind, QStringLiteral("entry"));
        QCOMPARE(body(events[0])[QStringLiteral("local_id")].toInteger(), before);
        QCOMPARE(body(events[0])[QStringLiteral("checked_out_at")].toInteger(),
                 MORNING.addSecs(600).toMSecsSinceEpoch()); // the exit travels inside the entry
        QCOMPARE(events[1].kind, QStringLiteral("audit"));

        // From now on: an entry, its exit, an audit row, each its own event, in order.
        const qint64 id =
            log.record(visitor(QStringLiteral("Lê Thị Bình"), QStringLiteral("046190000002"), MORNING.addSecs(60)))
                .value();
        QVERIFY(log.checkOut(id, MORNING.addSecs(900), Entry::CheckoutKind::Receptionist));
        QVERIFY(audit.append({MORNING, QStringLiteral("cli"), QStringLiteral("export"), QStringLiteral("rows=1")}));
        events = outbox.pending(100).value();
        QCOMPARE(events.size(), 5);
        QCOMPARE(events[2].kind, QStringLiteral("entry"));
        const QJsonObject entry = body(events[2]);
        QCOMPARE(entry[QStringLiteral("full_name")].toString(), QStringLiteral("Lê Thị Bình"));
        QCOMPARE(entry[QStringLiteral("id_number")].toString(), QStringLiteral("046190000002"));
        QCOMPARE(entry[QStringLiteral("site")].toString(), QStringLiteral("hue-dpc-01"));
        QCOMPARE(entry[QStringLiteral("entrance")].toString(), QStringLiteral("Cổng chính"));
        QCOMPARE(entry[QStringLiteral("checked_in_at")].toInteger(), MORNING.addSecs(60).toMSecsSinceEpoch());
        QCOMPARE(entry[QStringLiteral("method")].toString(), QStringLiteral("qr_cccd"));
        QVERIFY(entry[QStringLiteral("checked_out_at")].isNull());
        QCOMPARE(events[3].kind, QStringLiteral("exit"));
        QCOMPARE(body(events[3])[QStringLiteral("local_id")].toInteger(), id);
        QCOMPARE(body(events[3])[QStringLiteral("checkout_kind")].toString(), QStringLiteral("receptionist"));
        QCOMPARE(events[4].kind, QStringLiteral("audit"));
        QCOMPARE(body(events[4])[QStringLiteral("action")].toString(), QStringLiteral("export"));
        for (int i = 1; i < events.size(); ++i)
            QVERIFY(events[i].seq > events[i - 1].seq);
        // A second exit of the same entry is refused and numbers nothing.
        QVERIFY(!log.checkOut(id, MORNING.addSecs(950), Entry::CheckoutKind::Kiosk));
        QCOMPARE(outbox.status()->waiting, 5);
    }

    void aChangeRolledBackLeavesNoEvent()
    {
        auto database = open();
        EntryLog log(*database);
        Outbox outbox(*database);
        QVERIFY(outbox.enable());
        {
            Database::Batch batch(*database);
            QVERIFY(log.record(visitor(QStringLiteral("Trần Văn An"), QStringLiteral("046190000001"), MORNING)));
            QCOMPARE(outbox.status()->waiting, 1);
        } // not committed
        QCOMPARE(outbox.status()->waiting, 0);
    }

    void theMarkMovesOnlyWhenTheCentralStoreCommitted()
    {
        auto database = open();
        EntryLog log(*database);
        Outbox outbox(*database);
        QVERIFY(outbox.enable());
        for (int i = 0; i < 5; ++i)
            QVERIFY(log.record(visitor(QStringLiteral("Khách %1").arg(i), QStringLiteral("04619000001%1").arg(i),
                                       MORNING.addSecs(i))));
        const auto events = outbox.pending(3).value();
        QCOMPARE(events.size(), 3);
        QVERIFY(outbox.noteFailure(MORNING, QStringLiteral("The central store cannot be reached.")));
        QCOMPARE(outbox.status()->lastError, QStringLiteral("The central store cannot be reached."));
        QCOMPARE(outbox.status()->waiting, 5);
        QVERIFY(outbox.markSent(events.last().seq, MORNING.addSecs(30)));
        const Outbox::Status status = outbox.status().value();
        QCOMPARE(status.waiting, 2);
        QCOMPARE(status.sentUpTo, events.last().seq);
        QCOMPARE(status.lastSentAt, MORNING.addSecs(30));
        QVERIFY(status.lastError.isEmpty());
        QCOMPARE(outbox.pending(10)->first().seq, events.last().seq + 1);
        // An older acknowledgement (a slow reply to an earlier round) never moves the mark back.
        QVERIFY(outbox.markSent(events.first().seq, MORNING.addSecs(31)));
        QCOMPARE(outbox.status()->sentUpTo, events.last().seq);
        // Sent events are gone from the file: the outbox keeps no second copy.
        QSqlQuery query(database->connection());
        QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM outbox")) && query.next());
        QCOMPARE(query.value(0).toInt(), 2);
    }

    void forgettingDeletesWaitingEventsAndTellsTheCentralStore()
    {
        auto database = open();
        EntryLog log(*database);
        Outbox outbox(*database);
        QVERIFY(outbox.enable());
        const QString name = QStringLiteral("Phan Thị Quên");
        const qint64 id = log.record(visitor(name, QStringLiteral("046190000099"), MORNING)).value();
        QVERIFY(log.checkOut(id, MORNING.addSecs(60), Entry::CheckoutKind::Kiosk));
        QVERIFY(log.record(visitor(QStringLiteral("Người Khác"), QStringLiteral("046190000098"), MORNING)));
        QVERIFY(outbox.replaceSiteEntries(
            {{QStringLiteral("gate-b:7"), QStringLiteral("Cổng phụ"), QStringLiteral("visitor"), name,
              QStringLiteral("046190000099"), QString(), MORNING}},
            MORNING));
        QCOMPARE(log.deletePerson(QStringLiteral("046190000099")).value(), 1);
        const auto events = outbox.pending(10).value();
        QCOMPARE(events.size(), 2);
        QCOMPARE(events[0].kind, QStringLiteral("entry"));
        QCOMPARE(body(events[0])[QStringLiteral("full_name")].toString(), QStringLiteral("Người Khác"));
        QCOMPARE(events[1].kind, QStringLiteral("forget"));
        QCOMPARE(body(events[1])[QStringLiteral("id_number")].toString(), QStringLiteral("046190000099"));
        QVERIFY(!outbox.siteEntryOf(QStringLiteral("046190000099"))->has_value());
        QVERIFY(database->checkpoint());
        QFile file(database->path());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(name.toUtf8()));
    }

    void retentionLeavesNothingWaitingOfWhatItDeleted()
    {
        auto database = open();
        EntryLog log(*database);
        Outbox outbox(*database);
        QVERIFY(outbox.enable());
        // Offline for a month: an old stay, a stay that began before the cutoff and ended after
        // it (kept), and an exit at this door of another door's old entry.
        const qint64 old = log.record(visitor(QStringLiteral("Cũ"), QStringLiteral("046190000001"), MORNING)).value();
        QVERIFY(log.checkOut(old, MORNING.addSecs(600), Entry::CheckoutKind::Kiosk));
        const qint64 long_ =
            log.record(visitor(QStringLiteral("Dài"), QStringLiteral("046190000002"), MORNING)).value();
        QVERIFY(log.checkOut(long_, MORNING.addDays(3), Entry::CheckoutKind::Kiosk));
        QVERIFY(outbox.recordSiteExit(QString(), QStringLiteral("046190000003"), QStringLiteral("Cổng chính"),
                                      MORNING.addSecs(60), QStringLiteral("kiosk")));
        QCOMPARE(outbox.status()->waiting, 5);
        QCOMPARE(log.purgeBefore(MORNING.addDays(1)).value(), 1);
        const auto events = outbox.pending(10).value();
        QCOMPARE(events.size(), 2); // the long stay's entry and exit
        for (const Outbox::Event& event : events)
            QCOMPARE(body(event)[QStringLiteral("local_id")].toInteger(), long_);
    }

    void anExitAtAnotherDoorIsAnEvent()
    {
        auto database = open();
        Outbox outbox(*database);
        QVERIFY(outbox.enable());
        QVERIFY(outbox.replaceSiteEntries(
            {{QStringLiteral("gate-b:7"), QStringLiteral("Cổng phụ"), QStringLiteral("visitor"),
              QStringLiteral("Trần Văn An"), QStringLiteral("046190000001"), QString(), MORNING}},
            MORNING));
        const auto known = outbox.siteEntryOf(QStringLiteral("046190000001")).value();
        QVERIFY(known.has_value());
        QCOMPARE(known->visitKey, QStringLiteral("gate-b:7"));
        QVERIFY(outbox.recordSiteExit(known->visitKey, known->idNumber, QStringLiteral("Cổng chính"),
                                      MORNING.addSecs(600), QStringLiteral("kiosk")));
        QVERIFY(!outbox.siteEntryOf(QStringLiteral("046190000001"))->has_value());
        const auto events = outbox.pending(10).value();
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].kind, QStringLiteral("exit"));
        const QJsonObject exit = body(events[0]);
        QCOMPARE(exit[QStringLiteral("visit_key")].toString(), QStringLiteral("gate-b:7"));
        QCOMPARE(exit[QStringLiteral("entrance")].toString(), QStringLiteral("Cổng chính"));
        QCOMPARE(exit[QStringLiteral("checked_out_at")].toInteger(), MORNING.addSecs(600).toMSecsSinceEpoch());
    }

    // Issue 27's benchmark: the kiosk's sync reads the last good settings from the central store
    // (none yet: the row is there, its body null) and left that SELECT active, holding its read
    // snapshot; once the kiosk's other connection had recorded a visitor, every write of the
    // sync's connection failed with SQLITE_BUSY_SNAPSHOT, round after round, and it sent nothing.
    void readingTheSettingsLeavesNoSnapshotBehind()
    {
        auto sync = open();
        const QString path = sync->path();
        Outbox outbox(*sync);
        QVERIFY(outbox.enable());
        SharedSettingsStore settings(*sync);
        QVERIFY(!settings.lastGood().value().has_value());
        QVERIFY(!settings.refusal().value().has_value());
        {
            auto door = Database::open(path).value(); // the kiosk's writer, another connection
            EntryLog log(*door);
            QVERIFY(log.record(visitor(QStringLiteral("Khách Sau"), QStringLiteral("046190000097"), MORNING)));
        }
        const Result<void> stored = outbox.replaceSiteEntries({}, MORNING);
        QVERIFY2(stored, stored ? "" : qPrintable(stored.error().message()));
    }
};

QTEST_GUILESS_MAIN(TestOutbox)
#include "TestOutbox.moc"
