// The exports as officials open them: LibreOffice reads the CSV and the XLSX workbook, and every
// field is compared with what was recorded: Vietnamese names with diacritics, commas, quotes,
// line breaks, formula-like names, ID numbers and phones with leading zeros; a stay across
// midnight, one still inside, and the window's edges.
#include "LibreOfficeSheet.h"
#include "export/CsvExport.h"
#include "export/XlsxExport.h"
#include "storage/Database.h"
#include "storage/EntryLog.h"

#include <QSaveFile>
#include <QTemporaryDir>
#include <QTest>

namespace {
// Huế time, +07:00.
QDateTime hue(int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2020, 8, day), QTime(hour, minute), Qt::OffsetFromUTC, 7 * 3600);
}

// What LibreOffice should show for an entry, column by column (formats/export-csv.md).
QStringList expectedFields(const Entry& entry)
{
    const auto iso = [](const std::optional<QDateTime>& at) {
        return at ? at->toOffsetFromUtc(7 * 3600).toString(Qt::ISODate) : QString();
    };
    return {QString::number(entry.id),
            entry.site,
            entry.entrance,
            QStringLiteral("visitor"),
            entry.fullName,
            entry.idNumber,
            entry.phone,
            entry.address,
            iso(entry.checkedInAt),
            iso(entry.checkedOutAt),
            entry.checkedOutAt ? QStringLiteral("kiosk") : QString(),
            QStringLiteral("qr_cccd"),
            QStringLiteral("not_detected"),
            QString(),
            QString(),
            QStringLiteral("fever=no;cough=no")};
}

// The CSV's neutralised spelling of a text (formats/export-csv.md, written here again from the
// contract, not from the code): an apostrophe before every cell a spreadsheet could form (at the
// start, and after each , ; or tab) that, after spaces, starts with = + - @ tab CR LF or their
// full-width forms.
QString neutralised(const QString& value)
{
    static const QString formula = QStringLiteral("=+-@\t\r\n＝＋－＠");
    QString out;
    bool cellStarts = true;
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (cellStarts) {
            qsizetype j = i;
            while (j < value.size() && value[j] == u' ')
                ++j;
            if (j < value.size() && formula.contains(value[j]))
                out += u'\'';
        }
        out += value[i];
        cellStarts = value[i] == u',' || value[i] == u';' || value[i] == u'\t';
    }
    return out;
}
} // namespace

class TestSpreadsheetExport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
    QList<Entry> m_inWindow; // what the window 3 Aug 00:00 - 4 Aug 00:00 must hold, in order

    void add(const QString& name, const QString& idNumber, const QString& phone, const QDateTime& in,
             std::optional<QDateTime> out, bool expected)
    {
        EntryLog log(*m_database);
        Entry entry;
        entry.site = QStringLiteral("hue-dpc-01");
        entry.entrance = QStringLiteral("Cổng chính");
        entry.fullName = name;
        entry.idNumber = idNumber;
        entry.phone = phone;
        entry.address = QStringLiteral("Số 7, ngõ 42\nTrần Phú, \"Phú Nhuận\"");
        entry.checkedInAt = in;
        entry.method = Entry::Method::QrCccd;
        entry.declaration = {{QStringLiteral("fever"), QStringLiteral("no")},
                             {QStringLiteral("cough"), QStringLiteral("no")}};
        entry.id = log.record(entry).value();
        if (out) {
            QVERIFY(log.checkOut(entry.id, *out, Entry::CheckoutKind::Kiosk));
            entry.checkedOutAt = out;
        }
        if (expected)
            m_inWindow.append(entry);
    }

    LibreOfficeSheet read(const QString& file, const QString& filter)
    {
        QString problem;
        const QString work = m_dir.filePath(QFileInfo(file).suffix());
        auto sheet = LibreOfficeSheet::read(file, work, filter, &problem);
        if (!sheet)
            qFatal("LibreOffice could not read %s: %s", qPrintable(file), qPrintable(problem));
        sheet->dropEmptyRows();
        return *sheet;
    }

