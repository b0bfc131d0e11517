// Where frames come from: a camera (CameraSource), a video clip (ClipSource) or still images
// (ImageSource). The kiosk, the CLI and the tests see only this interface.
#pragma once

#include "common/Error.h"
#include "qr/LumaFrame.h"

#include <QObject>

class FrameSource : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    virtual void start() = 0;
    virtual void stop() = 0;

signals:
    void frameArrived(const LumaFrame& frame);
    // A problem a person must hear of, as a sentence (no camera, unreadable file...).
    void errorOccurred(const Error& error);
    // No more frames will come (the end of a clip or of the images).
    void finished();
};
