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
