// A region of a frame read by zbar's QR decoder (see ZbarReader.h for when and why).
#include "qr/ZbarReader.h"

#include <zbar.h>

#include <cstring>
#include <memory>

QList<QrCode> ZbarReader::read(const LumaFrame& frame, const QRect& wanted)
{
    const QRect region = wanted.intersected(QRect(0, 0, frame.width, frame.height));
    if (frame.isNull() || region.isEmpty())
        return {};
    // zbar takes a packed Y800 image (8-bit luminance, no row padding, zbar.h); its image refers
    // to these bytes until destroyed, which it is first (declared after them).
    QByteArray pixels(qsizetype(region.width()) * region.height(), Qt::Uninitialized);
    for (int y = 0; y < region.height(); ++y) {
        std::memcpy(pixels.data() + qsizetype(y) * region.width(),
                    frame.pixels.constData() + qsizetype(region.y() + y) * frame.stride + region.x(),
                    size_t(region.width()));
    }
    const std::unique_ptr<zbar::zbar_image_scanner_t, decltype(&zbar::zbar_image_scanner_destroy)> scanner(
        zbar::zbar_image_scanner_create(), &zbar::zbar_image_scanner_destroy);
    zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_NONE, zbar::ZBAR_CFG_ENABLE, 0);
    zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_ENABLE, 1);
    const std::unique_ptr<zbar::zbar_image_t, decltype(&zbar::zbar_image_destroy)> image(zbar::zbar_image_create(),
                                                                                         &zbar::zbar_image_destroy);
    zbar::zbar_image_set_format(image.get(), zbar_fourcc('Y', '8', '0', '0'));
    zbar::zbar_image_set_size(image.get(), unsigned(region.width()), unsigned(region.height()));
    zbar::zbar_image_set_data(image.get(), pixels.constData(), unsigned(pixels.size()), nullptr);
    QList<QrCode> codes;
    if (zbar::zbar_scan_image(scanner.get(), image.get()) <= 0)
        return codes;
    for (const zbar::zbar_symbol_t* symbol = zbar::zbar_image_first_symbol(image.get()); symbol;
         symbol = zbar::zbar_symbol_next(symbol)) {
        if (zbar::zbar_symbol_get_type(symbol) != zbar::ZBAR_QRCODE)
            continue;
        QrCode code;
        // zbar hands QR text over as UTF-8, converted from the code's ECI or guessed character set.
        code.text =
            QString::fromUtf8(zbar::zbar_symbol_get_data(symbol), qsizetype(zbar::zbar_symbol_get_data_length(symbol)));
        code.format = QStringLiteral("QRCode");
        for (unsigned i = 0; i < zbar::zbar_symbol_get_loc_size(symbol); ++i) {
            code.corners.append(QPoint(region.x() + zbar::zbar_symbol_get_loc_x(symbol, i),
                                       region.y() + zbar::zbar_symbol_get_loc_y(symbol, i)));
        }
        codes.append(code);
    }
    return codes;
}
