// Finds QR codes in frames with ZXing-cpp, and where it reads nothing but finder patterns are
// seen, again in that region enlarged and then with zbar; on one worker thread.
//
// After zxing-cpp's own Qt wrapper (wrappers/qt/ZXingQtCamReader.cpp): a QThreadPool of one and
// tryStart, so a busy decoder drops frames rather than queueing them.
#include "qr/QrDecoder.h"

#include "qr/FinderPatternScan.h"
#include "qr/ZbarReader.h"

#include <ZXing/ReadBarcode.h>

#include <QImage>
#include <QMetaObject>

#include <array>

namespace {
// How much a region is enlarged for the second look: 2 px modules become 3 or 4, which ZXing-cpp
// reads; which of the two succeeds depends on where module edges fall on its sampling grid
// (measured on camera-like frames of a visitor pass; tests/bench/README.md).
constexpr std::array<double, 2> ENLARGE{1.5, 2.0};
// ZXing-cpp reads modules from 2.5 px at their own size (BenchDecode's dense frames).
constexpr double ENLARGE_BELOW_MODULE = 3.0;

// Every QR code ZXing-cpp reads in region of frame, enlarged by scale (1: as it is); corners in
// frame pixels.
QList<QrCode> readWithZxing(const LumaFrame& frame, const QRect& region, double scale)
{
    const auto* origin =
        reinterpret_cast<const uchar*>(frame.pixels.constData()) + qsizetype(region.y()) * frame.stride + region.x();
    QImage enlarged;
    ZXing::ImageView view(origin, region.width(), region.height(), ZXing::ImageFormat::Lum, frame.stride);
    if (scale != 1) {
        const QImage part(origin, region.width(), region.height(), frame.stride, QImage::Format_Grayscale8);
        enlarged = part.scaled(qRound(region.width() * scale), qRound(region.height() * scale), Qt::IgnoreAspectRatio,
                               Qt::SmoothTransformation);
        view = ZXing::ImageView(enlarged.constBits(), enlarged.width(), enlarged.height(), ZXing::ImageFormat::Lum,
                                int(enlarged.bytesPerLine()));
    }
    ZXing::DecodeHints hints;
    // QR Code only. A Micro QR symbol holds at most 35 characters (ISO/IEC 18004:2015, Table 7),
    // too few for a CCCD's or a pass's text; and Debian's ZXing-cpp 1.4 keeps its assertions, one
    // of which its Micro QR detector trips on some pictures (FindConcentricPatternCorners, found
    // by FuzzFrame), ending the kiosk's process: a picture held up to the camera must not.
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    // A card held at a kiosk is tilted and unevenly lit: look harder. (A QR code is found in any
    // orientation by its finder patterns; ZXing-cpp's tryRotate is for linear codes only,
    // MultiFormatReader.cpp.) A code held close is found again in a third-size copy, unless the
    // region is being enlarged.
    hints.setTryHarder(true);
    hints.setTryDownscale(scale == 1);
    QList<QrCode> codes;
    for (const ZXing::Result& result : ZXing::ReadBarcodes(view, hints)) {
        if (!result.isValid())
            continue;
        QrCode code;
        code.text = QString::fromStdString(result.text());
        code.format = QString::fromStdString(ZXing::ToString(result.format()));
        const auto& position = result.position();
        for (int i = 0; i < 4; ++i) {
            code.corners.append(
                QPoint(region.x() + qRound(position[i].x / scale), region.y() + qRound(position[i].y / scale)));
        }
        codes.append(code);
    }
    return codes;
}
} // namespace

QrDecoder::QrDecoder(const Clock& clock, qint64 repeatMs, QObject* parent)
    : QObject(parent), m_clock(clock), m_repeatMs(repeatMs)
{
    m_worker.setMaxThreadCount(1);
}

QrDecoder::~QrDecoder()
{
    m_worker.waitForDone();
}

QList<QrCode> QrDecoder::decode(const LumaFrame& frame)
{
    if (frame.isNull())
        return {};
    QList<QrCode> codes = readWithZxing(frame, QRect(0, 0, frame.width, frame.height), 1);
    if (!codes.isEmpty())
        return codes;
    // Nothing read. Look harder only where finder patterns show a code is likely: a camera at a
    // door mostly sees an empty lobby, and those frames must stay as cheap as they were.
    double module = 0;
    const QRect region = FinderPatternScan::suspectRegion(frame, &module);
    if (region.isEmpty())
        return codes;
    // A dense code shown small (modules near 2 px) is below what ZXing-cpp's finder search
    // resolves; enlarged it is not. Larger modules it resolves: what it missed there is bent or
    // damaged, which zbar reads and enlarging does not mend.
    if (module < ENLARGE_BELOW_MODULE) {
        for (double scale : ENLARGE) {
            codes = readWithZxing(frame, region, scale);
            if (!codes.isEmpty())
                return codes;
        }
    }
    return ZbarReader::read(frame, region);
}

bool QrDecoder::submit(const LumaFrame& frame)
{
    // The destructor waits for the worker, so `this` outlives the task; a queued call whose
    // context object is gone by delivery is dropped by Qt.
    const bool started = m_worker.tryStart([this, frame] {
        const QList<QrCode> codes = decode(frame);
        QMetaObject::invokeMethod(
            this, [this, codes, time = frame.timeMs] { report(codes, time); }, Qt::QueuedConnection);
    });
    if (!started)
        ++m_dropped;
    return started;
}

void QrDecoder::waitForIdle()
{
    m_worker.waitForDone();
}

void QrDecoder::report(const QList<QrCode>& codes, qint64 frameTimeMs)
{
    ++m_decoded;
    const qint64 now = m_clock.monotonicMs();
    for (auto it = m_lastReported.begin(); it != m_lastReported.end();) {
        if (now - it.value() > m_repeatMs)
            it = m_lastReported.erase(it);
        else
            ++it;
    }
    for (const QrCode& code : codes) {
        const auto seen = m_lastReported.find(code.text);
        const bool repeat = seen != m_lastReported.end();
        m_lastReported.insert(code.text, now);
        if (!repeat)
            emit codeFound(code, frameTimeMs);
    }
}
