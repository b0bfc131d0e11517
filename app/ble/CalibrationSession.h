// One calibration of the presence threshold, for `gatehouse-cli calibrate` and the console's
// Settings page alike (issue 16): a phone running a tracing app is held where visitors hold
// theirs for some seconds, its adverts are heard through any AdvertisementSource (the adapter, or
// a capture file), and the site's own app profiles ([profile.*], not only the defaults) say which
// phones count. It reports the seconds left while it listens and ends with RssiCalibration's
// proposal, or with a sentence saying why there is none.
#pragma once

#include "ble/AppProfileTable.h"
#include "ble/RssiCalibration.h"
#include "common/Clock.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

class AdvertisementSource;

class CalibrationSession : public QObject
{
    Q_OBJECT

public:
    // How the window of `seconds` is counted: by the clock while a live source listens, or by the
    // adverts' own times from the first one (a capture replayed as fast as it can be read).
    enum class Timing { Live, Recorded };

    CalibrationSession(std::unique_ptr<AdvertisementSource> source, AppProfileTable profiles, int seconds,
                       Timing timing, QObject* parent = nullptr);
    ~CalibrationSession() override;

    // Starts listening; finished() comes after the seconds (Live), at the end of the capture or
    // the window (Recorded), or after stop().
    void start();
    // Ends now with what was heard so far (Ctrl+C, a Cancel button).
    void stop();
    int seconds() const { return m_seconds; }
    // After finished(): the proposal, or why there is none.
    const Result<RssiCalibration::Proposal>& outcome() const { return *m_outcome; }

signals:
    // Once a second while listening.
    void progress(int secondsLeft, qint64 adverts);
    void finished(); // outcome() says how

private:
    void heard(const Advertisement& advert);
    void finish();

    std::unique_ptr<AdvertisementSource> m_source;
    RssiCalibration m_calibration;
    int m_seconds;
    Timing m_timing;
    QTimer m_ticker;
    int m_secondsLeft = 0;
    qint64 m_adverts = 0;
    qint64 m_firstTimeMs = -1;
    std::optional<Error> m_sourceError;
    bool m_done = false;
    std::optional<Result<RssiCalibration::Proposal>> m_outcome;
};
