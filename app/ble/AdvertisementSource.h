// Where adverts come from: the real radio (QtBluetoothSource) or a capture file (ReplaySource).
// The kiosk, the CLI and the tests see only this interface (ARCHITECTURE.md "Seams").
#pragma once

#include "ble/Advertisement.h"
#include "common/Error.h"

#include <QObject>

class AdvertisementSource : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Starts delivering adverts; problems arrive through errorOccurred, never as a return value,
    // because a radio fails at any time, not only at start.
    virtual void start() = 0;
    virtual void stop() = 0;

signals:
    void advertisementReceived(const Advertisement& advert);
    // A live source hears what there is to hear: no adverts then means nobody is there.
    void listening();
    // A problem a person must hear of, as a sentence (no adapter, unreadable file...).
    void errorOccurred(const Error& error);
    // No more adverts will come (the end of a capture; a live source never finishes).
    void finished();
};
