// QrDecoder and LumaFrame: golden images drawn here with QrEncoder and bent with QImage
// transforms; luminance taken straight from YUV frames; the worker drops frames while busy and
// reports a code once per sighting; the peer's test set decodes, with every image zbarimg reads;
// a dense pass shown small on a phone is read (issue 16).
#include "FakeClock.h"
#include "PhoneScene.h"
#include "qr/LumaFrame.h"
#include "qr/QrDecoder.h"
#include "qr/QrEncoder.h"
#include "qr/ZbarReader.h"

#include <QDir>
#include <QGuiApplication>
#include <QPainter>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QVideoFrame>

namespace {
const QString PASS =
    QStringLiteral("GATEHOUSE:1:eyJhbGciOiJFZERTQSIsImtpZCI6IjgyYzVlN2Y0NzBlOTE0M2UiLCJ0eXAiOiJKV1QifQ."
                   "eyJqdGkiOiJQNDI0NDE4Iiwic3ViIjoiUG"
                   "jhuqFtIE1pbmggxJDhu6ljIiwic2l0ZSI6Imh1ZS1kcGMtMDEifQ.MZVBeZaQuWkykNt9pFZE0KbkYSMu00po6cE5UVpR3yoM-"
                   "82E9ouwUCcUjDjAkg"
                   "zQvb0V6cmLKxf0lL8ebmFUBw");
// A signed pass as the issuing tool writes it (../shared/samples/qr-frames/expect.json, f000.jpg):
// 370 characters, a 77-module code at level M.
const QString LONG_PASS = QStringLiteral(
    "GATEHOUSE:1:eyJhbGciOiJFZERTQSIsImtpZCI6ImEyNjczMWRkZDQ2YmRjMjciLCJ0eXAiOiJKV1QifQ.eyJqdGkiOiJQOTY5MTA1Iiwic3"
    "ViIjoiTmfDtCBUaOG7iyDDgW5oIFR1eeG6v3QiLCJzaXRlIjoiaHVlLWRwYy0wMSIsImhvc3QiOiJCw7lpIFh1w6JuIFRyxrDhu51uZyIsIm"
    "lhdCI6MTc4NTM2MjQwMCwibmJmIjoxNzg1MzY2MDAwLCJleHAiOjE3ODUzOTg0MDB9.-Cx8-1Ce8lw6VaSGs0_prTsAIANRy98sUUhHhqQ4S0I"
    "F6bTM1Hiu6HmMZyVxfI8L2L-KURDwZhsMgXm9M_aPDw");
const QString CCCD = QStringLiteral("058179015729||Đặng Thuỳ Dương|03011952|Nữ|Tổ 5, Phường An Cựu, TP Huế|07042016");

// The code of text on a 1280x720 camera-like frame, drawn through transform.
QImage scene(const QString& text, const QTransform& transform, int moduleSize = 6, QColor dark = Qt::black,
             QColor light = Qt::white)
{
    QImage code = QrEncoder::encode(text, moduleSize).convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < code.height(); ++y) {
        auto* row = reinterpret_cast<QRgb*>(code.scanLine(y));
        for (int x = 0; x < code.width(); ++x)
            row[x] = qGray(row[x]) < 128 ? dark.rgb() : light.rgb();
    }
    QImage frame(1280, 720, QImage::Format_RGB32);
    frame.fill(QColor(120, 110, 100));
    QPainter painter(&frame);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.translate(640, 360);
    painter.setTransform(transform, true);
    painter.drawImage(QPointF(-code.width() / 2.0, -code.height() / 2.0), code);
    return frame;
}

QImage withNoise(QImage image, int amplitude)
{
    QRandomGenerator random(5);
    image = image.convertToFormat(QImage::Format_Grayscale8);
    for (int y = 0; y < image.height(); ++y) {
        uchar* row = image.scanLine(y);
        for (int x = 0; x < image.width(); ++x)
            row[x] = uchar(std::clamp(int(row[x]) + random.bounded(-amplitude, amplitude + 1), 0, 255));
    }
    return image;
}

