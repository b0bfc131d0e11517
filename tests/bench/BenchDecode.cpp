// Benchmarks of issue 4 (results in README.md beside this file; never timed assertions):
//  1. side by side with zbarimg (zbar-tools) on the same images, in one run: how many images each
//     decodes exactly, and the time per image of one process over all of them;
//  2. ZXing on a 1280x720 frame, in process, one core: median decode time;
//  3. frame arrival to verdict: QrDecoder::submit -> codeFound -> PayloadRecognizer, median and p95.
// Run: cmake --workflow --preset bench (or build/release/bin/BenchDecode).
#include "common/SystemClock.h"
#include "crypto/TrustStore.h"
#include "qr/ImageSource.h"
#include "qr/PayloadRecognizer.h"
#include "qr/QrDecoder.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>

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
// without a code counts when nothing is printed), one process per image.
void accuracy(const QString& setName, const QList<Image>& images, const QString& zbarimg)
{
    int gatehouse = 0;
    int zbar = 0;
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
        if (!zbarimg.isEmpty()) {
            QByteArray theirs = runProcess(
                zbarimg, {QStringLiteral("-q"), QStringLiteral("--raw"), QStringLiteral("--nodbus"), image.path});
            if (theirs.endsWith('\n'))
                theirs.chop(1);
            zbar += image.expected.isEmpty() ? theirs.isEmpty() : QString::fromUtf8(theirs) == image.expected;
        }
    }
    std::printf("%s: %lld images; decoded exactly: gatehouse-cli %d, zbarimg %d\n", qPrintable(setName),
                static_cast<long long>(images.size()), gatehouse, zbar);
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
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values[values.size() / 2];
}

double percentile95(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values[std::min<qsizetype>(values.size() - 1, qsizetype(values.size() * 0.95))];
}
} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
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
    speed(QStringLiteral("qr-zxing"), peer, zbarimg);
    speed(QStringLiteral("qr-frames"), frames, zbarimg);

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
