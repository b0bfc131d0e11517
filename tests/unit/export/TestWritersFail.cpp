// Every writer of a file handed out fails with a sentence when its device fails half-way
// (tests/fakes/FailDevice.h), and OutputFile then leaves no file behind, whole or partial: the
// export, the trace, the adoption report's CSV and the audit export (issue 12).
#include "FailDevice.h"
#include "SiteLog.h"
#include "crypto/Sha256.h"
#include "export/AdoptionReport.h"
#include "export/AuditExportRequest.h"
#include "export/ContactTrace.h"
#include "export/CsvExport.h"
#include "export/OutputFile.h"
#include "records/SiteRecords.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

namespace {
QDateTime hue(int day, int hour)
{
    return QDateTime(QDate(2020, 8, day), QTime(hour, 0), Qt::OffsetFromUTC, 7 * 3600);
}
} // namespace

class TestWritersFail : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SiteRecords> m_records;
    std::unique_ptr<FakeClock> m_clock;

private slots:
    void initTestCase()
    {
        m_clock = std::make_unique<FakeClock>(hue(3, 12).toUTC());
        m_records = SiteRecords::open(m_dir.filePath(QStringLiteral("log.db")), Database::Check::None, Site(), *m_clock)
                        .value();
        // Enough rows that every writer writes more than the device takes.
        for (int i = 0; i < 300; ++i) {
            CheckInService::Request request;
            request.entry.fullName = QStringLiteral("Khách Thứ %1").arg(i);
            request.entry.idNumber = QStringLiteral("046%1").arg(i, 9, 10, QLatin1Char('0'));
            request.entry.checkedInAt = hue(3, 8).addSecs(i * 60);
            request.app = SiteLog::bluezonePhone();
            QVERIFY(m_records->service().checkIn(request).ok());
            QVERIFY(m_records->audit()
                        .append({m_clock->now(), QStringLiteral("test"), QStringLiteral("note"),
                                 QStringLiteral("row %1").arg(i)})
                        .ok());
        }
    }

    void exportFails()
    {
        FailDevice device(1000);
        device.open(QIODevice::WriteOnly);
        const auto written =
            CsvExport::write(m_records->database(), device, hue(3, 0), hue(4, 0), QStringLiteral("vi"), 420);
        QVERIFY(!written.ok());
        QVERIFY2(written.error().message().contains(QStringLiteral("No space left on device")),
                 qPrintable(written.error().message()));
    }

    void traceFails()
    {
        const auto contacts = ContactTrace::find(m_records->entries(), m_records->service().site(),
                                                 QStringLiteral("046000000000"), hue(3, 0), hue(4, 0), hue(4, 0));
        QVERIFY(contacts.ok());
        QVERIFY(contacts->size() > 100);
        FailDevice device(1000);
        device.open(QIODevice::WriteOnly);
        const auto written = ContactTrace::writeCsv(contacts.value(), device, QStringLiteral("en"), 420);
        QVERIFY(!written.ok());
        QVERIFY(written.error().message().contains(QStringLiteral("could not be written")));
    }

    void reportFails()
    {
        const auto report = AdoptionReport::compute(m_records->database(), hue(1, 0), hue(4, 0), 420);
        QVERIFY(report.ok());
        FailDevice device(100);
        device.open(QIODevice::WriteOnly);
        const auto written = report->writeCsv(device, QStringLiteral("vi"));
        QVERIFY(!written.ok());
        QVERIFY(!written.error().message().isEmpty());
    }

    void noPartialFileIsLeft()
    {
        // Whatever writes the file fails half-way: nothing at the path, no temporary file beside it.
        QTemporaryDir folder;
        const QString path = folder.filePath(QStringLiteral("entries.csv"));
        const auto written = OutputFile::write(path, [](QIODevice& out) -> Result<qint64> {
            out.write(QByteArray(5000, 'x'));
            return Error(Error::Kind::Failed, QStringLiteral("The export could not be written (device full)."));
        });
        QVERIFY(!written.ok());
        QVERIFY(!QFileInfo::exists(path));
        QCOMPARE(QDir(folder.path()).entryList(QDir::Files | QDir::Hidden), QStringList());
    }

    void auditExportFailsWithoutAFile()
    {
        // The audit export through its own request, into a folder that cannot be written.
        AuditExportRequest request;
        request.ask.path = m_dir.filePath(QStringLiteral("no/such/folder/audit.csv"));
        const auto handed = request.run(*m_records);
        QVERIFY(!handed.ok());
        QVERIFY2(handed.error().message().contains(QStringLiteral("cannot write")),
                 qPrintable(handed.error().message()));
        QVERIFY(!QFileInfo::exists(request.ask.path));
    }
};

QTEST_GUILESS_MAIN(TestWritersFail)
#include "TestWritersFail.moc"
