// What CentralSync runs on its thread: its own connection to the kiosk's log, the sender and the
// timer that paces rounds (internal to app/central).
#pragma once

#include "central/CentralSync.h"

#include <QObject>
#include <QTimer>

#include <memory>

class Database;
class Outbox;

class CentralSyncWorker : public QObject
{
    Q_OBJECT

public:
    CentralSyncWorker(OutboxSender::Config config, QString databasePath, const Clock& clock, int intervalSeconds);
    ~CentralSyncWorker() override;

    static constexpr int MaxBackoffSeconds = 600;
    // A failover takes about 20-25 s from the primary's death to the standby's promotion with
    // pg_auto_failover's defaults (node_considered_unhealthy_timeout 20 s; measured in
    // tests/bench/README.md): the first minute of failures is retried every FastRetrySeconds (or
    // the interval, when shorter), so that a kiosk finds the new primary within seconds of it;
    // after that the store is down, not failing over, and the kiosk backs off.
    static constexpr int FastRetrySeconds = 5;
    static constexpr int FastRetries = 12;
    // Seconds to wait after the given number of failed rounds in a row (1 or more).
    static int secondsAfterFailures(int failures, int intervalSeconds);

public slots:
    void open();
    void round();
    void close();

signals:
    void stateChanged(const CentralSync::State& state);

private:
    OutboxSender::Config m_config;
    QString m_databasePath;
    const Clock& m_clock;
    int m_intervalSeconds;
    int m_failures = 0;
    QTimer* m_timer = nullptr;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<Outbox> m_outbox;
    std::unique_ptr<OutboxSender> m_sender;
};
