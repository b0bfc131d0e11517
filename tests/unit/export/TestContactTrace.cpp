// ContactTrace: who overlapped a confirmed case's stays, at the edges of stays, across midnight,
// and with entries that never checked out (until closing time, or now).
#include "FakeClock.h"
#include "export/ContactTrace.h"
#include "storage/Database.h"
#include "storage/EntryLog.h"

#include <QTemporaryDir>
#include <QTest>

namespace {
QDateTime hue(int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2020, 8, day), QTime(hour, minute), Qt::OffsetFromUTC, 7 * 3600);
}
} // namespace

class TestContactTrace : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<EntryLog> m_log;

    qint64 add(const QString& name, const QString& idNumber, const QDateTime& in, std::optional<QDateTime> out,
               const QString& site = QStringLiteral("site"))
    {
        Entry entry;
        entry.site = site;
        entry.entrance = QStringLiteral("main");
        entry.fullName = name;
        entry.idNumber = idNumber;
        entry.checkedInAt = in;
        const qint64 id = m_log->record(entry).value();
        if (out && !m_log->checkOut(id, *out, Entry::CheckoutKind::Kiosk).ok())
            qFatal("check-out failed");
        return id;
    }

private slots:
    void contacts()
    {
        m_database = Database::open(m_dir.filePath(QStringLiteral("t.db"))).value();
        m_log = std::make_unique<EntryLog>(*m_database);
        const QString caseId = QStringLiteral("046087496268");
        add(QStringLiteral("F0"), caseId, hue(3, 9), hue(3, 11)); // the case's stay, 09:00-11:00
        add(QStringLiteral("F0"), caseId, hue(4, 23), hue(5, 1)); // and a night shift across midnight
        const qint64 overlapped = add(QStringLiteral("An"), QStringLiteral("1"), hue(3, 10), hue(3, 12)); // 60 min
        add(QStringLiteral("Before"), QStringLiteral("2"), hue(3, 7), hue(3, 9));  // ends as F0 comes: 0
        add(QStringLiteral("After"), QStringLiteral("3"), hue(3, 11), hue(3, 12)); // comes as F0 leaves: 0
        const qint64 seconds =
            add(QStringLiteral("Brief"), QStringLiteral("4"), hue(3, 8), hue(3, 9).addSecs(20)); // 20 s
        add(QStringLiteral("Elsewhere"), QStringLiteral("5"), hue(3, 10), hue(3, 11), QStringLiteral("other-site"));
        const qint64 night = add(QStringLiteral("Guard"), QStringLiteral("6"), hue(4, 22), hue(5, 0, 30)); // 90 min
        const qint64 open = add(QStringLiteral("Never left"), QStringLiteral("7"), hue(3, 10, 30), std::nullopt);
        // A long stay that began well before the case came (the stay bound must reach it).
        const qint64 longStay = add(QStringLiteral("Long"), QStringLiteral("8"), hue(1, 8), hue(3, 9, 30));

        Site site;
        site.closingTime = QTime(18, 0);
        auto found = ContactTrace::find(*m_log, site, caseId, hue(1, 0), hue(8, 0), hue(8, 0));
        QVERIFY2(found.ok(), found.ok() ? "" : qPrintable(found.error().message()));
        QHash<qint64, qint64> minutes;
        for (const auto& contact : found.value())
            minutes.insert(contact.entry.id, contact.overlapMinutes);
        QCOMPARE(minutes.value(overlapped), 60);
        QCOMPARE(minutes.value(seconds), 1); // seconds round up to a minute
        QCOMPARE(minutes.value(night), 90);
        // Never checked out: counts until the closing time of that day, 18:00 — the case's whole stay.
        QCOMPARE(minutes.value(open), 30);
        QCOMPARE(minutes.value(longStay), 30);
        QCOMPARE(minutes.size(), 5); // not Before, After, Elsewhere, nor the case's own stays
    }

    void outsideTheWindowOrUnknown()
    {
        auto database = Database::open(m_dir.filePath(QStringLiteral("u.db"))).value();
        EntryLog log(*database);
        auto none = ContactTrace::find(log, Site(), QStringLiteral("046999999999"), hue(1, 0), hue(2, 0), hue(2, 0));
        QVERIFY(!none.ok());
        QCOMPARE(none.error().exitCode(), 1);
        QVERIFY(none.error().message().contains(QStringLiteral("Nobody")));
        // What is no ID number at all is said so (usage, exit 2).
        auto notANumber = ContactTrace::find(log, Site(), QStringLiteral("999"), hue(1, 0), hue(2, 0), hue(2, 0));
        QCOMPARE(notANumber.error().exitCode(), 2);
        QVERIFY(notANumber.error().message().contains(QStringLiteral("not an ID number")));
    }
};

QTEST_GUILESS_MAIN(TestContactTrace)
#include "TestContactTrace.moc"
