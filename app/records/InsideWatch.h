// Who is inside now, kept up to date for the receptionist's console off its GUI thread (issue 16:
// the console read the database on the GUI thread every 5 s). A thread of its own with its own
// connection to the entry log asks SQLite twice a second whether anyone committed since
// (`PRAGMA data_version`, which changes when another connection, here the kiosk's writer in its
// own process, has committed: https://www.sqlite.org/pragma.html#pragma_data_version), and reads
// who is inside only then, or every 30 s by the Clock (the other doors' list goes stale by time
// alone).
#pragma once

#include "checkin/CheckInService.h"
#include "checkin/DaySummary.h"
#include "common/Clock.h"
#include "common/WorkerThread.h"

#include <QObject>

#include <memory>

class InsideWatch : public QObject
{
    Q_OBJECT

public:
    static constexpr int PollMs = 500;
    static constexpr int RereadMs = 30000;

    InsideWatch(QString databasePath, Site site, const Clock& clock, QObject* parent = nullptr);
    ~InsideWatch() override;

    // Opens the connection and reads once; then watches.
    void start();
    // Reads again now (after something changed in this process).
    void refresh();

signals:
    // On this object's thread (the GUI's): who is inside, and the central store's state.
    void changed(const CheckInService::SitePresence& presence);
    // With it, the day so far (checkin/DaySummary.h).
    void dayChanged(const DaySummary& day);
    void problem(const QString& sentence);

private:
    struct Reader; // lives on the thread
    QString m_path;
    Site m_site;
    const Clock& m_clock;
    std::shared_ptr<Reader> m_reader;
    WorkerThread m_thread{QStringLiteral("gatehouse-inside")};
};

Q_DECLARE_METATYPE(CheckInService::SitePresence)
Q_DECLARE_METATYPE(DaySummary)
