// CameraSource through its error path: the build machines have no camera, so starting it must
// say so in a sentence (and wait for one to be plugged in), never crash.
#include "common/SystemClock.h"
#include "qr/CameraSource.h"

#include <QGuiApplication>
#include <QSignalSpy>
#include <QTest>

class TestCameraSource : public QObject
{
    Q_OBJECT

private slots:
    void withoutCameraSaysSo()
    {
        if (!QMediaDevices::videoInputs().isEmpty())
            QSKIP("This machine has a camera; the no-camera path cannot be exercised here.");
        SystemClock clock;
        CameraSource source(QString(), clock);
        QSignalSpy errors(&source, &FrameSource::errorOccurred);
        source.start();
        QCOMPARE(errors.size(), 0); // reported from the event loop, not inside start()
        QTRY_COMPARE(errors.size(), 1);
        const Error error = errors.first().first().value<Error>();
        QCOMPARE(error.kind(), Error::Kind::Device);
        QVERIFY2(error.message().startsWith(QStringLiteral("No camera was found.")), qPrintable(error.message()));
        QVERIFY(!source.isActive());
        source.stop();
    }

    void namedCameraThatIsNotThere()
    {
        SystemClock clock;
        CameraSource source(QStringLiteral("Logitech C920 (not plugged in)"), clock);
        QSignalSpy errors(&source, &FrameSource::errorOccurred);
        source.start();
        QTRY_COMPARE(errors.size(), 1);
        QVERIFY(errors.first().first().value<Error>().message().contains(QStringLiteral("Logitech C920")));
        QVERIFY(CameraSource::find(QStringLiteral("nothing"), QMediaDevices::videoInputs()).isNull());
    }
};

int main(int argc, char* argv[])
{
    qputenv("QT_MEDIA_BACKEND", "ffmpeg");
    QGuiApplication app(argc, argv);
    TestCameraSource test;
    return QTest::qExec(&test, argc, argv);
}
#include "TestCameraSource.moc"
