// Benchmarks of issues 4 and 16 (results in README.md beside this file; never timed assertions):
//  1. side by side with zbarimg (zbar-tools) on the same images, in one run: how many images each
//     decodes exactly (and how many either does), and the time per image of one process over all
//     of them; on the peer's set, the sample frames, and camera-like frames of a dense visitor
//     pass shown small on a phone (drawn here, tests/fakes/PhoneScene.h);
//  2. ZXing on a 1280x720 frame, in process, one core: median decode time;
//  3. frames without a code, in process: QrDecoder::decode against ZXing-cpp alone as decode() was
//     before issue 16 (its second look must cost at most 20 % there), and zbar on the whole frame;
//     and the same two over the whole peer set, where the second look does run;
//  4. frame arrival to verdict: QrDecoder::submit -> codeFound -> PayloadRecognizer, median and p95.
// Run: cmake --workflow --preset bench (or build/release/bin/BenchDecode).
#include "PhoneScene.h"
#include "common/SystemClock.h"
#include "crypto/TrustStore.h"
#include "qr/FinderPatternScan.h"
#include "qr/ImageSource.h"
#include "qr/PayloadRecognizer.h"
#include "qr/QrDecoder.h"
#include "qr/ZbarReader.h"

#include <ZXing/ReadBarcode.h>

#include <QDir>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

namespace {
const QString SAMPLES = QStringLiteral(GATEHOUSE_SHARED_SAMPLES);
const QString CLI = QStringLiteral(GATEHOUSE_CLI);

struct Image
{
    QString path;
    QString expected; // empty: no code in it
};

QList<Image> peerSet()
{
    QList<Image> images;
    const QDir dir(SAMPLES + QStringLiteral("/qr-zxing"));
    for (const QString& name : dir.entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name)) {
        QFile text(dir.filePath(QFileInfo(name).completeBaseName() + QStringLiteral(".txt")));
        if (text.open(QIODevice::ReadOnly))
            images.append({dir.filePath(name), QString::fromUtf8(text.readAll())});
    }
    return images;
}

QList<Image> frameSet()
{
    QList<Image> images;
    QFile file(SAMPLES + QStringLiteral("/qr-frames/expect.json"));
    if (!file.open(QIODevice::ReadOnly))
        return images;
    const QJsonObject expect = QJsonDocument::fromJson(file.readAll()).object();
    for (auto it = expect.begin(); it != expect.end(); ++it)
        images.append(
            {SAMPLES + QStringLiteral("/qr-frames/") + it.key(), it.value()[QStringLiteral("text")].toString()});
    return images;
}

QByteArray runProcess(const QString& program, const QStringList& arguments, double* seconds = nullptr)
{
    QProcess process;
    process.setStandardErrorFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    process.waitForFinished(-1);
    if (seconds)
        *seconds = double(timer.nsecsElapsed()) / 1e9;
    return process.readAllStandardOutput();
}

// How many images each tool decodes exactly (the expected text among what it printed; an image
// without a code counts when nothing is printed), one process per image; and the images zbarimg
// reads that Gatehouse does not, and those neither reads.
void accuracy(const QString& setName, const QList<Image>& images, const QString& zbarimg)
{
    int gatehouse = 0;
    int zbar = 0;
    int either = 0;
    QStringList zbarOnly;
    QStringList neither;
    for (const Image& image : images) {
        const QByteArray ours = runProcess(CLI, {QStringLiteral("decode"), QStringLiteral("--json"), image.path});
        bool ok = false;
        for (const QByteArray& line : ours.split('\n')) {
            const QJsonObject object = QJsonDocument::fromJson(line).object();
            if (image.expected.isEmpty() ? object.value(QStringLiteral("found")) == false
                                         : object.value(QStringLiteral("text")).toString() == image.expected)
                ok = true;
        }
        gatehouse += ok;
        bool theirsOk = false;
        if (!zbarimg.isEmpty()) {
            QByteArray theirs = runProcess(
                zbarimg, {QStringLiteral("-q"), QStringLiteral("--raw"), QStringLiteral("--nodbus"), image.path});
            if (theirs.endsWith('\n'))
                theirs.chop(1);
            theirsOk = image.expected.isEmpty() ? theirs.isEmpty() : QString::fromUtf8(theirs) == image.expected;
            zbar += theirsOk;
        }
        either += ok || theirsOk;
        if (theirsOk && !ok)
            zbarOnly.append(QFileInfo(image.path).fileName());
        if (!theirsOk && !ok)
            neither.append(QFileInfo(image.path).fileName());
    }
    const auto names = [](const QStringList& list) {
        return list.isEmpty() ? QByteArray("none") : list.join(QLatin1Char(' ')).toLocal8Bit();
    };
    std::printf("%s: %lld images; decoded exactly: gatehouse-cli %d, zbarimg %d, either %d; zbarimg only: %s; "
                "neither: %s\n",
                qPrintable(setName), static_cast<long long>(images.size()), gatehouse, zbar, either,
                names(zbarOnly).constData(), names(neither).constData());
}

