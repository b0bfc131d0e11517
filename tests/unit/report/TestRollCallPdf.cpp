// The evacuation roll call's pages (issue 16), read back with poppler as a warden's printer would
// get them: every person inside on as many A4 pages as it takes, numbered, with the count by type,
// in the console's language; and the request that writes it is audited like every file handed out.
#include "RollCallPdf.h"
#include "common/Translation.h"
#include "export/RollCallRequest.h"
#include "records/SiteRecords.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "FakeClock.h"

namespace {
QString run(const QString& program, const QStringList& arguments)
{
    QProcess process;
    process.start(QStandardPaths::findExecutable(program), arguments);
    process.waitForFinished(60000);
    return QString::fromUtf8(process.readAllStandardOutput());
}

const QDateTime AT(QDate(2020, 8, 3), QTime(2, 15), Qt::UTC); // 09:15 in Huế
} // namespace

class TestRollCallPdf : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static CheckInService::SitePresence inside(int people)
    {
        CheckInService::SitePresence presence;
        for (int i = 1; i <= people; ++i) {
            Entry entry;
            entry.id = i;
            entry.fullName = QStringLiteral("Người Thứ %1").arg(i);
            entry.idNumber = QStringLiteral("0460900%1").arg(i, 5, 10, QLatin1Char('0'));
            entry.personType = i % 5 == 0 ? Entry::PersonType::Staff : Entry::PersonType::Visitor;
            entry.entrance = QStringLiteral("Cổng chính");
            entry.checkedInAt = AT.addSecs(-60 * i);
            presence.entries.append(entry);
        }
        return presence;
    }

private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("poppler-utils (pdftotext, pdfinfo) is not installed: packaging/install-deps.sh installs it.");
    }

    void everyoneOnNumberedPages()
    {
        Translation translation;
        QVERIFY(translation.apply(QStringLiteral("vi")));
        const QString path = m_dir.filePath(QStringLiteral("roll-call.pdf"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(
            RollCallPdf::write(inside(70), QStringLiteral("Sở Y tế Thừa Thiên Huế"), SiteTime(7 * 60), AT, file).ok());
        file.close();
        // The first page as a picture, for a person to look at.
        QVERIFY(QDir().mkpath(QStringLiteral(GATEHOUSE_PICTURES "/roll-call")));
        run(QStringLiteral("pdftoppm"),
            {QStringLiteral("-r"), QStringLiteral("60"), QStringLiteral("-png"), QStringLiteral("-f"),
             QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("1"), path,
             QStringLiteral(GATEHOUSE_PICTURES "/roll-call/vi")});
        QVERIFY(run(QStringLiteral("pdfinfo"), {path}).contains(QRegularExpression(QStringLiteral("Pages:\\s+3\\n"))));
        const QString text = run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
        for (int i = 1; i <= 70; ++i)
            QVERIFY2(text.contains(QStringLiteral("Người Thứ %1 ").arg(i)), qPrintable(QString::number(i)));
        QVERIFY2(text.contains(QStringLiteral("09:15 03/08/2020")), qPrintable(text.left(400)));
        QVERIFY2(text.contains(QStringLiteral("70 người")), qPrintable(text.left(400)));
        QVERIFY2(text.contains(QStringLiteral("56 khách, 14 cán bộ, 0 khách lưu trú")), qPrintable(text.left(400)));
        QVERIFY2(text.contains(QStringLiteral("Trang 3/3")), qPrintable(text.right(400)));
        QVERIFY2(!text.contains(QStringLiteral("046090000070")), "the ID number whole"); // its last 4 only
        QVERIFY(text.contains(QStringLiteral("…0070")));
        (void)translation.apply(QStringLiteral("en"));
    }

    void theRequestIsAudited()
    {
        FakeClock clock(AT);
        Site site;
        site.id = QStringLiteral("hue-dpc-01");
        auto records = SiteRecords::open(m_dir.filePath(QStringLiteral("log.db")), Database::Check::Quick, site, clock);
        QVERIFY(records.ok());
        CheckInService::Request request;
        request.entry.fullName = QStringLiteral("Nguyễn Thị Hoa");
        request.entry.idNumber = QStringLiteral("046090001234");
        QVERIFY(records.value()->service().checkIn(request).ok());
        RollCallRequest rollCall;
        rollCall.folder = m_dir.filePath(QStringLiteral("roll calls")); // made when missing
        rollCall.actor = QStringLiteral("Phan Thị Lễ");
        rollCall.pdf = [](const CheckInService::SitePresence& inside, const QDateTime& at, QIODevice& out,
                          Sha256& hash) {
            return RollCallPdf::write(inside, QString(), SiteTime(7 * 60), at, out, &hash);
        };
        const auto made = rollCall.run(*records.value());
        QVERIFY2(made.ok(), made.ok() ? "" : qPrintable(made.error().message()));
        QCOMPARE(made->inside, 1);
        QCOMPARE(QFileInfo(made->path).fileName(), QStringLiteral("roll-call-2020-08-03-0915.pdf"));
        QVERIFY(run(QStringLiteral("pdftotext"), {made->path, QStringLiteral("-")}).contains(request.entry.fullName));
        // Private to the site's user, and in the audit log with who pressed it and the counts.
        QCOMPARE(QFile::permissions(made->path) & (QFile::ReadGroup | QFile::ReadOther), QFileDevice::Permissions());
        const auto audit = records.value()->audit().latest(1);
        QVERIFY(audit.ok());
        QCOMPARE(audit->first().actor, rollCall.actor);
        QCOMPARE(audit->first().action, QStringLiteral("rollcall"));
        QVERIFY2(audit->first().details.contains(QStringLiteral("inside=1 visitors=1 staff=0 guests=0")),
                 qPrintable(audit->first().details));
    }
};

QTEST_MAIN(TestRollCallPdf)
#include "TestRollCallPdf.moc"