QImage blurred(const QImage& image)
{
    // Down and up again: the softness of a camera slightly out of focus.
    return image.scaled(image.size() / 3, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
        .scaled(image.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

QTransform perspective()
{
    QTransform transform;
    QTransform::quadToQuad(QPolygonF({{-150, -150}, {150, -150}, {150, 150}, {-150, 150}}),
                           QPolygonF({{-120, -160}, {170, -110}, {140, 150}, {-150, 120}}), transform);
    return transform;
}
} // namespace

class TestQrDecoder : public QObject
{
    Q_OBJECT

private slots:
    void goldenImages_data()
    {
        QTest::addColumn<QImage>("image");
        QTest::addColumn<QString>("text");
        for (const QString& text : {QStringLiteral("https://bluezone.vn/"), CCCD, PASS}) {
            const QString kind = text.left(8);
            QTest::addRow("%s straight", qPrintable(kind)) << scene(text, QTransform()) << text;
            for (int angle : {90, 180, 270})
                QTest::addRow("%s rotated %d", qPrintable(kind), angle)
                    << scene(text, QTransform().rotate(angle)) << text;
            QTest::addRow("%s tilted 17", qPrintable(kind)) << scene(text, QTransform().rotate(17)) << text;
            QTest::addRow("%s perspective", qPrintable(kind)) << scene(text, perspective(), 5) << text;
            QTest::addRow("%s small", qPrintable(kind)) << scene(text, QTransform().scale(0.5, 0.5)) << text;
            QTest::addRow("%s noisy", qPrintable(kind)) << withNoise(scene(text, QTransform()), 40) << text;
            QTest::addRow("%s blurred", qPrintable(kind)) << blurred(scene(text, QTransform(), 8)) << text;
            QTest::addRow("%s low contrast", qPrintable(kind))
                << scene(text, QTransform(), 6, QColor(90, 90, 90), QColor(160, 160, 160)) << text;
        }
    }

    void goldenImages()
    {
        QFETCH(QImage, image);
        QFETCH(QString, text);
        const QList<QrCode> codes = QrDecoder::decode(LumaFrame::fromImage(image));
        QCOMPARE(codes.size(), 1);
        QCOMPARE(codes.first().text, text);
        QCOMPARE(codes.first().format, QStringLiteral("QRCode"));
        QCOMPARE(codes.first().corners.size(), 4);
    }

    void nothingToFind()
    {
        QImage noise = withNoise(QImage(1280, 720, QImage::Format_Grayscale8), 127);
        QVERIFY(QrDecoder::decode(LumaFrame::fromImage(noise)).isEmpty());
        QVERIFY(QrDecoder::decode(LumaFrame()).isEmpty());
    }

    void lumaStraightFromYuv_data()
    {
        QTest::addColumn<int>("format");
        QTest::addRow("NV12") << int(QVideoFrameFormat::Format_NV12);
        QTest::addRow("YUV420P") << int(QVideoFrameFormat::Format_YUV420P);
        QTest::addRow("YUYV") << int(QVideoFrameFormat::Format_YUYV);
        QTest::addRow("UYVY") << int(QVideoFrameFormat::Format_UYVY);
    }

    void lumaStraightFromYuv()
    {
        QFETCH(int, format);
        const auto pixelFormat = QVideoFrameFormat::PixelFormat(format);
        QVideoFrame frame(QVideoFrameFormat(QSize(64, 32), pixelFormat));
        QVERIFY(frame.map(QVideoFrame::WriteOnly));
        // Y of pixel (x, y) = x + 2y; chroma bytes 0x80.
        for (int plane = 0; plane < frame.planeCount(); ++plane)
            std::memset(frame.bits(plane), 0x80, size_t(frame.mappedBytes(plane)));
        const bool packed =
            pixelFormat == QVideoFrameFormat::Format_YUYV || pixelFormat == QVideoFrameFormat::Format_UYVY;
        const int offset = pixelFormat == QVideoFrameFormat::Format_UYVY ? 1 : 0;
        for (int y = 0; y < 32; ++y) {
            uchar* row = frame.bits(0) + y * frame.bytesPerLine(0);
            for (int x = 0; x < 64; ++x)
                row[packed ? 2 * x + offset : x] = uchar(x + 2 * y);
        }
        frame.unmap();
        const LumaFrame luma = LumaFrame::fromVideoFrame(frame, 7);
        QCOMPARE(luma.width, 64);
        QCOMPARE(luma.height, 32);
        QCOMPARE(luma.timeMs, 7);
        for (int y = 0; y < 32; ++y) {
            for (int x = 0; x < 64; ++x)
                QCOMPARE(int(uchar(luma.pixels[y * luma.stride + x])), x + 2 * y);
        }
    }

    void workerDropsFramesWhileBusy()
    {
        FakeClock clock;
        QrDecoder decoder(clock);
        QSignalSpy found(&decoder, &QrDecoder::codeFound);
        const LumaFrame frame = LumaFrame::fromImage(withNoise(scene(PASS, QTransform().rotate(17)), 30));
        int accepted = 0;
        for (int i = 0; i < 20; ++i)
            accepted += decoder.submit(frame) ? 1 : 0;
        // The first was taken; the rest came while the worker was busy and were dropped, not queued.
        QVERIFY(accepted >= 1 && accepted < 20);
        QCOMPARE(decoder.droppedFrames(), 20 - accepted);
        decoder.waitForIdle();
        QTRY_COMPARE(decoder.decodedFrames(), accepted);
        QCOMPARE(found.size(), 1); // and the code is reported once
    }

    void sameCodeReportedOncePerSighting()
    {
        FakeClock clock;
        QrDecoder decoder(clock, 3000);
        QSignalSpy found(&decoder, &QrDecoder::codeFound);
        const LumaFrame frame = LumaFrame::fromImage(scene(CCCD, QTransform()));
        const auto submitAndWait = [&] {
            QVERIFY(decoder.submit(frame));
            decoder.waitForIdle();
            QCoreApplication::processEvents();
        };
        submitAndWait();
        QCOMPARE(found.size(), 1);
        clock.advance(1000);
        submitAndWait();
        clock.advance(2500); // 2.5 s after it was last seen: still the same sighting
        submitAndWait();
        QCOMPARE(found.size(), 1);
        clock.advance(3001); // gone for longer than the window: a new sighting
        submitAndWait();
        QCOMPARE(found.size(), 2);
    }

    void peerTestSet()
    {
        const QDir dir(QStringLiteral(GATEHOUSE_SHARED_SAMPLES "/qr-zxing"));
        const QStringList images = dir.entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name);
        if (images.isEmpty())
            QSKIP("../shared/samples/qr-zxing is not on this machine.");
        int exact = 0;
        for (const QString& name : images) {
            QFile expected(dir.filePath(QFileInfo(name).completeBaseName() + QStringLiteral(".txt")));
            QVERIFY(expected.open(QIODevice::ReadOnly));
            const QString text = QString::fromUtf8(expected.readAll());
            const QList<QrCode> codes = QrDecoder::decode(LumaFrame::fromImage(QImage(dir.filePath(name))));
            exact += std::any_of(codes.cbegin(), codes.cend(), [&text](const QrCode& c) { return c.text == text; });
        }
        qInfo("peer test set: %d of %lld images decoded exactly", exact, static_cast<long long>(images.size()));
        // zbarimg 0.23 decodes 94 of them (the set's NOTICE), Gatehouse alone 111 before issue 16,
        // which asked for every image either reads: 121 (BenchDecode).
        QVERIFY2(exact >= 121, qPrintable(QString::number(exact)));
    }

    // Whatever the peer reads, the kiosk reads: zbarimg itself on each image of the peer's set.
    void everyImageZbarimgReads()
    {
        const QDir dir(QStringLiteral(GATEHOUSE_SHARED_SAMPLES "/qr-zxing"));
        const QStringList images = dir.entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name);
        if (images.isEmpty())
            QSKIP("../shared/samples/qr-zxing is not on this machine.");
        const QString zbarimg = QStandardPaths::findExecutable(QStringLiteral("zbarimg"));
        if (zbarimg.isEmpty())
            QSKIP("zbarimg is not installed (Debian zbar-tools; packaging/install-deps.sh).");
        int theirs = 0;
        QStringList missed;
        for (const QString& name : images) {
            QFile expected(dir.filePath(QFileInfo(name).completeBaseName() + QStringLiteral(".txt")));
            QVERIFY(expected.open(QIODevice::ReadOnly));
            const QString text = QString::fromUtf8(expected.readAll());
            QProcess process;
            process.start(zbarimg, {QStringLiteral("-q"), QStringLiteral("--raw"), QStringLiteral("--nodbus"),
                                    dir.filePath(name)});
            QVERIFY(process.waitForFinished(30000));
            QByteArray output = process.readAllStandardOutput();
            if (output.endsWith('\n'))
                output.chop(1);
            if (QString::fromUtf8(output) != text)
                continue;
            ++theirs;
            const QList<QrCode> codes = QrDecoder::decode(LumaFrame::fromImage(QImage(dir.filePath(name))));
            if (std::none_of(codes.cbegin(), codes.cend(), [&text](const QrCode& c) { return c.text == text; }))
                missed.append(name);
        }
        qInfo("zbarimg reads %d images of the peer's set; Gatehouse misses %lld of them", theirs,
              static_cast<long long>(missed.size()));
        QVERIFY(theirs >= 90); // the NOTICE says 94: zbarimg really ran
        QVERIFY2(missed.isEmpty(), qPrintable(missed.join(QLatin1Char(' '))));
    }

    // Issue 16: a signed pass shown small on a phone, modules near 2 px in a 1280x720 frame, was
    // missed (ZXing-cpp alone reads it from 2.5 px); zbarimg read some of these.
    void densePassShownSmall_data()
    {
        QTest::addColumn<double>("moduleSize");
        QTest::addColumn<double>("angle");
        for (double module : {1.8, 2.0, 2.2}) {
            for (double angle : {0.0, 9.0, 23.0})
                QTest::addRow("%.1f px, %.0f degrees", module, angle) << module << angle;
        }
    }

    void densePassShownSmall()
    {
        QFETCH(double, moduleSize);
        QFETCH(double, angle);
        const QImage frame = phoneScene(LONG_PASS, moduleSize, angle, quint32(moduleSize * 10 + angle));
        const QList<QrCode> codes = QrDecoder::decode(LumaFrame::fromImage(frame));
        QCOMPARE(codes.size(), 1);
        QCOMPARE(codes.first().text, LONG_PASS);
        // Where it was, in frame pixels (the viewfinder outlines it): around the phone's screen.
        QVERIFY(codes.first().corners.boundingRect().intersects(QRect(540, 280, 200, 160)));
    }

    // FuzzFrame's first find: a picture on which Debian's ZXing-cpp 1.4 fails an assertion in its
    // Micro QR detector (when enlarged for the second look) and aborts the whole kiosk.
    void aPictureThatAbortedZxing()
    {
        const QImage picture(QStringLiteral(GATEHOUSE_TEST_DATA "/qr/zxing-asserts-in-microqr.png"));
        QVERIFY(!picture.isNull());
        QVERIFY(QrDecoder::decode(LumaFrame::fromImage(picture)).isEmpty()); // and the test is still running
    }

    // zbar, the second reader, reports corners in the frame's pixels, not the region's.
    void zbarReadsARegion()
    {
        QImage frame(640, 480, QImage::Format_Grayscale8);
        frame.fill(200);
        QPainter(&frame).drawImage(300, 200, QrEncoder::encode(CCCD, 3));
        const LumaFrame luma = LumaFrame::fromImage(frame);
        const QList<QrCode> codes = ZbarReader::read(luma, QRect(250, 150, 390, 330));
        QCOMPARE(codes.size(), 1);
        QCOMPARE(codes.first().text, CCCD);
        const QRect where = codes.first().corners.boundingRect();
        const int side = QrEncoder::encode(CCCD, 3).width();
        QVERIFY2(std::abs(where.left() - (300 + 12)) <= 3 && std::abs(where.right() - (300 + side - 12)) <= 3,
                 qPrintable(QStringLiteral("%1..%2").arg(where.left()).arg(where.right())));
        QVERIFY(ZbarReader::read(luma, QRect(0, 0, 250, 150)).isEmpty());
        QVERIFY(ZbarReader::read(LumaFrame(), QRect(0, 0, 10, 10)).isEmpty());
    }
};

QTEST_MAIN(TestQrDecoder)
#include "TestQrDecoder.moc"
