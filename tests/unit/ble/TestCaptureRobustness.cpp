// The capture-line reader and AdParser on hostile input, in the regular test suite (the
// libFuzzer target in tests/fuzz needs clang): a few hundred thousand mutated lines and random
// AD bytes, deterministic from fixed seeds. Under the dev preset's sanitizers a crash, an
// overflow or a leak fails the test; the assertions check that what is accepted is consistent.
#include "ble/AdParser.h"
#include "ble/CaptureLineParser.h"
#include "ble/CaptureWriter.h"

#include <QRandomGenerator>
#include <QTest>

namespace {
// Valid lines of every shape the format allows, to mutate from.
const QList<QByteArray> SEEDS{
    "{\"t\":4979,\"addr\":\"42:3C:FD:E6:F1:C2\",\"rssi\":-94,\"ad\":"
    "\"02011a0303564e0fffb522507c3b3c88f9c44a8d2184fa\"}",
    "{\"t\": 670378, \"addr\": \"75:C7:97:FF:08:A6\", \"rssi\": -83, \"uuids\": "
    "[\"b82ab3fc-1595-4f6a-80f0-fe094cc218f9\"], \"mfr\": {\"03ff\": \"4a524d\"}, \"tx\": -10}",
    "{\"t\":1,\"addr\":\"00:00:00:00:00:01\",\"rssi\":-1,\"name\":\"\\u0110\\u00e0 "
    "\\\"x\\\"\",\"svc\":{\"fd6f\":\"0102\"}}",
    "{\"x\":{\"a\":[1,2.5e3,true,false,null]},\"t\":1,\"addr\":\"00:00:00:00:00:01\",\"rssi\":127,\"ad\":\"\"}",
};
// Bytes that make JSON and AD structures interesting.
const QByteArray PUNCTUATION = "{}[]\":,\\ -0123456789abcdefuxtnrTFEe.\x00\xff\x7f\xc3";

QByteArray mutate(QByteArray line, QRandomGenerator& random)
{
    const int edits = random.bounded(1, 6);
    for (int i = 0; i < edits && !line.isEmpty(); ++i) {
        const auto at = random.bounded(line.size());
        switch (random.bounded(5)) {
        case 0: // flip a bit
            line[at] = char(line[at] ^ (1 << random.bounded(8)));
            break;
        case 1: // drop a byte
            line.remove(at, 1);
            break;
        case 2: // insert a telling byte
            line.insert(at, PUNCTUATION[random.bounded(PUNCTUATION.size())]);
            break;
        case 3: // truncate
            line.truncate(at);
            break;
        default: // duplicate a stretch
            line.insert(at, line.mid(random.bounded(line.size()), random.bounded(1, 12)));
            break;
        }
    }
    return line;
}
} // namespace

class TestCaptureRobustness : public QObject
{
    Q_OBJECT

private slots:
    void mutatedLines()
    {
        QRandomGenerator random(20200720);
        int accepted = 0;
        for (int i = 0; i < 200000; ++i) {
            const QByteArray line = mutate(SEEDS[i % SEEDS.size()], random);
            Advertisement advert;
            const auto outcome =
                CaptureLineParser::parse(std::string_view(line.constData(), size_t(line.size())), advert);
            if (!outcome.accepted) {
                QVERIFY(!outcome.reason.isEmpty());
                continue;
            }
            ++accepted;
            // Whatever is accepted writes back as a line that reads back the same.
            const QByteArray written = CaptureWriter::line(advert);
            Advertisement again;
            QVERIFY2(
                CaptureLineParser::parse(std::string_view(written.constData(), size_t(written.size())), again).accepted,
                written.constData());
            QCOMPARE(CaptureWriter::line(again), written);
        }
        // The mutations must leave some lines valid, or the round trip above tested nothing.
        QVERIFY2(accepted > 1000, qPrintable(QString::number(accepted)));
    }

    void randomAdData()
    {
        QRandomGenerator random(15);
        for (int i = 0; i < 200000; ++i) {
            QByteArray bytes(random.bounded(0, 80), Qt::Uninitialized);
            for (char& byte : bytes) {
                // Small length bytes make well-formed structures likely, so deep paths are reached.
                byte = char(random.bounded(4) == 0 ? random.bounded(0, 32) : random.bounded(256));
            }
            Advertisement advert;
            const AdProblem problem =
                AdParser::parse({reinterpret_cast<const quint8*>(bytes.constData()), size_t(bytes.size())}, advert);
            if (problem) {
                QVERIFY(problem.offset >= 0 && problem.offset < bytes.size());
                QVERIFY(!problem.describe().isEmpty());
            }
            QVERIFY(advert.bytes.size() <= bytes.size());
        }
    }
};

QTEST_GUILESS_MAIN(TestCaptureRobustness)
#include "TestCaptureRobustness.moc"
