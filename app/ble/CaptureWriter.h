// Writes what a live scan sees as a capture file (formats/ble-capture.md, decoded keys), so a
// site can record its lobby and send it to support.
#pragma once

#include "ble/Advertisement.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QFile>

class CaptureWriter
{
    Q_DECLARE_TR_FUNCTIONS(CaptureWriter)

public:
    [[nodiscard]] Result<void> open(const QString& path);
    [[nodiscard]] Result<void> write(const Advertisement& advert);
    // Flushes and closes; the file is complete after this.
    [[nodiscard]] Result<void> close();

    // One capture line for advert, without the newline.
    static QByteArray line(const Advertisement& advert);

private:
    QFile m_file;
};
