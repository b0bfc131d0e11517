// libFuzzer target: any bytes as the text of a scanned code, through PayloadRecognizer (visitor
// pass parsing and signature checking, CCCD parsing, URL detection). Must never crash or hang.
#include "qr/PayloadRecognizer.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const Ed25519Key key = Ed25519Key::generate().value();
    static const PayloadRecognizer recognizer = [] {
        TrustStore trust;
        trust.add(key);
        return PayloadRecognizer(trust, QStringLiteral("site"));
    }();
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    const QrPayload payload = recognizer.recognize(text, QDateTime::fromSecsSinceEpoch(1785398400, Qt::UTC));
    // A payload is never valid without a verdict, and never both valid and refused.
    if (payload.valid && *payload.valid && !payload.reason.isEmpty())
        std::abort();
    if ((payload.kind == QrPayload::Kind::Url || payload.kind == QrPayload::Kind::Text) && payload.valid &&
        *payload.valid)
        std::abort();
    return 0;
}
