// The demo mode's data (resources/demo, made by `gatehouse-cli demo-data`) is embedded in the
// kiosk; the replay and the media player read files, so it is copied out to a folder first.
#pragma once

#include "KioskDevices.h"
#include "common/Result.h"

#include <QCoreApplication>

class DemoFiles
{
    Q_DECLARE_TR_FUNCTIONS(DemoFiles)

public:
    // Copies the demo data into folder; the capture and clips to replay from there.
    [[nodiscard]] static Result<KioskDevices::Demo> extract(const QString& folder);
};
