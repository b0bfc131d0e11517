// libFuzzer target: any bytes as a camera frame (the first byte its width, the rest its rows of
// 8-bit luminance) through QrDecoder::decode: ZXing-cpp, FinderPatternScan's look for finder
// patterns and the second look (enlarged, then zbar) where it finds three. A visitor controls
// what the camera sees. Must never crash or hang; the region is always inside the frame.
#include "qr/FinderPatternScan.h"
#include "qr/QrDecoder.h"

#include <algorithm>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 2)
        return 0;
    LumaFrame frame;
    frame.width = std::max(1, int(data[0]));
    frame.height = int((size - 1) / size_t(frame.width));
    frame.stride = frame.width;
    frame.pixels = QByteArray(reinterpret_cast<const char*>(data + 1), qsizetype(frame.width) * frame.height);
    if (frame.height < 1)
        return 0;
    const QRect region = FinderPatternScan::suspectRegion(frame);
    if (!region.isEmpty() && !QRect(0, 0, frame.width, frame.height).contains(region))
        std::abort();
    const QList<QrCode> codes = QrDecoder::decode(frame);
    for (const QrCode& code : codes) {
        if (code.format.isEmpty())
            std::abort();
    }
    return 0;
}
