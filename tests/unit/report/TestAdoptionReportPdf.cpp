// The adoption report's PDF page: one A4 page in Vietnamese (poppler's pdftotext finds the title
// and a name with diacritics), and a picture of it (pdftoppm) with the chart's bars drawn in their
// colours. The picture is left in the build's tests/pictures folder for a person to look at.
#include "AdoptionReportPdf.h"
#include "DailyEntriesChart.h"
#include "common/Translation.h"
#include "export/AdoptionReport.h"
#include "storage/Database.h"
#include "storage/EntryLog.h"

#include <QBuffer>
#include <QDir>
#include <QImage>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {
QString run(const QString& program, const QStringList& arguments)
{
    QProcess process;
    process.start(QStandardPaths::findExecutable(program), arguments);
    process.waitForFinished(60000);
    return QString::fromUtf8(process.readAllStandardOutput());
}
} // namespace

class TestAdoptionReportPdf : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    // The entries' axis ends at a round number above the busiest day: four gridlines of 1, 2, 2.5
    // or 5 times a power of ten.
    void theEntriesAxisEndsAtARoundNumber()
    {
        QCOMPARE(DailyEntriesChart::axisTop(0), 4);
        QCOMPARE(DailyEntriesChart::axisTop(3), 4);
        QCOMPARE(DailyEntriesChart::axisTop(53), 80);
        QCOMPARE(DailyEntriesChart::axisTop(72), 80);
        QCOMPARE(DailyEntriesChart::axisTop(74), 100); // gridlines at 25, 50, 75
        QCOMPARE(DailyEntriesChart::axisTop(92), 200);
        QCOMPARE(DailyEntriesChart::axisTop(651), 800);
        QCOMPARE(DailyEntriesChart::axisTop(800), 1000);
    }

    void onePageInVietnamese()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftoppm")).isEmpty())
            QSKIP("poppler-utils (pdftoppm, pdftotext) is not installed: packaging/install-deps.sh installs it.");
        auto database = Database::open(m_dir.filePath(QStringLiteral("log.db"))).value();
        EntryLog log(*database);
        const QDateTime start(QDate(2020, 8, 1), QTime(7, 0), Qt::OffsetFromUTC, 7 * 3600);
        // Fourteen days; the share with the app rises from 30 % to 95 % as the agency campaigns.
        for (int day = 0; day < 14; ++day) {
            for (int i = 0; i < 40 + day; ++i) {
                Entry entry;
                entry.site = QStringLiteral("hue-dpc-01");
                entry.entrance = QStringLiteral("main");
                entry.personType = i % 3 == 0 ? Entry::PersonType::Staff : Entry::PersonType::Visitor;
                entry.fullName = i % 3 == 0 ? QStringLiteral("Nguyễn Thị Ánh %1").arg(i) : QStringLiteral("Khách");
                entry.idNumber = QStringLiteral("0460000%1").arg(i, 5, 10, QLatin1Char('0'));
                entry.checkedInAt = start.addDays(day).addSecs(i * 300);
                entry.appStatus =
                    (i * 100 / (40 + day)) < 30 + day * 5 ? Entry::AppStatus::Verified : Entry::AppStatus::NotDetected;
                QVERIFY(log.record(entry).ok());
            }
        }
        const auto report = AdoptionReport::compute(*database, start.addSecs(-7 * 3600), start.addDays(14), 7 * 60);
        QVERIFY(report.ok());

        Translation translation;
        QVERIFY(translation.apply(QStringLiteral("vi")));
        QFile pdf(m_dir.filePath(QStringLiteral("report.pdf")));
        QVERIFY(pdf.open(QIODevice::WriteOnly));
        QVERIFY(AdoptionReportPdf::write(report.value(), QStringLiteral("Sở Y tế Thừa Thiên Huế"), pdf).ok());
        pdf.close();

        const QString text = run(QStringLiteral("pdftotext"), {pdf.fileName(), QStringLiteral("-")});
        QVERIFY2(text.contains(QStringLiteral("Báo cáo sử dụng ứng dụng truy vết")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Sở Y tế Thừa Thiên Huế")));
        QVERIFY(text.contains(QStringLiteral("Nguyễn Thị Ánh")));
        QVERIFY(text.contains(QString::number(report->total().entries())));
        QCOMPARE(text.count(QLatin1Char('\f')), 1); // one page

        const QString pictures = QStringLiteral(GATEHOUSE_PICTURES);
        QVERIFY(QDir().mkpath(pictures));
        const QString prefix = pictures + QStringLiteral("/adoption-report-vi");
        run(QStringLiteral("pdftoppm"), {QStringLiteral("-r"), QStringLiteral("60"), QStringLiteral("-png"),
                                         QStringLiteral("-singlefile"), pdf.fileName(), prefix});
        const QImage page(prefix + QStringLiteral(".png"));
        QVERIFY(!page.isNull());
        QVERIFY(page.height() > page.width()); // A4 portrait
        // The chart's bars: visitors in dark green and staff in orange cover part of the page.
        int green = 0;
        int orange = 0;
        for (int y = 0; y < page.height(); ++y) {
            for (int x = 0; x < page.width(); ++x) {
                const QColor c = page.pixelColor(x, y);
                green += qAbs(c.red() - 0x0b) < 12 && qAbs(c.green() - 0x5d) < 12 && qAbs(c.blue() - 0x3b) < 12;
                orange += qAbs(c.red() - 0xe0) < 12 && qAbs(c.green() - 0x8a) < 12 && qAbs(c.blue() - 0x1e) < 12;
            }
        }
        QVERIFY2(green > 2000 && orange > 1000, qPrintable(QStringLiteral("%1 %2").arg(green).arg(orange)));
    }
};

QTEST_MAIN(TestAdoptionReportPdf)
#include "TestAdoptionReportPdf.moc"
