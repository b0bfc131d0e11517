// A clip played through ClipSource -> QrDecoder offscreen: the kiosk's demo path and the
// camera's, minus the camera. The clip is made here with MjpegClipWriter from QR images drawn by
// QrEncoder.
#include "FakeClock.h"
#include "common/SystemClock.h"
#include "qr/ClipSource.h"
#include "qr/MjpegClipWriter.h"
#include "qr/QrDecoder.h"
#include "qr/QrEncoder.h"

#include <QGuiApplication>
#include <QPainter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {
// A 640x360 frame with the QR of text on a grey background, or none when text is empty.
QImage frameWith(const QString& text)
{
    QImage frame(640, 360, QImage::Format_RGB32);
    frame.fill(QColor(150, 150, 150));
    if (!text.isEmpty()) {
        QPainter painter(&frame);
        const QImage code = QrEncoder::encode(text, 6);
        painter.drawImage(QPoint((640 - code.width()) / 2, (360 - code.height()) / 2), code);
    }
    return frame;
}
} // namespace

class TestClipSource : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void playsAClipIntoTheDecoder()
    {
        const QString path = m_dir.filePath(QStringLiteral("visitors.avi"));
        MjpegClipWriter writer;
        QVERIFY(writer.open(path, QSize(640, 360), 10).ok());
        const QStringList texts{QString(), QStringLiteral("https://bluezone.vn/"),
                                QStringLiteral("058179015729||Đặng Thuỳ Dương|03011952|Nữ|Tổ 5, Phường An Cựu, TP "
                                               "Huế|07042016")};
        // One second of each: nothing, the install link, a citizen ID card.
        for (const QString& text : texts) {
            const QImage frame = frameWith(text);
            for (int i = 0; i < 10; ++i)
                QVERIFY(writer.add(frame).ok());
        }
        QVERIFY(writer.close().ok());

        SystemClock clock;
        ClipSource clip(path, clock, 2.0);
        QrDecoder decoder(clock);
        QStringList found;
        connect(&clip, &FrameSource::frameArrived, &decoder,
                [&decoder](const LumaFrame& frame) { decoder.submit(frame); });
        connect(&decoder, &QrDecoder::codeFound, this,
                [&found](const QrCode& code, qint64) { found.append(code.text); });
        QSignalSpy finished(&clip, &FrameSource::finished);
        QSignalSpy errors(&clip, &FrameSource::errorOccurred);
        clip.start();
        QVERIFY2(finished.wait(20000) || finished.size() == 1, "the clip did not finish playing");
        decoder.waitForIdle();
        QCoreApplication::processEvents();
        QCOMPARE(errors.size(), 0);
        QVERIFY(clip.framesDelivered() > 0);
        // Each code once, whatever the number of frames it was seen in.
        QCOMPARE(found, QStringList(texts.mid(1)));
    }

    void aFileThatIsNotAVideo()
    {
        const QString path = m_dir.filePath(QStringLiteral("notes.avi"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("this is not a video at all");
        file.close();
        SystemClock clock;
        ClipSource clip(path, clock);
        QSignalSpy finished(&clip, &FrameSource::finished);
        QSignalSpy errors(&clip, &FrameSource::errorOccurred);
        clip.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QCOMPARE(errors.size(), 1);
        QVERIFY(!errors.first().first().value<Error>().message().isEmpty());
    }

    void aMissingFile()
    {
        SystemClock clock;
        ClipSource clip(m_dir.filePath(QStringLiteral("absent.avi")), clock);
        QSignalSpy finished(&clip, &FrameSource::finished);
        QSignalSpy errors(&clip, &FrameSource::errorOccurred);
        clip.start();
        QTRY_COMPARE(finished.size(), 1);
        QVERIFY(errors.first().first().value<Error>().message().contains(QStringLiteral("does not exist")));
    }
};

int main(int argc, char* argv[])
{
    // The FFmpeg backend plays offscreen and honours the playback rate (issue 4).
    qputenv("QT_MEDIA_BACKEND", "ffmpeg");
    QGuiApplication app(argc, argv);
    TestClipSource test;
    return QTest::qExec(&test, argc, argv);
}
#include "TestClipSource.moc"
