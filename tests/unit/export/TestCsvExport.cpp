// CsvExport: formats/export-csv.md to the letter, read back with an RFC 4180 reader and compared
// field by field: Vietnamese names, commas, quotes, line breaks, formula-like names; which
// entries a window takes at its edges and across midnight.
#include "common/CsvReader.h"
#include "crypto/Sha256.h"
#include "export/CsvExport.h"
#include "storage/Database.h"
#include "storage/EntryLog.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>

namespace {
// Huế time, +07:00.
QDateTime hue(int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2020, 8, day), QTime(hour, minute), Qt::OffsetFromUTC, 7 * 3600);
}
} // namespace

class TestCsvExport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_count = 0;

private slots:
    void fields_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QByteArray>("csv");
        // Every field quoted (formats/export-csv.md), so that a separator inside one never splits it.
        QTest::addRow("plain") << QStringLiteral("Trần Thị Bích Ngọc") << QByteArray("\"Trần Thị Bích Ngọc\"");
        QTest::addRow("comma") << QStringLiteral("Số 7, Huế") << QByteArray("\"Số 7, Huế\"");
        QTest::addRow("quote") << QStringLiteral("Lê \"Tám\"") << QByteArray("\"Lê \"\"Tám\"\"\"");
        QTest::addRow("line break") << QStringLiteral("a\nb") << QByteArray("\"a\nb\"");
        QTest::addRow("formula =") << QStringLiteral("=1+1") << QByteArray("\"'=1+1\"");
        QTest::addRow("formula +") << QStringLiteral("+84912") << QByteArray("\"'+84912\"");
        QTest::addRow("formula -") << QStringLiteral("-2") << QByteArray("\"'-2\"");
        QTest::addRow("formula @") << QStringLiteral("@SUM(A1)") << QByteArray("\"'@SUM(A1)\"");
        QTest::addRow("tab") << QStringLiteral("\tx") << QByteArray("\"'\tx\"");
        QTest::addRow("carriage return") << QStringLiteral("\rx") << QByteArray("\"'\rx\"");
        QTest::addRow("line feed") << QStringLiteral("\n=1") << QByteArray("\"'\n=1\"");
        QTest::addRow("after leading spaces") << QStringLiteral("  =1+1") << QByteArray("\"'  =1+1\"");
        QTest::addRow("full-width =") << QStringLiteral("＝1+1") << QByteArray("\"'＝1+1\"");
        QTest::addRow("full-width +") << QStringLiteral("＋84") << QByteArray("\"'＋84\"");
        QTest::addRow("full-width -") << QStringLiteral("－2") << QByteArray("\"'－2\"");
        QTest::addRow("full-width @") << QStringLiteral("＠SUM(A1)") << QByteArray("\"'＠SUM(A1)\"");
        QTest::addRow("formula with comma")
            << QStringLiteral("=HYPERLINK(\"x\",\"y\")") << QByteArray("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
        // Where a spreadsheet splitting on ; (Vietnamese and European locales) or tab would start a cell.
        QTest::addRow("after a semicolon") << QStringLiteral("a;=2+3") << QByteArray("\"a;'=2+3\"");
        QTest::addRow("the issue's name")
            << QStringLiteral("x;=HYPERLINK(\"http://e.vn\")") << QByteArray("\"x;'=HYPERLINK(\"\"http://e.vn\"\")\"");
        QTest::addRow("after a comma and spaces") << QStringLiteral("x,  -1") << QByteArray("\"x,'  -1\"");
        QTest::addRow("after a tab") << QStringLiteral("a\t@x") << QByteArray("\"a\t'@x\"");
        QTest::addRow("a declaration stays")
            << QStringLiteral("fever=no;cough=no") << QByteArray("\"fever=no;cough=no\"");
        QTest::addRow("leading zero kept") << QStringLiteral("0912345678") << QByteArray("\"0912345678\"");
        QTest::addRow("empty") << QString() << QByteArray("\"\"");
    }

    void fields()
    {
        QFETCH(QString, value);
        QFETCH(QByteArray, csv);
        QCOMPARE(CsvExport::field(value), csv);
    }

    void isoTimes_data()
    {
        QTest::addColumn<QDateTime>("at");
        QTest::addColumn<int>("offset");
        QTest::addRow("Huế") << hue(3, 8, 30) << 7 * 3600;
        QTest::addRow("UTC") << hue(3, 8, 30) << 0;
        QTest::addRow("west of UTC") << hue(3, 1, 5) << -(3 * 3600 + 30 * 60);
        QTest::addRow("leap day") << QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59), Qt::UTC) << 7 * 3600;
        QTest::addRow("before 1970") << QDateTime(QDate(1969, 12, 31), QTime(23, 0, 1, 500), Qt::UTC) << 0;
        QTest::addRow("year 2100") << QDateTime(QDate(2100, 3, 1), QTime(0, 0), Qt::UTC) << 7 * 3600;
        QTest::addRow("year 9999, last second")
            << QDateTime(QDate(9999, 12, 31), QTime(16, 59, 59), Qt::UTC) << 7 * 3600;
        QTest::addRow("beyond 9999") << QDateTime(QDate(12000, 1, 1), QTime(0, 0), Qt::UTC) << 0;
    }

    void isoTimes()
    {
        QFETCH(QDateTime, at);
        QFETCH(int, offset);
        // Exactly what Qt writes, faster.
        QCOMPARE(CsvExport::isoTime(at.toMSecsSinceEpoch(), offset),
                 at.toOffsetFromUtc(offset).toString(Qt::ISODate).toLatin1());
    }

    void writesTheWindowFieldByField()
    {
        auto database = Database::open(m_dir.filePath(QStringLiteral("e%1.db").arg(++m_count))).value();
        EntryLog log(*database);
        const auto add = [&](const QString& name, const QDateTime& in, std::optional<QDateTime> out) {
            Entry entry;
            entry.site = QStringLiteral("hue-dpc-01");
            entry.entrance = QStringLiteral("Cổng chính");
            entry.fullName = name;
            entry.idNumber = QStringLiteral("046087496268");
            entry.phone = QStringLiteral("0912345678");
            entry.address = QStringLiteral("Số 7, ngõ 42\nTrần Phú");
            entry.checkedInAt = in;
            entry.method = Entry::Method::QrCccd;
            entry.declaration = {{QStringLiteral("fever"), QStringLiteral("no")},
                                 {QStringLiteral("cough"), QStringLiteral("no")}};
            const qint64 id = log.record(entry).value();
            if (out)
                (void)log.checkOut(id, *out, Entry::CheckoutKind::Kiosk);
            return id;
        };
        add(QStringLiteral("Left before"), hue(2, 8), hue(2, 23, 59));                         // ends before the window
        const qint64 edge = add(QStringLiteral("Ends at start"), hue(2, 22), hue(3, 0));       // exit == from: overlaps
        const qint64 night = add(QStringLiteral("Lê \"Tám\", ca đêm"), hue(2, 23), hue(3, 6)); // across midnight
        const qint64 formula = add(QStringLiteral("=cmd|' /C calc'!A0"), hue(3, 9), std::nullopt); // still inside
        add(QStringLiteral("Starts at end"), hue(4, 0), hue(4, 1)); // entry == to: outside

        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        Sha256 hash;
        auto rows = CsvExport::write(*database, buffer, hue(3, 0), hue(4, 0), QStringLiteral("en"), 7 * 60, &hash);
        QVERIFY(rows.ok());
        QCOMPARE(rows.value(), 3);
        const QByteArray bytes = buffer.data();
        // The hash the audit log records is the hash of exactly the bytes written.
        QCOMPARE(hash.result(), QCryptographicHash::hash(bytes, QCryptographicHash::Sha256));
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"
                                 "\"entry_id\",\"site\","));
        QVERIFY(bytes.endsWith("\r\n"));
        QCOMPARE(bytes.count("\r\n"), 4); // records end in CRLF; the line break inside a field is LF

        QString problem;
        const QList<CsvReader::Row> csv = CsvReader::parse(bytes, &problem);
        QVERIFY(problem.isEmpty());
        QCOMPARE(csv.size(), 4);
        QCOMPARE(csv[0].fields, CsvExport::columns());
        QCOMPARE(csv[1].fields[0], QString::number(edge));
        QCOMPARE(csv[2].fields[0], QString::number(night));
        QCOMPARE(csv[3].fields[0], QString::number(formula));
        const QStringList row = csv[2].fields;
        QCOMPARE(row.size(), 16);
        QCOMPARE(row[1], QStringLiteral("hue-dpc-01"));
        QCOMPARE(row[2], QStringLiteral("Cổng chính"));
        QCOMPARE(row[3], QStringLiteral("visitor"));
        QCOMPARE(row[4], QStringLiteral("Lê \"Tám\", ca đêm"));
        QCOMPARE(row[5], QStringLiteral("046087496268"));
        QCOMPARE(row[6], QStringLiteral("0912345678"));
        QCOMPARE(row[7], QStringLiteral("Số 7, ngõ 42\nTrần Phú"));
        QCOMPARE(row[8], QStringLiteral("2020-08-02T23:00:00+07:00"));
        QCOMPARE(row[9], QStringLiteral("2020-08-03T06:00:00+07:00"));
        QCOMPARE(row[10], QStringLiteral("kiosk"));
        QCOMPARE(row[11], QStringLiteral("qr_cccd"));
        QCOMPARE(row[12], QStringLiteral("not_detected"));
        QCOMPARE(row[15], QStringLiteral("fever=no;cough=no"));
        // The formula is neutralised in the file; still inside: no exit.
        QCOMPARE(csv[3].fields[4], QStringLiteral("'=cmd|' /C calc'!A0"));
        QCOMPARE(csv[3].fields[9], QString());
        QCOMPARE(log.find(formula).value()->fullName, QStringLiteral("=cmd|' /C calc'!A0")); // the database keeps it
    }

    void vietnameseHeadersAndAnEmptyWindow()
    {
        auto database = Database::open(m_dir.filePath(QStringLiteral("e%1.db").arg(++m_count))).value();
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QCOMPARE(CsvExport::write(*database, buffer, hue(3, 0), hue(4, 0), QStringLiteral("vi"), 420).value(), 0);
        const QList<CsvReader::Row> csv = CsvReader::parse(buffer.data());
        QCOMPARE(csv.size(), 1);
        QCOMPARE(csv[0].fields, CsvExport::vietnameseColumns());
        QCOMPARE(csv[0].fields[4], QStringLiteral("Họ và tên"));
    }
};

QTEST_GUILESS_MAIN(TestCsvExport)
#include "TestCsvExport.moc"
