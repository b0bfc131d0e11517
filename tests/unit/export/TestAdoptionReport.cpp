// AdoptionReport: entries counted on the day they came in, in the site's time (across midnight
// UTC and local), by person type, with the share verified (an override is not a verification),
// the staff without the app; days without entries kept; the CSV read back with an RFC 4180 reader.
#include "common/CsvReader.h"
#include "export/AdoptionReport.h"
#include "storage/Database.h"
#include "storage/EntryLog.h"

#include <QBuffer>
#include <QTemporaryDir>
#include <QTest>

namespace {
// Huế time, +07:00.
QDateTime hue(int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2020, 8, day), QTime(hour, minute), Qt::OffsetFromUTC, 7 * 3600);
}
} // namespace

class TestAdoptionReport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;

    void add(Entry::PersonType type, Entry::AppStatus app, const QString& name, const QString& idNumber,
             const QDateTime& in)
    {
        EntryLog log(*m_database);
        Entry entry;
        entry.site = QStringLiteral("hue-dpc-01");
        entry.entrance = QStringLiteral("main");
        entry.personType = type;
        entry.fullName = name;
        entry.idNumber = idNumber;
        entry.checkedInAt = in;
        entry.appStatus = app;
        if (app == Entry::AppStatus::Overridden)
            entry.overrideReason = QStringLiteral("phone battery flat");
        QVERIFY(log.record(entry).ok());
    }

private slots:
    void initTestCase()
    {
        m_database = Database::open(m_dir.filePath(QStringLiteral("log.db"))).value();
        using T = Entry::PersonType;
        using A = Entry::AppStatus;
        // 3 August: 06:30 local is 23:30 UTC on the 2nd; it counts on the 3rd, in the site's time.
        add(T::Visitor, A::Verified, QStringLiteral("Khách 1"), QStringLiteral("046000000001"), hue(3, 6, 30));
        add(T::Visitor, A::NotDetected, QStringLiteral("Khách 2"), QStringLiteral("046000000002"), hue(3, 9));
        add(T::Staff, A::Verified, QStringLiteral("Trần Văn An"), QStringLiteral("046000000010"), hue(3, 7, 45));
        add(T::Staff, A::NotDetected, QStringLiteral("Lê Thị Bình"), QStringLiteral("046000000011"), hue(3, 7, 50));
        add(T::Guest, A::Overridden, QStringLiteral("Khách lưu trú"), QStringLiteral("046000000020"), hue(3, 23, 59));
        // 4 August: nobody. 5 August: Bình again without the app, Cường overridden (not verified).
        add(T::Staff, A::NotDetected, QStringLiteral("Lê Thị Bình"), QStringLiteral("046000000011"), hue(5, 0, 0));
        add(T::Staff, A::Overridden, QStringLiteral("Phạm \"Cường\", tổ 2"), QStringLiteral("046000000012"), hue(5, 8));
        // Outside the window on both sides.
        add(T::Staff, A::NotDetected, QStringLiteral("Before"), QStringLiteral("046000000099"), hue(2, 23, 59));
        add(T::Staff, A::NotDetected, QStringLiteral("After"), QStringLiteral("046000000098"), hue(6, 0));
    }

    void countsByDayInTheSiteTime()
    {
        auto report = AdoptionReport::compute(*m_database, hue(3, 0), hue(6, 0), 7 * 60);
        QVERIFY(report.ok());
        QCOMPARE(report->days().size(), 3);
        const AdoptionReport::Day& third = report->days()[0];
        QCOMPARE(third.date, QDate(2020, 8, 3));
        QCOMPARE(third.visitors, 2);
        QCOMPARE(third.staff, 2);
        QCOMPARE(third.guests, 1);
        QCOMPARE(third.entries(), 5);
        QCOMPARE(third.appVerified, 2);
        QCOMPARE(third.staffWithoutApp, 1);
        QCOMPARE(AdoptionReport::share(third), 40.0);
        const AdoptionReport::Day& fourth = report->days()[1];
        QCOMPARE(fourth.date, QDate(2020, 8, 4));
        QCOMPARE(fourth.entries(), 0);
        QCOMPARE(AdoptionReport::share(fourth), 0.0);
        const AdoptionReport::Day& fifth = report->days()[2];
        QCOMPARE(fifth.staff, 2);
        QCOMPARE(fifth.appVerified, 0);
        QCOMPARE(fifth.staffWithoutApp, 2);
        QCOMPARE(report->total().entries(), 7);
        QCOMPARE(report->total().appVerified, 2);

        // Bình twice, then Cường; never the staff who had the app.
        const auto& lapses = report->staffWithoutApp();
        QCOMPARE(lapses.size(), 2);
        QCOMPARE(lapses[0].fullName, QStringLiteral("Lê Thị Bình"));
        QCOMPARE(lapses[0].entries, 2);
        QCOMPARE(lapses[0].lastDate, QDate(2020, 8, 5));
        QCOMPARE(lapses[1].idNumber, QStringLiteral("046000000012"));
    }

    void csvReadsBack()
    {
        auto report = AdoptionReport::compute(*m_database, hue(3, 0), hue(6, 0), 7 * 60);
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QCOMPARE(report->writeCsv(buffer, QStringLiteral("en")).value(), 3 + 1 + 2);
        QVERIFY(buffer.data().startsWith("\xEF\xBB\xBF"));
        QString problem;
        const QList<CsvReader::Row> rows = CsvReader::parse(buffer.data(), &problem);
        QVERIFY(problem.isEmpty());
        QCOMPARE(rows.size(), 1 + 3 + 1 + 1 + 2); // the blank line between the tables is no record
        QCOMPARE(rows[0].fields.first(), QStringLiteral("date"));
        QCOMPARE(rows[1].fields, (QStringList{QStringLiteral("2020-08-03"), QStringLiteral("2"), QStringLiteral("2"),
                                              QStringLiteral("1"), QStringLiteral("5"), QStringLiteral("2"),
                                              QStringLiteral("40.0"), QStringLiteral("1")}));
        QCOMPARE(rows[4].fields,
                 (QStringList{QStringLiteral("total"), QStringLiteral("2"), QStringLiteral("4"), QStringLiteral("1"),
                              QStringLiteral("7"), QStringLiteral("2"), QStringLiteral("28.6"), QStringLiteral("3")}));
        QCOMPARE(rows[5].fields.first(), QStringLiteral("staff_without_app"));
        QCOMPARE(rows[7].fields, (QStringList{QStringLiteral("Phạm \"Cường\", tổ 2"), QStringLiteral("046000000012"),
                                              QStringLiteral("1"), QStringLiteral("2020-08-05")}));

        QBuffer vietnamese;
        vietnamese.open(QIODevice::WriteOnly);
        QVERIFY(report->writeCsv(vietnamese, QStringLiteral("vi")).ok());
        const QList<CsvReader::Row> vi = CsvReader::parse(vietnamese.data());
        QCOMPARE(vi[0].fields.first(), QStringLiteral("Ngày"));
        QCOMPARE(vi[4].fields.first(), QStringLiteral("Tổng"));
    }

    void windowTooLong()
    {
        auto report =
            AdoptionReport::compute(*m_database, hue(3, 0), hue(3, 0).addDays(AdoptionReport::MaxDays + 1), 7 * 60);
        QVERIFY(!report.ok());
        QCOMPARE(report.error().exitCode(), 2);
        QVERIFY(report.error().message().contains(QStringLiteral("at most")));
    }
};

QTEST_GUILESS_MAIN(TestAdoptionReport)
#include "TestAdoptionReport.moc"
