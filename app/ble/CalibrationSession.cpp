// One calibration of the presence threshold.
#include "ble/CalibrationSession.h"

#include "ble/AdvertisementSource.h"

namespace {
class Sentences
{
    Q_DECLARE_TR_FUNCTIONS(CalibrationSession)

public:
    static QString nobodyHeard()
    {
        return tr("No phone running a tracing app was heard often enough. Hold one at the kiosk, with the app open, "
                  "and try again.");
    }
};
} // namespace

CalibrationSession::CalibrationSession(std::unique_ptr<AdvertisementSource> source, AppProfileTable profiles,
                                       int seconds, Timing timing, QObject* parent)
    : QObject(parent), m_source(std::move(source)), m_calibration(std::move(profiles)), m_seconds(seconds),
      m_timing(timing)
{
    connect(m_source.get(), &AdvertisementSource::advertisementReceived, this, &CalibrationSession::heard);
    connect(m_source.get(), &AdvertisementSource::errorOccurred, this, [this](const Error& error) {
        // A capture that cannot be read, an adapter that went away: said, and the end of it.
        m_sourceError = error;
        finish();
    });
    connect(m_source.get(), &AdvertisementSource::finished, this, &CalibrationSession::finish);
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, [this] {
        m_secondsLeft = std::max(0, m_secondsLeft - 1);
        emit progress(m_secondsLeft, m_adverts);
        if (m_secondsLeft == 0)
            finish();
    });
}

CalibrationSession::~CalibrationSession()
{
    m_source->stop();
}

void CalibrationSession::start()
{
    m_secondsLeft = m_seconds;
    if (m_timing == Timing::Live) {
        emit progress(m_secondsLeft, 0);
        m_ticker.start();
    }
    m_source->start();
}

void CalibrationSession::stop()
{
    finish();
}

void CalibrationSession::heard(const Advertisement& advert)
{
    if (m_done)
        return;
    if (m_timing == Timing::Recorded) {
        if (m_firstTimeMs < 0)
            m_firstTimeMs = advert.timeMs;
        if (advert.timeMs - m_firstTimeMs > qint64(m_seconds) * 1000) {
            finish(); // the window is over; the rest of the capture is not the held phone
            return;
        }
    }
    ++m_adverts;
    m_calibration.add(advert);
}

void CalibrationSession::finish()
{
    if (m_done)
        return;
    m_done = true;
    m_ticker.stop();
    m_source->stop();
    const auto proposal = m_calibration.propose();
    if (proposal)
        m_outcome.emplace(*proposal);
    else if (m_sourceError && m_adverts == 0)
        m_outcome.emplace(*m_sourceError);
    else
        m_outcome.emplace(Error(Error::Kind::Failed, Sentences::nobodyHeard()));
    emit finished();
}
