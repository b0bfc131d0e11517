// libFuzzer target: any byte sequence as a capture line, and as raw AD data. Must never crash,
// hang or trip a sanitizer. Build and run: README "Fuzzing".
#include "ble/AdParser.h"
#include "ble/CaptureLineParser.h"
#include "ble/CaptureWriter.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    Advertisement advert;
    const auto outcome = CaptureLineParser::parse(std::string_view(reinterpret_cast<const char*>(data), size), advert);
    if (outcome.accepted) {
        // What was accepted writes back as a line that reads back the same.
        const QByteArray line = CaptureWriter::line(advert);
        Advertisement again;
        if (!CaptureLineParser::parse(std::string_view(line.constData(), size_t(line.size())), again).accepted ||
            CaptureWriter::line(again) != line)
            std::abort();
    }
    Advertisement raw;
    const AdProblem problem = AdParser::parse({data, size}, raw);
    if (problem && (problem.offset < 0 || size_t(problem.offset) >= size))
        std::abort();
    return 0;
}
