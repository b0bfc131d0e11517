// Scanning off the GUI thread (ARCHITECTURE.md, "Threads"): the advertisement source and the
// PresenceTracker run on a thread of their own, where every advert is parsed and tracked; the
// thread that started it hears only what matters (a phone verified or gone, the scanner working
// or not) through queued signals. The kiosk and `gatehouse-cli scan --live` both scan this way.
// For Qt Bluetooth's source the iPhones' identifiers are read over GATT (GattIdReader, on a
// thread of its own) and time passes by the clock between adverts.
#pragma once

#include "ble/AppProfileTable.h"
#include "ble/AppVerification.h"
#include "ble/PresenceTracker.h"
#include "common/WorkerThread.h"

#include <QObject>

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
    // Sees every advert, on the scanning thread (a capture being recorded).
    using AdvertTap = std::function<void(const Advertisement&)>;

    PresenceThread(AppProfileTable profiles, PresenceTracker::Config config, const Clock& clock,
                   QObject* parent = nullptr);
    ~PresenceThread() override;

    // Starts scanning with a source from make. loop: when the source finishes (a replay), start
    // another from make with a fresh tracker (a replay's times start over).
    void start(SourceFactory make, bool loop, AdvertTap tap = {});
    // Stops scanning and ends every visit now (left for each); blocks until it is done.
    void finish();

signals:
    void verified(const AppVerification& verification);
    void left(const AppVerification& verification);
    // Whether the scanner hears what there is to hear; sent when it changes.
    void working(bool working);
    void problem(const QString& sentence);

private:
    struct Scan; // lives on the scanning thread

    AppProfileTable m_profiles;
    PresenceTracker::Config m_config;
    const Clock& m_clock;
    std::unique_ptr<Scan> m_scan; // made and ended on m_thread
    WorkerThread m_thread{QStringLiteral("gatehouse-scanner")};
};