// Time per image of one process over the whole set, three runs each, interleaved.
void speed(const QString& setName, const QList<Image>& images, const QString& zbarimg)
{
    QStringList paths;
    for (const Image& image : images)
        paths.append(image.path);
    QList<double> ours;
    QList<double> theirs;
    for (int run = 0; run < 3; ++run) {
        double seconds = 0;
        runProcess(CLI, QStringList{QStringLiteral("decode"), QStringLiteral("--json")} + paths, &seconds);
        ours.append(seconds * 1000 / double(images.size()));
        if (!zbarimg.isEmpty()) {
            runProcess(zbarimg,
                       QStringList{QStringLiteral("-q"), QStringLiteral("--raw"), QStringLiteral("--nodbus")} + paths,
                       &seconds);
            theirs.append(seconds * 1000 / double(images.size()));
        }
    }
    std::sort(ours.begin(), ours.end());
    std::sort(theirs.begin(), theirs.end());
    std::printf("%s: ms per image (one process, 3 runs): gatehouse-cli %.2f %.2f %.2f", qPrintable(setName), ours[0],
                ours[1], ours[2]);
    if (!theirs.isEmpty()) {
        std::printf(", zbarimg %.2f %.2f %.2f; median ratio gatehouse/zbar %.2f", theirs[0], theirs[1], theirs[2],
                    ours[1] / theirs[1]);
    }
    std::printf("\n");
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype middle = values.size() / 2;
    return values.size() % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

double percentile95(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values[std::min<qsizetype>(values.size() - 1, qsizetype(values.size() * 0.95))];
}

// A visitor pass from the sample frames (a real one's length decides how dense the code is)
// shown on a phone at modules of 1.6 to 3 px, turned 0, 9 and 23 degrees, written to dir.
QList<Image> denseSet(const QList<Image>& frames, const QString& dir)
{
    QString pass;
    for (const Image& image : frames) {
        if (image.expected.startsWith(QStringLiteral("GATEHOUSE:")) && image.expected.size() > pass.size())
            pass = image.expected;
    }
    QList<Image> images;
    quint32 seed = 0;
    for (double module : {1.6, 1.8, 2.0, 2.2, 2.5, 3.0}) {
        for (int angle : {0, 9, 23}) {
            const QString path = QStringLiteral("%1/pass-%2px-%3deg.png").arg(dir).arg(module, 0, 'f', 1).arg(angle);
            phoneScene(pass, module, angle, ++seed).save(path);
            images.append({path, pass});
        }
    }
    return images;
}

// Frames a kiosk's camera sees with nobody at it: the samples' two, and two drawn here (a notice
// board of text on a wall, a lobby of tiles, a door and furniture), each with camera noise.
QList<LumaFrame> emptyFrames(const QList<Image>& frames)
{
    QList<LumaFrame> empty;
    for (const Image& image : frames) {
        auto frame = ImageSource::read(image.path);
        if (frame && image.expected.isEmpty())
            empty.append(frame.value());
    }
    QImage notices(1280, 720, QImage::Format_RGB32);
    notices.fill(QColor(170, 160, 140));
    {
        QPainter painter(&notices);
        painter.fillRect(200, 80, 880, 560, QColor(240, 238, 230));
        QFont font = painter.font();
        int y = 130;
        for (int size : {28, 18, 14, 14, 12, 12, 12, 10, 10, 10, 10, 10, 10}) {
            font.setPixelSize(size);
            painter.setFont(font);
            painter.setPen(QColor(25, 25, 30));
            painter.drawText(230, y,
                             QStringLiteral("Cài Bluezone trước khi vào – Phòng 204, tầng 2 – giờ làm việc 7:30–17:00 "
                                            "Install Bluezone before entering | Ngày 03/08/2020"));
            y += size * 2 + 8;
        }
    }
    QImage lobby(1280, 720, QImage::Format_RGB32);
    lobby.fill(QColor(200, 195, 185));
    {
        QPainter painter(&lobby);
        for (int x = 0; x < 1280; x += 80) {
            for (int y = 420; y < 720; y += 60)
                painter.fillRect(x + ((y / 60) % 2) * 40, y, 78, 58, QColor(150, 140, 125));
        }
        painter.fillRect(520, 60, 240, 360, QColor(90, 70, 50));    // door
        painter.fillRect(540, 80, 200, 150, QColor(180, 200, 210)); // its window
        painter.fillRect(100, 300, 220, 40, QColor(40, 40, 45));    // bench
        painter.fillRect(110, 340, 20, 100, QColor(40, 40, 45));
        painter.fillRect(290, 340, 20, 100, QColor(40, 40, 45));
        painter.fillRect(940, 120, 200, 260, QColor(230, 230, 225)); // a poster with stripes
        for (int y = 140; y < 360; y += 24)
            painter.fillRect(960, y, 160, 10, QColor(60, 90, 150));
    }
    for (const QImage& scene : {notices, lobby})
        empty.append(LumaFrame::fromImage(withCameraNoise(scene, 6, 16)));
    return empty;
}

// ZXing-cpp alone, with the hints QrDecoder::decode used before issue 16 (the reference for
// its second look's cost).
int zxingAlone(const LumaFrame& frame)
{
    const ZXing::ImageView view(reinterpret_cast<const uint8_t*>(frame.pixels.constData()), frame.width, frame.height,
                                ZXing::ImageFormat::Lum, frame.stride);
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode | ZXing::BarcodeFormat::MicroQRCode);
    hints.setTryHarder(true);
    hints.setTryRotate(true);
    hints.setTryDownscale(true);
    return int(ZXing::ReadBarcodes(view, hints).size());
}

