// `gatehouse-cli decode`, `keygen` and `pass issue` end to end: the shared camera-like frames
// match their expect.json; a pass issued here decodes as valid from its PNG; bad files get a
// sentence and exit code 2 while the other files are still decoded.
#include "ProcessRun.h"
#include "qr/MjpegClipWriter.h"
#include "qr/QrEncoder.h"

#include <QDir>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString CLI = QStringLiteral(GATEHOUSE_CLI);
const QString FRAMES = QStringLiteral(GATEHOUSE_SHARED_SAMPLES "/qr-frames");

using Run = ProcessRun;

Run run(const QStringList& arguments)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_MEDIA_BACKEND"), QStringLiteral("ffmpeg"));
    return ProcessRun::start(CLI, arguments, environment);
}
} // namespace

class TestDecodeCommand : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void sharedFramesMatchTheirExpectations()
    {
        QFile expectFile(FRAMES + QStringLiteral("/expect.json"));
        if (!expectFile.open(QIODevice::ReadOnly))
            QSKIP("../shared/samples/qr-frames is not on this machine.");
        const QJsonObject expect = QJsonDocument::fromJson(expectFile.readAll()).object();
        QFile nowFile(FRAMES + QStringLiteral("/now.txt"));
        QVERIFY(nowFile.open(QIODevice::ReadOnly));
        const QString now = QString::fromUtf8(nowFile.readAll()).trimmed();
        // As issue 4 gives it: `decode --trust keys --now NOW --json qr-frames/*`.
        QStringList arguments{QStringLiteral("decode"),
                              QStringLiteral("--trust"),
                              FRAMES + QStringLiteral("/keys"),
                              QStringLiteral("--now"),
                              now,
                              QStringLiteral("--json")};
        const QDir dir(FRAMES);
        for (const QString& entry : dir.entryList(QDir::AllEntries | QDir::NoDotAndDotDot, QDir::Name))
            arguments.append(dir.filePath(entry));
        const Run result = run(arguments);
        QCOMPARE(result.exitCode, 0);

        QHash<QString, QList<QJsonObject>> byFile;
        for (const QJsonObject& line : result.jsonLines())
            byFile[QFileInfo(line.value(QStringLiteral("file")).toString()).fileName()].append(line);
        QCOMPARE(qsizetype(expect.size()), qsizetype(16));
        for (auto it = expect.begin(); it != expect.end(); ++it) {
            const QJsonObject e = it.value().toObject();
            const QList<QJsonObject> got = byFile.value(it.key());
            QVERIFY2(!got.isEmpty(), qPrintable(it.key()));
            if (e.value(QStringLiteral("text")).isNull()) {
                QCOMPARE(got.size(), 1);
                QCOMPARE(got.first().value(QStringLiteral("found")).toBool(), false);
                continue;
            }
            const auto match = std::find_if(got.cbegin(), got.cend(), [&e](const QJsonObject& g) {
                return g.value(QStringLiteral("text")) == e.value(QStringLiteral("text"));
            });
            QVERIFY2(match != got.cend(), qPrintable(it.key()));
            const QJsonObject g = *match;
            // expect.json leaves kind, valid and reason null where they do not apply.
            if (!e.value(QStringLiteral("kind")).isNull())
                QCOMPARE(g.value(QStringLiteral("kind")).toString(), e.value(QStringLiteral("kind")).toString());
            else
                QVERIFY(g.value(QStringLiteral("kind")) == QLatin1String("url") ||
                        g.value(QStringLiteral("kind")) == QLatin1String("text"));
            if (!e.value(QStringLiteral("valid")).isNull())
                QCOMPARE(g.value(QStringLiteral("valid")), e.value(QStringLiteral("valid")));
            if (!e.value(QStringLiteral("reason")).isNull())
                QCOMPARE(g.value(QStringLiteral("reason")), e.value(QStringLiteral("reason")));
            const QJsonObject fields = e.value(QStringLiteral("fields")).toObject();
            for (auto f = fields.begin(); f != fields.end(); ++f)
                QCOMPARE(g.value(QStringLiteral("fields"))[f.key()].toString(), f.value().toString());
        }
    }

    void issueAPassAndDecodeIt()
    {
        const QString keys = m_dir.filePath(QStringLiteral("keys"));
        const Run keygen = run({QStringLiteral("keygen"), QStringLiteral("--out"), keys});
        QCOMPARE(keygen.exitCode, 0);
        QVERIFY(QFileInfo(keys + QStringLiteral("/site.pem")).permissions() & QFileDevice::ReadOwner);
        QVERIFY(!(QFileInfo(keys + QStringLiteral("/site.pem")).permissions() & QFileDevice::ReadOther));
        // Never overwrites a key.
        QCOMPARE(run({QStringLiteral("keygen"), QStringLiteral("--out"), keys}).exitCode, 2);

        const QString png = m_dir.filePath(QStringLiteral("pass.png"));
        const Run issued =
            run({QStringLiteral("pass"), QStringLiteral("issue"), QStringLiteral("--key"),
                 keys + QStringLiteral("/site.pem"), QStringLiteral("--name"), QStringLiteral("Trần Thị Bích Ngọc"),
                 QStringLiteral("--host"), QStringLiteral("Lê Văn Tám"), QStringLiteral("--from"),
                 QStringLiteral("2026-07-30T08:00:00+07:00"), QStringLiteral("--to"),
                 QStringLiteral("2026-07-30T17:00:00+07:00"), QStringLiteral("--site"), QStringLiteral("hue-dpc-01"),
                 QStringLiteral("--png"), png});
        QCOMPARE(issued.exitCode, 0);
        const QString pass = QString::fromUtf8(issued.out).trimmed();
        QVERIFY(pass.startsWith(QStringLiteral("GATEHOUSE:1:")));

        const auto decode = [&](const QString& now, const QString& site) {
            QStringList arguments{QStringLiteral("decode"),
                                  QStringLiteral("--trust"),
                                  keys,
                                  QStringLiteral("--now"),
                                  now,
                                  QStringLiteral("--json"),
                                  png};
            if (!site.isEmpty())
                arguments << QStringLiteral("--site") << site;
            const Run result = run(arguments);
            return result.jsonLines().value(0);
        };
        const QJsonObject valid = decode(QStringLiteral("2026-07-30T09:00:00+07:00"), QStringLiteral("hue-dpc-01"));
        QCOMPARE(valid.value(QStringLiteral("text")).toString(), pass);
        QCOMPARE(valid.value(QStringLiteral("kind")).toString(), QStringLiteral("pass"));
        QCOMPARE(valid.value(QStringLiteral("valid")).toBool(), true);
        QVERIFY(valid.value(QStringLiteral("reason")).isNull());
        const QJsonObject fields = valid.value(QStringLiteral("fields")).toObject();
        QCOMPARE(fields.value(QStringLiteral("full_name")).toString(), QStringLiteral("Trần Thị Bích Ngọc"));
        QCOMPARE(fields.value(QStringLiteral("host")).toString(), QStringLiteral("Lê Văn Tám"));
        // Issue 24: 128 random bits, "P" and 32 hex digits.
        QVERIFY2(QRegularExpression(QStringLiteral("^P[0-9a-f]{32}$"))
                     .match(fields.value(QStringLiteral("pass_id")).toString())
                     .hasMatch(),
                 qPrintable(fields.value(QStringLiteral("pass_id")).toString()));
        QCOMPARE(fields.value(QStringLiteral("site")).toString(), QStringLiteral("hue-dpc-01"));
        QCOMPARE(fields.value(QStringLiteral("valid_from")).toString(), QStringLiteral("2026-07-30T01:00:00Z"));
        QCOMPARE(
            decode(QStringLiteral("2026-07-30T18:00:00+07:00"), QString()).value(QStringLiteral("reason")).toString(),
            QStringLiteral("expired"));
        QCOMPARE(decode(QStringLiteral("2026-07-30T09:00:00+07:00"), QStringLiteral("other-site"))
                     .value(QStringLiteral("reason"))
                     .toString(),
                 QStringLiteral("wrong_site"));
    }

    void decodesAVideo()
    {
        const QString clip = m_dir.filePath(QStringLiteral("card.avi"));
        MjpegClipWriter writer;
        QVERIFY(writer.open(clip, QSize(640, 360), 10).ok());
        QImage frame(640, 360, QImage::Format_RGB32);
        frame.fill(Qt::gray);
        QPainter(&frame).drawImage(QPoint(200, 60), QrEncoder::encode(QStringLiteral("https://bluezone.vn/"), 6));
        for (int i = 0; i < 15; ++i)
            QVERIFY(writer.add(frame).ok());
        QVERIFY(writer.close().ok());
        const Run result = run({QStringLiteral("decode"), QStringLiteral("--json"), clip});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.jsonLines().size(), 1);
        QCOMPARE(result.jsonLines().first().value(QStringLiteral("text")).toString(),
                 QStringLiteral("https://bluezone.vn/"));
        QCOMPARE(result.jsonLines().first().value(QStringLiteral("kind")).toString(), QStringLiteral("url"));
    }

    void badFilesAreReportedAndTheRestDecoded()
    {
        const QString corrupt = m_dir.filePath(QStringLiteral("corrupt.png"));
        QFile file(corrupt);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("\x89PNG\r\n\x1a\n this is not really a png");
        file.close();
        const QString emptyClip = m_dir.filePath(QStringLiteral("empty.avi"));
        MjpegClipWriter writer;
        QVERIFY(writer.open(emptyClip, QSize(320, 240), 10).ok());
        QVERIFY(writer.close().ok());
        const QString good = m_dir.filePath(QStringLiteral("good.png"));
        QVERIFY(QrEncoder::encode(QStringLiteral("Xin chào"), 6).save(good));

        const Run result = run({QStringLiteral("decode"), QStringLiteral("--json"), corrupt, emptyClip,
                                m_dir.filePath(QStringLiteral("absent.jpg")), good});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(QStringLiteral("corrupt.png cannot be read")), qPrintable(result.err));
        QVERIFY2(result.err.contains(QStringLiteral("empty.avi")), qPrintable(result.err));
        QVERIFY2(result.err.contains(QStringLiteral("absent.jpg does not exist")), qPrintable(result.err));
        QCOMPARE(result.jsonLines().size(), 1);
        QCOMPARE(result.jsonLines().first().value(QStringLiteral("text")).toString(), QStringLiteral("Xin chào"));
    }

    void passUsage_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected");
        const QString keys = m_dir.filePath(QStringLiteral("usage-keys"));
        QVERIFY(run({QStringLiteral("keygen"), QStringLiteral("--out"), keys}).exitCode == 0);
        const QStringList base{QStringLiteral("pass"),   QStringLiteral("issue"),
                               QStringLiteral("--name"), QStringLiteral("An"),
                               QStringLiteral("--from"), QStringLiteral("2026-07-30T08:00:00Z"),
                               QStringLiteral("--to"),   QStringLiteral("2026-07-30T17:00:00Z")};
        QTest::addRow("public key") << (base +
                                        QStringList{QStringLiteral("--key"), keys + QStringLiteral("/site.pub.pem")})
                                    << QStringLiteral("public key");
        QTest::addRow("not a key") << (base + QStringList{QStringLiteral("--key"), CLI}) << QStringLiteral("as a key");
        QTest::addRow("no key") << base << QStringLiteral("--key");
        QTest::addRow("from after to") << QStringList{QStringLiteral("pass"),   QStringLiteral("issue"),
                                                      QStringLiteral("--key"),  keys + QStringLiteral("/site.pem"),
                                                      QStringLiteral("--name"), QStringLiteral("An"),
                                                      QStringLiteral("--from"), QStringLiteral("2026-07-30T18:00:00Z"),
                                                      QStringLiteral("--to"),   QStringLiteral("2026-07-30T17:00:00Z")}
                                       << QStringLiteral("before --to");
        QTest::addRow("impossible date")
            << QStringList{QStringLiteral("pass"),   QStringLiteral("issue"),
                           QStringLiteral("--key"),  keys + QStringLiteral("/site.pem"),
                           QStringLiteral("--name"), QStringLiteral("An"),
                           QStringLiteral("--from"), QStringLiteral("2026-02-30T08:00:00Z"),
                           QStringLiteral("--to"),   QStringLiteral("2026-07-30T17:00:00Z")}
            << QStringLiteral("ISO 8601");
        QTest::addRow("decode without files")
            << QStringList{QStringLiteral("decode")} << QStringLiteral("at least one");
        QTest::addRow("missing trust directory")
            << QStringList{QStringLiteral("decode"), QStringLiteral("--trust"), QStringLiteral("/nonexistent"), CLI}
            << QStringLiteral("does not exist");
    }

    void passUsage()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        const Run result = run(arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(expected), qPrintable(result.err));
        QVERIFY(result.out.isEmpty());
    }
};

QTEST_MAIN(TestDecodeCommand)
#include "TestDecodeCommand.moc"
