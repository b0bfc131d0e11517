// Adverts from a capture file.
#include "ble/ReplaySource.h"

namespace {
// At maximum speed the event loop still turns every this many adverts, so a GUI stays live.
constexpr int MAX_SPEED_BATCH = 5000;
} // namespace

ReplaySource::ReplaySource(QString path, double speed, const Clock& clock, QObject* parent)
    : AdvertisementSource(parent), m_path(std::move(path)), m_speed(speed), m_clock(clock)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ReplaySource::pump);
}

void ReplaySource::start()
{
    if (m_running)
        return;
    const Result<void> opened = m_reader.open(m_path);
    if (!opened) {
        // Reported from the event loop, like every other outcome of start(), so a caller can
        // call start() and then exec() without missing it.
        QTimer::singleShot(0, this, [this, error = opened.error()] {
            emit errorOccurred(error);
            emit finished();
        });
        return;
    }
    m_running = true;
    m_startedAtMs = m_clock.monotonicMs();
    m_timer.start(0);
}

void ReplaySource::stop()
{
    m_running = false;
    m_timer.stop();
}

void ReplaySource::runToEnd()
{
    if (!m_running) {
        const Result<void> opened = m_reader.open(m_path);
        if (!opened) {
            emit errorOccurred(opened.error());
            emit finished();
            return;
        }
    }
    m_timer.stop();
    m_running = false;
    if (m_pending) {
        m_pending = false;
        emit advertisementReceived(m_next);
    }
    while (readNext())
        emit advertisementReceived(m_next);
    emit finished();
}

bool ReplaySource::readNext()
{
    QString reason;
    AdProblem problem;
    for (;;) {
        switch (m_reader.next(m_next, reason, problem)) {
        case CaptureReader::Item::Advert:
            if (problem) {
                ++m_damagedAdverts;
                emit adDataDamaged(m_reader.lineNumber(), problem.describe());
            }
            ++m_adverts;
            m_lastTimeMs = m_next.timeMs;
            return true;
        case CaptureReader::Item::Rejected:
            ++m_rejectedLines;
            emit lineRejected(m_reader.lineNumber(), reason);
            continue;
        case CaptureReader::Item::Failed:
            emit errorOccurred(Error(Error::Kind::Failed,
                                     tr("The capture file %1 could not be read to the end (%2).").arg(m_path, reason)));
            return false;
        case CaptureReader::Item::End:
            return false;
        }
    }
}

void ReplaySource::pump()
{
    int delivered = 0;
    while (m_running) {
        if (!m_pending) {
            if (!readNext()) {
                m_running = false;
                emit finished();
                return;
            }
            m_pending = true;
        }
        if (m_speed > 0) {
            if (m_firstCaptureMs < 0)
                m_firstCaptureMs = m_next.timeMs;
            const auto dueAtMs =
                m_startedAtMs + static_cast<qint64>(static_cast<double>(m_next.timeMs - m_firstCaptureMs) / m_speed);
            const qint64 wait = dueAtMs - m_clock.monotonicMs();
            if (wait > 0) {
                m_timer.start(static_cast<int>(std::min<qint64>(wait, 60000)));
                return;
            }
        } else if (++delivered > MAX_SPEED_BATCH) {
            m_timer.start(0);
            return;
        }
        m_pending = false;
        emit advertisementReceived(m_next);
    }
}
