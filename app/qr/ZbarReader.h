// The second reader: zbar's QR decoder (libzbar, the library behind zbarimg), for the region of
// a frame where finder patterns were seen but ZXing-cpp read nothing. It fits the code's edges
// from points found along them and samples each part of the code between alignment patterns
// with its own homography (zbar qrcode/qrdec.c: qr_hom_fit, qr_sampling_grid_init), so it reads
// codes on bent or curled paper that ZXing-cpp 1.4's single transform misses. It is several
// times slower (about 30 ms for a 1280x720 frame here), which is why it only sees such regions.
// The only file that includes zbar.h.
#pragma once

#include "qr/LumaFrame.h"
#include "qr/QrCode.h"

#include <QList>
#include <QRect>

class ZbarReader
{
public:
    // Every QR code zbar reads in region of frame, its corners in frame pixels.
    static QList<QrCode> read(const LumaFrame& frame, const QRect& region);
};
