// CsvReader: RFC 4180 as spreadsheets write it.
#include "common/CsvReader.h"

#include <QTest>

namespace {
QStringList fields(std::initializer_list<const char*> texts)
{
    QStringList list;
    for (const char* text : texts)
        list.append(QString::fromUtf8(text));
    return list;
}
} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT

private slots:
    void records_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QList<QStringList>>("expected");
        QTest::addColumn<QList<int>>("lines");
        QTest::addRow("plain, CRLF") << QByteArray("a,b\r\nc,d\r\n")
                                     << QList<QStringList>{fields({"a", "b"}), fields({"c", "d"})} << QList<int>{1, 2};
        QTest::addRow("BOM and LF") << QByteArray("\xEF\xBB\xBFname,phone\nLan,0912\n")
                                    << QList<QStringList>{fields({"name", "phone"}), fields({"Lan", "0912"})}
                                    << QList<int>{1, 2};
        QTest::addRow("quotes, commas, newlines")
            << QByteArray("\"Lê, Văn \"\"Tám\"\"\",\"two\nlines\",x\nnext,,\n")
            << QList<QStringList>{fields({"Lê, Văn \"Tám\"", "two\nlines", "x"}), fields({"next", "", ""})}
            << QList<int>{1, 3};
        QTest::addRow("blank lines skipped")
            << QByteArray("a\n\n\nb") << QList<QStringList>{fields({"a"}), fields({"b"})} << QList<int>{1, 4};
        QTest::addRow("no final newline")
            << QByteArray("a,\"b\"") << QList<QStringList>{fields({"a", "b"})} << QList<int>{1};
    }

    void records()
    {
        QFETCH(QByteArray, csv);
        QFETCH(QList<QStringList>, expected);
        QFETCH(QList<int>, lines);
        QString problem;
        const QList<CsvReader::Row> rows = CsvReader::parse(csv, &problem);
        QVERIFY(problem.isEmpty());
        QCOMPARE(rows.size(), expected.size());
        for (qsizetype i = 0; i < rows.size(); ++i) {
            QCOMPARE(rows[i].fields, expected[i]);
            QCOMPARE(rows[i].line, lines[i]);
        }
    }

    void unclosedQuote()
    {
        QString problem;
        const QList<CsvReader::Row> rows = CsvReader::parse("a\n\"open,b\nc", &problem);
        QVERIFY(problem.contains(QStringLiteral("line 2")));
        QCOMPARE(rows.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "TestCsvReader.moc"