template <typename Decode>
double medianMs(const LumaFrame& frame, Decode decode)
{
    QList<double> ms;
    for (int repeat = 0; repeat < 31; ++repeat) {
        QElapsedTimer timer;
        timer.start();
        decode(frame);
        ms.append(double(timer.nsecsElapsed()) / 1e6);
    }
    return median(ms);
}

// Per empty frame, interleaved: ZXing-cpp alone (before), QrDecoder::decode (now), zbar.
void emptyFrameCost(const QList<LumaFrame>& frames)
{
    QList<double> before;
    QList<double> now;
    QList<double> zbar;
    for (qsizetype i = 0; i < frames.size(); ++i) {
        const LumaFrame& frame = frames[i];
        before.append(medianMs(frame, zxingAlone));
        now.append(medianMs(frame, [](const LumaFrame& f) { return QrDecoder::decode(f).size(); }));
        zbar.append(medianMs(
            frame, [](const LumaFrame& f) { return ZbarReader::read(f, QRect(0, 0, f.width, f.height)).size(); }));
        const bool suspect = !FinderPatternScan::suspectRegion(frame).isEmpty();
        std::printf("empty frame %lld (%dx%d): ZXing alone %.2f ms, decode() %.2f ms (%+.1f %%; second look: %s), "
                    "zbar %.2f ms\n",
                    static_cast<long long>(i + 1), frame.width, frame.height, before.last(), now.last(),
                    (now.last() / before.last() - 1) * 100, suspect ? "yes" : "no", zbar.last());
    }
    std::printf("empty frames, median of %lld: ZXing alone %.2f ms, decode() %.2f ms (%+.1f %%), zbar %.2f ms\n",
                static_cast<long long>(frames.size()), median(before), median(now),
                (median(now) / median(before) - 1) * 100, median(zbar));
}
// The whole peer set in process, three runs: ZXing-cpp alone (decode() before issue 16) against
// decode() now, whose second look runs on every image ZXing-cpp cannot read.
void peerSetCost(const QList<Image>& images)
{
    QList<LumaFrame> frames;
    for (const Image& image : images) {
        auto frame = ImageSource::read(image.path);
        if (frame)
            frames.append(frame.value());
    }
    for (int run = 0; run < 3; ++run) {
        QElapsedTimer timer;
        timer.start();
        for (const LumaFrame& frame : std::as_const(frames))
            zxingAlone(frame);
        const double before = double(timer.nsecsElapsed()) / 1e6;
        timer.restart();
        for (const LumaFrame& frame : std::as_const(frames))
            QrDecoder::decode(frame);
        const double now = double(timer.nsecsElapsed()) / 1e6;
        std::printf("qr-zxing in process, all %lld images: ZXing alone %.1f ms, decode() %.1f ms (x%.2f)\n",
                    static_cast<long long>(frames.size()), before, now, now / before);
    }
}
} // namespace

