// CaptureReader and CaptureWriter: line numbers of rejected lines, odd line endings, long
// lines, and a written capture that reads back as the same adverts.
#include "ble/CaptureReader.h"
#include "ble/CaptureWriter.h"

#include <QTemporaryDir>
#include <QTest>

class TestCaptureFiles : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QByteArray& content)
    {
        static int counter = 0;
        const QString path = m_dir.filePath(QStringLiteral("capture%1.jsonl").arg(++counter));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        file.write(content);
        return path;
    }

private slots:
    void reportsEachRejectedLineByNumber()
    {
        const QByteArray good = "{\"t\":1,\"addr\":\"00:00:00:00:00:01\",\"rssi\":-50,\"name\":\"a\"}";
        const QByteArray content = good + "\n" + "not json\r\n" + "\n" + good + "\r\n" + QByteArray(70000, 'x') + "\n" +
                                   "{\"t\":2}\n" + good; // no newline at the end
        CaptureReader reader;
        QVERIFY(reader.open(write(content)).ok());
        Advertisement advert;
        QString reason;
        AdProblem problem;
        QList<std::pair<qint64, bool>> seen; // line number, accepted
        for (;;) {
            const auto item = reader.next(advert, reason, problem);
            if (item == CaptureReader::Item::End)
                break;
            QVERIFY(item != CaptureReader::Item::Failed);
            seen.append({reader.lineNumber(), item == CaptureReader::Item::Advert});
        }
        const QList<std::pair<qint64, bool>> expected{{1, true},  {2, false}, {4, true},
                                                      {5, false}, {6, false}, {7, true}};
        QCOMPARE(seen, expected);
    }

    void lineLongerThanAChunk()
    {
        // A line over the limit that spans reads is reported once and the next line still read.
        const QByteArray content = QByteArray(3 * 1024 * 1024, 'y') + "\n" +
                                   "{\"t\":9,\"addr\":\"00:00:00:00:00:01\",\"rssi\":-50,\"name\":\"b\"}\n";
        CaptureReader reader;
        QVERIFY(reader.open(write(content)).ok());
        Advertisement advert;
        QString reason;
        AdProblem problem;
        QCOMPARE(reader.next(advert, reason, problem), CaptureReader::Item::Rejected);
        QVERIFY(reason.contains(QStringLiteral("longer than")));
        QCOMPARE(reader.lineNumber(), 1);
        QCOMPARE(reader.next(advert, reason, problem), CaptureReader::Item::Advert);
        QCOMPARE(reader.lineNumber(), 2);
        QCOMPARE(advert.timeMs, 9);
        QCOMPARE(reader.next(advert, reason, problem), CaptureReader::Item::End);
    }

    void missingFile()
    {
        CaptureReader reader;
        const auto opened = reader.open(m_dir.filePath(QStringLiteral("absent.jsonl")));
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().kind(), Error::Kind::Input);
        QVERIFY(opened.error().message().contains(QStringLiteral("does not exist")));
    }

    void writtenCaptureReadsBack()
    {
        Advertisement advert;
        advert.timeMs = 1606780800123;
        advert.address = 0x423CFDE6F1C2;
        advert.rssi = -47;
        advert.localName = QStringLiteral("Điện thoại \"Lan\"");
        advert.txPower = -8;
        advert.addServiceUuid(QBluetoothUuid(quint16(0x4E56)));
        advert.addServiceUuid(QBluetoothUuid(QStringLiteral("00004E56-73F5-4BC4-A12F-17D1AD07A667")));
        const QByteArray id = QByteArray::fromHex("507c3b3c88f9c44a8d2184fa");
        advert.addManufacturerData(0x22B5, {reinterpret_cast<const quint8*>(id.constData()), size_t(id.size())});
        advert.addServiceData(QBluetoothUuid(quint16(0xFD6F)), {reinterpret_cast<const quint8*>(id.constData()), 4});
        Advertisement empty;
        empty.timeMs = 5;
        empty.address = 1;
        empty.rssi = Advertisement::RSSI_UNAVAILABLE;

        const QString path = m_dir.filePath(QStringLiteral("written.jsonl"));
        CaptureWriter writer;
        QVERIFY(writer.open(path).ok());
        QVERIFY(writer.write(advert).ok());
        QVERIFY(writer.write(empty).ok());
        QVERIFY(writer.close().ok());

        CaptureReader reader;
        QVERIFY(reader.open(path).ok());
        Advertisement back;
        QString reason;
        AdProblem problem;
        QCOMPARE(reader.next(back, reason, problem), CaptureReader::Item::Advert);
        QCOMPARE(CaptureWriter::line(back), CaptureWriter::line(advert));
        QCOMPARE(back.localName, advert.localName);
        QCOMPARE(back.rssi, -47);
        QCOMPARE(reader.next(back, reason, problem), CaptureReader::Item::Advert);
        QCOMPARE(back.rssi, Advertisement::RSSI_UNAVAILABLE);
        QCOMPARE(reader.next(back, reason, problem), CaptureReader::Item::End);
    }

    void unwritableCapture()
    {
        CaptureWriter writer;
        const auto opened = writer.open(m_dir.filePath(QStringLiteral("no/such/folder/c.jsonl")));
        QVERIFY(!opened.ok());
        QVERIFY(opened.error().message().contains(QStringLiteral("cannot write the capture file")));
    }
};

QTEST_GUILESS_MAIN(TestCaptureFiles)
#include "TestCaptureFiles.moc"
