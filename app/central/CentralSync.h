// The kiosk's link to the central store, on a thread of its own (ARCHITECTURE.md: the door never
// waits for the network): a round every interval while the store answers, one at once when
// asked (after a check-in), retrying every 5 s for the first minute it does not (a failover) and
// backing off after that (interval, doubled per failure, at most 10 minutes), resuming from the
// outbox's mark after a restart. It opens its own connection to the kiosk's SQLite log on its
// thread. The state it reports is what the idle screen and the console show: when it last sent
// and how much is waiting.
#pragma once

#include "central/OutboxSender.h"
#include "common/WorkerThread.h"

#include <QDateTime>
#include <QObject>
#include <QString>

class Clock;
class CentralSyncWorker;

class CentralSync : public QObject
{
    Q_OBJECT

public:
    struct State
    {
        QDateTime lastSentAt; // invalid: never
        qint64 waiting = 0;   // events not yet committed centrally
        qint64 lastRoundSent = 0;
        qint64 fetched = 0; // open entries of the site's other doors, after the last good round
        QString lastError;  // the last round's failure as a sentence; empty after a good one
        // The province's shared settings (issue 26): a new set checked and kept in this round,
        // which the kiosk applies; or why the set the store sent was refused.
        std::optional<SharedSettings> settingsApplied;
        QString settingsRefusal;
    };

    CentralSync(OutboxSender::Config config, QString databasePath, const Clock& clock, int intervalSeconds,
                QObject* parent = nullptr);
    ~CentralSync() override;

    void start();
    // Ends the round in progress (a batch in flight is finished or abandoned unacknowledged:
    // nothing is lost) and the thread.
    void stop();
    // A round as soon as the thread is free (after a check-in). Callable from any thread.
    void sendSoon();

signals:
    void stateChanged(const CentralSync::State& state);

private:
    WorkerThread m_thread{QStringLiteral("central-sync"), false, QThread::LowPriority};
    CentralSyncWorker* m_worker = nullptr; // adopted by m_thread
};

Q_DECLARE_METATYPE(CentralSync::State)
