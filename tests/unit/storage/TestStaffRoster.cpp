// StaffRoster: a roster CSV with bad rows (reported by line, good rows kept), staff recognised
// at check-in, and the report of staff who entered without the app.
#include "FakeClock.h"
#include "checkin/CheckInService.h"
#include "export/RosterImportRequest.h"
#include "records/SiteRecords.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/EntryLog.h"
#include "storage/StaffRoster.h"

#include <QFile>

#include <QTemporaryDir>
#include <QTest>

class TestStaffRoster : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void importKeepsGoodRowsAndNamesBadOnes()
    {
        auto database = Database::open(m_dir.filePath(QStringLiteral("roster.db"))).value();
        StaffRoster roster(*database);
        // Vietnamese headers in the site's own order, as a spreadsheet exports them.
        const QByteArray csv = "\xEF\xBB\xBFMã nhân viên,Họ và tên,Phòng ban,Số điện thoại,Số CCCD\r\n"
                               "NV001,Nguyễn Văn An,Văn phòng,0912345678,046087496268\r\n"
                               ",Không Có Mã,Văn phòng,,\r\n"
                               "NV002,\"Lê, Thị Bình\",Kế toán,0905000111,058179015729\r\n"
                               "NV001,Trùng Mã,Văn phòng,,\r\n"
                               "NV003,,Bảo vệ,,\r\n";
        auto imported = roster.importCsv(csv);
        QVERIFY(imported.ok());
        QCOMPARE(imported->added, 2);
        QCOMPARE(imported->rejected.size(), 3);
        QVERIFY(imported->rejected[0].startsWith(QStringLiteral("line 3:")));
        QVERIFY(imported->rejected[1].startsWith(QStringLiteral("line 5:")));
        QVERIFY(imported->rejected[2].startsWith(QStringLiteral("line 6:")));
        QCOMPARE(roster.size().value(), 2);
        const auto member = roster.findByIdNumber(QStringLiteral("058179015729")).value();
        QVERIFY(member);
        QCOMPARE(member->fullName, QStringLiteral("Lê, Thị Bình"));
        QCOMPARE(member->department, QStringLiteral("Kế toán"));
        QCOMPARE(member->phone, QStringLiteral("0905000111"));

        // A second import updates in place.
        auto again = roster.importCsv("name,staff_number,department\nNguyễn Văn An,NV001,Giám đốc\n");
        QCOMPARE(again->updated, 1);
        QCOMPARE(again->added, 0);
        QVERIFY(!roster.importCsv(QByteArray()).ok());
    }

    // A member found left the roster's statement active (one row read, the end not reached), so
    // the connection kept its read snapshot: once another connection wrote, the next write of this
    // one (the door's audit, its next entry) failed with SQLITE_BUSY_SNAPSHOT, "another program is
    // holding the database" (https://www.sqlite.org/wal.html#sometimes_queries_return_sqlite_busy_in_wal_mode).
    void aMemberFoundLeavesNoSnapshotBehind()
    {
        auto door = Database::open(m_dir.filePath(QStringLiteral("snapshot.db"))).value();
        StaffRoster roster(*door);
        QVERIFY(roster.importCsv("name,staff_number,id_number\nNguyễn Văn An,NV001,046087496268\n").ok());
        QVERIFY(roster.findByIdNumber(QStringLiteral("046087496268")).value());
        {
            auto other = Database::open(door->path()).value();
            AuditLog audit(*other);
            QVERIFY(audit.append({QDateTime::currentDateTimeUtc(), QStringLiteral("sync"), QStringLiteral("test"),
                                  QStringLiteral("another connection")}));
        }
        AuditLog audit(*door);
        const Result<void> appended = audit.append({QDateTime::currentDateTimeUtc(), QStringLiteral("kiosk"),
                                                    QStringLiteral("test"), QStringLiteral("after")});
        QVERIFY2(appended, appended ? "" : qPrintable(appended.error().message()));
    }

    void aHugeRosterIsRefusedUnread()
    {
        // Through the request the CLI and the console use: refused by its size, never read whole.
        QTemporaryDir dir;
        FakeClock clock;
        auto records =
            SiteRecords::open(dir.filePath(QStringLiteral("r.db")), Database::Check::None, Site(), clock).value();
        const QString path = dir.filePath(QStringLiteral("huge.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(RosterImportRequest::MAX_BYTES + 1));
        file.close();
        const auto imported = RosterImportRequest{path, QStringLiteral("cli")}.run(*records);
        QVERIFY(!imported.ok());
        QCOMPARE(imported.error().exitCode(), 2);
        QVERIFY2(imported.error().message().contains(QStringLiteral("at most 32 MB")),
                 qPrintable(imported.error().message()));
        // A roster that is one is imported and audited under who asked.
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("name,staff_number,id_number\nAn,NV1,046087496268\n");
        file.close();
        const auto good = RosterImportRequest{path, QStringLiteral("Trần Quản Trị")}.run(*records);
        QVERIFY(good.ok());
        QCOMPARE(good->added, 1);
        const AuditLog::Record audited = records->audit().latest(1).value().first();
        QCOMPARE(audited.action, QStringLiteral("roster_import"));
        QCOMPARE(audited.actor, QStringLiteral("Trần Quản Trị"));
    }

    void idNumbersInOneSpelling()
    {
        // Issue 11: the roster's numbers join the entry log's, so they are stored as it stores them.
        auto database = Database::open(m_dir.filePath(QStringLiteral("spelling.db"))).value();
        StaffRoster roster(*database);
        auto imported = roster.importCsv("name,staff_number,id_number\n"
                                         "Nguyễn Văn An,NV001,046 087 496 268\n"
                                         "Lê Thị Bình,NV002,058.179.015-729\n"
                                         "Sai Số,NV003,12345\n");
        QVERIFY(imported.ok());
        QCOMPARE(imported->added, 2);
        QCOMPARE(imported->rejected.size(), 1);
        QVERIFY2(imported->rejected[0].startsWith(QStringLiteral("line 4: \"12345\" is not an ID number")),
                 qPrintable(imported->rejected[0]));
        QCOMPARE(roster.findByIdNumber(QStringLiteral("046087496268")).value()->staffNumber, QStringLiteral("NV001"));
        QCOMPARE(roster.findByIdNumber(QStringLiteral("058 179 015 729")).value()->staffNumber,
                 QStringLiteral("NV002"));
    }

    void staffAreRecognisedAndLapsesReported()
    {
        auto database = Database::open(m_dir.filePath(QStringLiteral("staff.db"))).value();
        StaffRoster roster(*database);
        QVERIFY(roster
                    .importCsv("name,staff_number,department,phone,id_number\n"
                               "Nguyễn Văn An,NV001,Văn phòng,,046087496268\n"
                               "Lê Thị Bình,NV002,Kế toán,,058179015729\n")
                    .ok());
        EntryLog log(*database);
        AuditLog audit(*database);
        FakeClock clock(QDateTime(QDate(2020, 8, 3), QTime(1, 0), Qt::UTC));
        CheckInService service(Site(), log, audit, clock, &roster);
        CheckInService::Request an;
        an.entry.fullName = QStringLiteral("Nguyễn Văn An");
        an.entry.idNumber = QStringLiteral("046087496268");
        auto anIn = service.checkIn(an); // no app
        QCOMPARE(anIn->entry->personType, Entry::PersonType::Staff);
        QCOMPARE(anIn->entry->staffNumber, QStringLiteral("NV001"));
        CheckInService::Request binh;
        binh.entry.fullName = QStringLiteral("Lê Thị Bình");
        binh.entry.idNumber = QStringLiteral("058179015729");
        binh.app = AppVerification{};
        QVERIFY(service.checkIn(binh).ok());
        CheckInService::Request guest;
        guest.entry.fullName = QStringLiteral("Khách");
        guest.entry.idNumber = QStringLiteral("079192199020");
        QCOMPARE(service.checkIn(guest)->entry->personType, Entry::PersonType::Visitor);

        const auto lapses = roster.withoutApp(clock.now().addDays(-1), clock.now().addDays(1)).value();
        QCOMPARE(lapses.size(), 1);
        QCOMPARE(lapses.first().member.staffNumber, QStringLiteral("NV001"));
        QCOMPARE(lapses.first().entries, 1);
    }
};

QTEST_GUILESS_MAIN(TestStaffRoster)
#include "TestStaffRoster.moc"
