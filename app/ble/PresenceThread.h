// Scanning off the GUI thread (ARCHITECTURE.md, "Threads"): the advertisement source and the
// PresenceTracker run on a thread of their own, where every advert is parsed and tracked; the
// GUI thread hears only what matters to the kiosk (a phone verified, the scanner working or not)
// through queued signals. For Qt Bluetooth's source the GATT reads of iOS phones in the
// background run there too.
#pragma once

#include "ble/AppProfileTable.h"
#include "ble/AppVerification.h"
#include "ble/PresenceTracker.h"

#include <QObject>
#include <QThread>

#include <functional>
#include <memory>

class AdvertisementSource;
class Clock;

class PresenceThread : public QObject
{
    Q_OBJECT

public:
    // Makes the source, on the scanning thread (Qt objects belong to the thread that made them).
    using SourceFactory = std::function<AdvertisementSource*()>;

    PresenceThread(AppProfileTable profiles, PresenceTracker::Config config, const Clock& clock,
                   QObject* parent = nullptr);
    ~PresenceThread() override;

    // Starts scanning with a source from make. loop: when the source finishes (a replay), start
    // another from make with a fresh tracker (a replay's times start over).
    void start(SourceFactory make, bool loop);

signals:
    void verified(const AppVerification& verification);
    // Whether adverts arrive; sent when it changes.
    void working(bool working);
    void problem(const QString& sentence);

private:
    struct Scan; // lives on the scanning thread

    AppProfileTable m_profiles;
    PresenceTracker::Config m_config;
    const Clock& m_clock;
    QThread m_thread;
    QObject* m_context = nullptr;
    std::unique_ptr<Scan> m_scan;
};