int main(int argc, char* argv[])
{
    // Fonts for the drawn frames, without a display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QString zbarimg = QStandardPaths::findExecutable(QStringLiteral("zbarimg"));
    if (zbarimg.isEmpty())
        std::printf("zbarimg not found (Debian package zbar-tools): Gatehouse alone is measured\n");
    const QList<Image> peer = peerSet();
    const QList<Image> frames = frameSet();
    if (peer.isEmpty() || frames.isEmpty()) {
        std::printf("../shared/samples is not on this machine: nothing to measure\n");
        return 0;
    }
    accuracy(QStringLiteral("qr-zxing"), peer, zbarimg);
    accuracy(QStringLiteral("qr-frames"), frames, zbarimg);
    QTemporaryDir denseDir;
    const QList<Image> dense = denseSet(frames, denseDir.path());
    accuracy(QStringLiteral("dense pass on a phone"), dense, zbarimg);
    speed(QStringLiteral("qr-zxing"), peer, zbarimg);
    speed(QStringLiteral("qr-frames"), frames, zbarimg);
    emptyFrameCost(emptyFrames(frames));
    peerSetCost(peer);

    // In-process decode of the 1280x720 camera-like frames that hold a code.
    QList<LumaFrame> luma;
    for (const Image& image : frames) {
        auto frame = ImageSource::read(image.path);
        if (frame && !image.expected.isEmpty())
            luma.append(frame.value());
    }
    QList<double> decodeMs;
    for (int repeat = 0; repeat < 20; ++repeat) {
        for (const LumaFrame& frame : std::as_const(luma)) {
            QElapsedTimer timer;
            timer.start();
            const QList<QrCode> codes = QrDecoder::decode(frame);
            decodeMs.append(double(timer.nsecsElapsed()) / 1e6);
            Q_UNUSED(codes);
        }
    }
    std::printf("1280x720 frame decode, in process (%lld decodes): median %.2f ms, p95 %.2f ms\n",
                static_cast<long long>(decodeMs.size()), median(decodeMs), percentile95(decodeMs));

    // Frame arrival to verdict through the worker: submit -> codeFound (queued back) -> recognize.
    SystemClock clock;
    auto trust = TrustStore::load(SAMPLES + QStringLiteral("/qr-frames/keys"));
    const PayloadRecognizer recognizer(trust ? trust.value() : TrustStore());
    QrDecoder decoder(clock, 0);
    QList<double> verdictMs;
    QElapsedTimer arrival;
    QObject::connect(&decoder, &QrDecoder::codeFound, &decoder, [&](const QrCode& code, qint64) {
        const QrPayload payload = recognizer.recognize(code.text, QDateTime::currentDateTimeUtc());
        Q_UNUSED(payload);
        verdictMs.append(double(arrival.nsecsElapsed()) / 1e6);
    });
    for (int repeat = 0; repeat < 10; ++repeat) {
        for (const LumaFrame& frame : std::as_const(luma)) {
            arrival.start();
            decoder.submit(frame);
            decoder.waitForIdle();
            QCoreApplication::processEvents();
        }
    }
    std::printf("frame arrival to verdict (%lld frames): median %.2f ms, p95 %.2f ms\n",
                static_cast<long long>(verdictMs.size()), median(verdictMs), percentile95(verdictMs));
    return 0;
}