private slots:
    void initTestCase()
    {
        if (LibreOfficeSheet::program().isEmpty())
            QSKIP("LibreOffice (soffice) is not installed: packaging/install-deps.sh installs libreoffice-calc-nogui.");
        m_database = Database::open(m_dir.filePath(QStringLiteral("log.db"))).value();
        add(QStringLiteral("Left before"), QStringLiteral("046087496268"), QStringLiteral("0912345678"), hue(2, 8),
            hue(2, 23, 59), false);
        add(QStringLiteral("Ends at the start"), QStringLiteral("001099000123"), QStringLiteral("0987000111"),
            hue(2, 22), hue(3, 0), true); // exit == from: it overlaps
        add(QStringLiteral("Lê \"Tám\", ca đêm"), QStringLiteral("046190000001"), QStringLiteral("0912345678"),
            hue(2, 23), hue(3, 6), true); // across midnight
        add(QStringLiteral("Nguyễn Thị Ánh Tuyết\ndòng hai"), QStringLiteral("079301000045"),
            QStringLiteral("+84912345678"), hue(3, 8, 30), hue(3, 9, 15), true);
        add(QStringLiteral("=cmd|' /C calc'!A0"), QStringLiteral("046087496269"), QStringLiteral("0234000999"),
            hue(3, 9), std::nullopt, true); // still inside
        // Issue 12: what a spreadsheet splitting on ; (Vietnamese and European locales) or on tab
        // would have made a formula, and the full-width forms.
        add(QStringLiteral("a;=2+3"), QStringLiteral("046087496272"), QStringLiteral("0912000001"), hue(3, 10),
            hue(3, 11), true);
        add(QStringLiteral("x;=HYPERLINK(\"http://e.vn\",\"bấm\")"), QStringLiteral("046087496273"),
            QStringLiteral("0912000002"), hue(3, 10), hue(3, 11), true);
        add(QStringLiteral("b\t=1+1"), QStringLiteral("046087496274"), QStringLiteral("0912000003"), hue(3, 10),
            hue(3, 11), true);
        add(QStringLiteral("＝1+2"), QStringLiteral("046087496275"), QStringLiteral("  -7"), hue(3, 10), hue(3, 11),
            true);
        add(QStringLiteral("c, +84;@SUM(A1)"), QStringLiteral("046087496276"), QStringLiteral("0912000004"), hue(3, 10),
            hue(3, 11), true);
        add(QStringLiteral("@SUM(A1:A9)"), QStringLiteral("046087496270"), QStringLiteral("-1"), hue(3, 23, 59),
            hue(4, 0, 30), true);
        add(QStringLiteral("Starts at the end"), QStringLiteral("046087496271"), QStringLiteral("0912000000"),
            hue(4, 0), hue(4, 1), false); // entry == to: outside
    }

    void csvAsLibreOfficeReadsIt()
    {
        const QString path = m_dir.filePath(QStringLiteral("entries.csv"));
        QSaveFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(CsvExport::write(*m_database, file, hue(3, 0), hue(4, 0), QStringLiteral("vi"), 420).value(),
                 m_inWindow.size());
        QVERIFY(file.commit());

        // UTF-8 (76), comma, double quote, every column as text: what an official picks in the
        // import dialog to keep leading zeros.
        QStringList columns;
        for (int c = 1; c <= 16; ++c)
            columns << QStringLiteral("%1/2").arg(c);
        const LibreOfficeSheet sheet = read(path, QStringLiteral("CSV:44,34,76,1,") + columns.join(QLatin1Char('/')));
        QCOMPARE(sheet.rows.size(), m_inWindow.size() + 1);
        QStringList header;
        for (const auto& cell : sheet.rows[0])
            header << cell.value;
        QCOMPARE(header, CsvExport::vietnameseColumns());
        for (qsizetype r = 0; r < m_inWindow.size(); ++r) {
            const QStringList expected = expectedFields(m_inWindow[r]);
            const auto& row = sheet.rows[r + 1];
            for (int c = 0; c < 16; ++c) {
                const QString shown = c < row.size() ? row[c].value : QString();
                QCOMPARE(shown, neutralised(expected[c]));
            }
        }
    }

    void csvFormulasStayText()
    {
        // With the import dialog's defaults (numbers detected), a neutralised cell is still text:
        // nothing in the export runs as a formula.
        const QString path = m_dir.filePath(QStringLiteral("entries.csv"));
        const LibreOfficeSheet sheet = read(path, QStringLiteral("CSV:44,34,76,1"));
        for (qsizetype r = 1; r < sheet.rows.size(); ++r) {
            for (const auto& cell : sheet.rows[r])
                QVERIFY2(cell.type != QLatin1String("float") || !cell.value.startsWith(QLatin1Char('=')),
                         qPrintable(cell.value));
        }
        QCOMPARE(sheet.rows[4][4].type, QStringLiteral("string"));
        QCOMPARE(sheet.rows[4][4].value, QStringLiteral("'=cmd|' /C calc'!A0"));
    }

    void noSeparatorMakesAFormula_data()
    {
        QTest::addColumn<int>("separator");
        QTest::addRow("comma") << int(',');
        QTest::addRow("semicolon") << int(';');
        QTest::addRow("tab") << int('\t');
    }

    void noSeparatorMakesAFormula()
    {
        // The export opened as an official in another locale would: split on , ; or tab, formulas
        // evaluated (the import dialog's "Evaluate formulas", token 13 of the CSV filter options).
        // No cell may become a formula.
        QFETCH(int, separator);
        const QString path = m_dir.filePath(QStringLiteral("entries.csv"));
        const LibreOfficeSheet sheet =
            read(path, QStringLiteral("CSV:%1,34,76,1,,0,false,true,false,false,false,-1,true").arg(separator));
        QVERIFY(sheet.rows.size() > m_inWindow.size());
        int cells = 0;
        for (const auto& row : sheet.rows) {
            for (const auto& cell : row) {
                ++cells;
                QVERIFY2(cell.formula.isEmpty(), qPrintable(cell.formula));
            }
        }
        QVERIFY(cells >= sheet.rows.size()); // it was read (one cell a line when the split is not at ,)
    }

    void xlsxAsLibreOfficeReadsIt()
    {
        const QString path = m_dir.filePath(QStringLiteral("entries.xlsx"));
        QCOMPARE(XlsxExport::write(*m_database, path, hue(3, 0), hue(4, 0), QStringLiteral("en"), 420).value(),
                 m_inWindow.size());
        const LibreOfficeSheet sheet = read(path, QString());
        QCOMPARE(sheet.rows.size(), m_inWindow.size() + 1);
        for (int c = 0; c < 16; ++c)
            QCOMPARE(sheet.rows[0][c].value, CsvExport::columns()[c]);
        for (qsizetype r = 0; r < m_inWindow.size(); ++r) {
            const Entry& entry = m_inWindow[r];
            const QStringList expected = expectedFields(entry);
            const auto& row = sheet.rows[r + 1];
            QCOMPARE(row[0].type, QStringLiteral("float"));
            QCOMPARE(row[0].value, expected[0]);
            for (int c = 1; c < 16; ++c) {
                const QString type = c < row.size() ? row[c].type : QString();
                const QString value = c < row.size() ? row[c].value : QString();
                if (c == 8 || c == 9) {
                    // Date-time cells in the site's time: LibreOffice gives them without offset.
                    const QString local = expected[c].left(19);
                    QCOMPARE(type, local.isEmpty() ? QString() : QStringLiteral("date"));
                    // (LibreOffice leaves out a time of exactly midnight: 2020-08-03.)
                    QCOMPARE(QDateTime::fromString(value, Qt::ISODate), QDateTime::fromString(local, Qt::ISODate));
                } else {
                    // Text cells, exactly as recorded: leading zeros kept, formulas not run, not
                    // even neutralised (a workbook's string cell is never a formula).
                    QCOMPARE(type, expected[c].isEmpty() ? QString() : QStringLiteral("string"));
                    QCOMPARE(value, expected[c]);
                }
            }
        }
    }

    void xlsxNoPartialFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("no/such/folder/entries.xlsx"));
        auto written = XlsxExport::write(*m_database, path, hue(3, 0), hue(4, 0), QStringLiteral("en"), 420);
        QVERIFY(!written.ok());
        QVERIFY2(written.error().message().contains(QStringLiteral("cannot write")),
                 qPrintable(written.error().message()));
        QVERIFY(!QFileInfo::exists(path));
    }

    void serialDates()
    {
        // 1970-01-01T07:00:00+07:00 is serial 25569.291666...; 2020-08-03T00:00+07:00 is 44046.
        QCOMPARE(XlsxExport::serialDate(0, 7 * 3600), 25569.0 + 7.0 / 24.0);
        QCOMPARE(XlsxExport::serialDate(hue(3, 0).toMSecsSinceEpoch(), 7 * 3600), 44046.0);
        QCOMPARE(XlsxExport::serialDate(-1, 0), 25569.0 - 1.0 / 86400.0); // floors to the whole second
    }
};

QTEST_GUILESS_MAIN(TestSpreadsheetExport)
#include "TestSpreadsheetExport.moc"
