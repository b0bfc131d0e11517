// Finds QR codes in frames with ZXing-cpp, on one worker thread.
//
// After zxing-cpp's own Qt wrapper (wrappers/qt/ZXingQtCamReader.cpp): a QThreadPool of one and
// tryStart, so a busy decoder drops frames rather than queueing them.
#include "qr/QrDecoder.h"

#include <ZXing/ReadBarcode.h>

#include <QMetaObject>

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
    const ZXing::ImageView view(reinterpret_cast<const uint8_t*>(frame.pixels.constData()), frame.width, frame.height,
                                ZXing::ImageFormat::Lum, frame.stride);
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode | ZXing::BarcodeFormat::MicroQRCode);
    // A card held at a kiosk is tilted and unevenly lit: look harder and in every orientation.
    hints.setTryHarder(true);
    hints.setTryRotate(true);
    hints.setTryDownscale(true);
    QList<QrCode> codes;
    for (const ZXing::Result& result : ZXing::ReadBarcodes(view, hints)) {
        if (!result.isValid())
            continue;
        QrCode code;
        code.text = QString::fromStdString(result.text());
        code.format = QString::fromStdString(ZXing::ToString(result.format()));
        const auto& position = result.position();
        for (int i = 0; i < 4; ++i)
            code.corners.append(QPoint(position[i].x, position[i].y));
        codes.append(code);
    }
    return codes;
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
