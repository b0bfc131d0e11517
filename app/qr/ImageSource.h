// Frames from still images (PNG, JPEG): the CLI's `decode`, tests, and a kiosk's demo.
#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "qr/FrameSource.h"

#include <QCoreApplication>
#include <QStringList>

class ImageSource : public FrameSource
{
    Q_OBJECT

public:
    ImageSource(QStringList paths, const Clock& clock, QObject* parent = nullptr);

    // Reads one image as a frame; an unreadable or corrupt file is an Error naming it.
    static Result<LumaFrame> read(const QString& path, qint64 timeMs = 0);

    // Delivers every image, one per turn of the event loop, then finished().
    void start() override;
    void stop() override;

private:
    void next();

    QStringList m_paths;
    const Clock& m_clock;
    qsizetype m_index = 0;
    bool m_running = false;
};
