// CentralSync's thread.
#include "central/CentralSyncWorker.h"

#include "common/Logging.h"
#include "storage/Database.h"
#include "storage/Outbox.h"

#include <algorithm>

CentralSyncWorker::CentralSyncWorker(OutboxSender::Config config, QString databasePath, const Clock& clock,
                                     int intervalSeconds)
    : m_config(std::move(config)), m_databasePath(std::move(databasePath)), m_clock(clock),
      m_intervalSeconds(intervalSeconds)
{}

CentralSyncWorker::~CentralSyncWorker() = default;

void CentralSyncWorker::open()
{
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &CentralSyncWorker::round);
    auto database = Database::open(m_databasePath, Database::Check::None);
    if (!database) {
        CentralSync::State state;
        state.lastError = database.error().message();
        emit stateChanged(state);
        return;
    }
    m_database = std::move(database).value();
    m_outbox = std::make_unique<Outbox>(*m_database);
    m_sender = std::make_unique<OutboxSender>(m_config, *m_outbox, m_clock);
    round();
}

int CentralSyncWorker::secondsAfterFailures(int failures, int intervalSeconds)
{
    if (failures <= FastRetries)
        return std::min(intervalSeconds, FastRetrySeconds);
    // Backing off: a store down for longer is not asked every few seconds by every kiosk of the
    // province at once.
    return int(std::min<qint64>(qint64(intervalSeconds) << std::min(failures - FastRetries, 10), MaxBackoffSeconds));
}

void CentralSyncWorker::round()
{
    if (!m_sender)
        return;
    m_timer->stop();
    const auto done = m_sender->round();
    CentralSync::State state;
    int waitSeconds = m_intervalSeconds;
    if (done) {
        m_failures = 0;
        state.lastRoundSent = done->sent;
        state.fetched = done->fetched;
        state.settingsApplied = done->settingsApplied;
        state.settingsRefusal = done->settingsRefusal;
    } else {
        ++m_failures;
        state.lastError = done.error().message();
        waitSeconds = secondsAfterFailures(m_failures, m_intervalSeconds);
        if (m_failures == 1)
            qCWarning(lcCentral).noquote() << state.lastError;
    }
    if (const auto status = m_outbox->status()) {
        state.lastSentAt = status->lastSentAt;
        state.waiting = status->waiting;
    }
    emit stateChanged(state);
    m_timer->start(waitSeconds * 1000);
}

void CentralSyncWorker::close()
{
    if (m_timer)
        m_timer->stop();
    m_sender.reset();
    m_outbox.reset();
    m_database.reset();
}
