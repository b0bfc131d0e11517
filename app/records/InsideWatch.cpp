// Who is inside now, off the GUI thread.
#include "records/InsideWatch.h"

#include "records/SiteRecords.h"

#include <QSqlQuery>
#include <QTimer>

struct InsideWatch::Reader
{
    std::unique_ptr<SiteRecords> records;
    QTimer* poll = nullptr;
    qint64 dataVersion = -1;
    qint64 readAtMs = 0; // the Clock's monotonic time of the last read
};

InsideWatch::InsideWatch(QString databasePath, Site site, const Clock& clock, QObject* parent)
    : QObject(parent), m_path(std::move(databasePath)), m_site(std::move(site)), m_clock(clock),
      m_reader(std::make_shared<Reader>())
{
    qRegisterMetaType<CheckInService::SitePresence>();
    qRegisterMetaType<DaySummary>();
}

InsideWatch::~InsideWatch()
{
    // The connection closes on the thread that opened it; then the thread ends.
    m_thread.stop([reader = m_reader] {
        delete reader->poll;
        reader->poll = nullptr;
        reader->records.reset();
    });
}

void InsideWatch::start()
{
    m_thread.post([this, reader = m_reader] {
        auto records = SiteRecords::open(m_path, Database::Check::None, m_site, m_clock);
        if (!records) {
            emit problem(records.error().message());
            return;
        }
        reader->records = std::move(records).value();
        reader->poll = new QTimer;
        reader->poll->setInterval(PollMs);
        QObject::connect(reader->poll, &QTimer::timeout, reader->poll, [this, reader] {
            QSqlQuery version(reader->records->database().connection());
            const qint64 now = version.exec(QStringLiteral("PRAGMA data_version")) && version.next()
                                   ? version.value(0).toLongLong()
                                   : -1;
            if (now != reader->dataVersion || m_clock.monotonicMs() - reader->readAtMs >= RereadMs) {
                reader->dataVersion = now;
                refresh();
            }
        });
        reader->poll->start();
        refresh();
    });
}

void InsideWatch::refresh()
{
    m_thread.post([this, reader = m_reader] {
        if (!reader->records)
            return;
        reader->readAtMs = m_clock.monotonicMs();
        const auto presence = reader->records->service().presentAtSite();
        if (presence)
            emit changed(presence.value());
        else
            emit problem(presence.error().message());
        const CheckInService& service = reader->records->service();
        const auto day = DaySummary::compute(reader->records->database(), service.now(), service.site().time());
        if (day)
            emit dayChanged(day.value());
        else
            emit problem(day.error().message());
    });
}
