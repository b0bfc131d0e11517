// libFuzzer target: any bytes as the text of a scanned code, through PayloadRecognizer (visitor
// pass parsing and signature checking, CCCD parsing in its seven- and six-field forms, URL
// detection). Must never crash or hang. The passes of the samples are signed with the samples'
// key: with it trusted (GATEHOUSE_FUZZ_PASS_KEY, set by run-fuzzers.sh), mutations of them reach
// the signature check and the claims' checks, not only the parser.
#include "qr/PayloadRecognizer.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const PayloadRecognizer recognizer = [] {
        TrustStore trust;
        const QString keyPath = qEnvironmentVariable("GATEHOUSE_FUZZ_PASS_KEY");
        auto key = keyPath.isEmpty() ? Ed25519Key::generate() : Ed25519Key::load(keyPath);
        if (key)
            trust.add(key.value());
        // The samples' site (../shared/samples/qr-frames/expect.json), so that their passes can be valid.
        return PayloadRecognizer(trust, QStringLiteral("hue-dpc-01"));
    }();
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    // The samples' now.txt: their passes are valid then, some expired, some not yet valid.
    static const QDateTime now = QDateTime::fromString(QStringLiteral("2026-07-30T00:00:00Z"), Qt::ISODate);
    const QrPayload payload = recognizer.recognize(text, now);
    // A payload is never valid without a verdict, and never both valid and refused.
    if (payload.valid && *payload.valid && !payload.reason.isEmpty())
        std::abort();
    if ((payload.kind == QrPayload::Kind::Url || payload.kind == QrPayload::Kind::Text) && payload.valid &&
        *payload.valid)
        std::abort();
    // What a card's code says is stored and shown only cleaned and bounded (common/SuppliedText.h).
    if (payload.card && (payload.card->fullName.size() > 100 || payload.card->address.size() > 250))
        std::abort();
    return 0;
}
