// Backups that restore (issue 27), against a PostgreSQL 15 of the test's own with its WAL archived
// (archive_mode, an archive_command copying each segment to a folder): `gatehouse-cli central
// backup` takes and verifies a base backup; a kiosk's two batches are acknowledged a few seconds
// apart; the store is then restored from the backup and the archive to a moment between them
// (PostgreSQL's point-in-time recovery: recovery.signal, restore_command, recovery_target_time,
// https://www.postgresql.org/docs/15/continuous-archiving.html), as README's "Backups" says, and
// holds exactly the events acknowledged before that moment.
#include "../integration/ProcessRun.h"
#include "ThrowawayPostgres.h"
#include "central/CentralAdmin.h"
#include "central/CentralConnection.h"
#include "central/CentralSchema.h"
#include "storage/Database.h"
#include "storage/EntryLog.h"
#include "storage/Outbox.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

namespace {
const QDateTime MORNING(QDate(2020, 8, 3), QTime(1, 0), Qt::UTC);
} // namespace

class TestCentralRestore : public QObject
{
    Q_OBJECT

private:
    ThrowawayPostgres m_server;
    QTemporaryDir m_dir;
    QString m_archive;
    QString m_config;
    QString m_database;
    int m_entries = 0;

    QString psql(const QString& sql) { return m_server.psql(sql); }

    ProcessRun cli(const QStringList& arguments) { return ProcessRun::start(QStringLiteral(GATEHOUSE_CLI), arguments); }

    // n entries at the kiosk, then one round that sends them (acknowledged: the outbox is empty).
    void recordAndSend(int n)
    {
        {
            auto database = Database::open(m_database, Database::Check::None).value();
            EntryLog log(*database);
            Outbox outbox(*database);
            QVERIFY(outbox.enable());
            Database::Batch batch(*database);
            for (int i = 0; i < n; ++i, ++m_entries) {
                Entry entry;
                entry.site = QStringLiteral("hue-ubnd");
                entry.entrance = QStringLiteral("Cổng chính");
                entry.fullName = QStringLiteral("Khách %1").arg(m_entries);
                entry.idNumber = QStringLiteral("0461%1").arg(m_entries, 8, 10, QLatin1Char('0'));
                entry.checkedInAt = MORNING.addSecs(m_entries);
                QVERIFY(log.record(entry));
            }
            QVERIFY(batch.commit());
        }
        const ProcessRun round =
            cli({QStringLiteral("--config"), m_config, QStringLiteral("sync"), QStringLiteral("--once")});
        QVERIFY2(round.exitCode == 0, qPrintable(round.err));
    }

    qint64 lastSeq()
    {
        auto database = Database::open(m_database, Database::Check::None).value();
        QSqlQuery query(database->connection());
        if (!query.exec(QStringLiteral("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'")) || !query.next())
            return 0;
        return query.value(0).toLongLong();
    }

private slots:
    void initTestCase()
    {
        m_archive = m_dir.filePath(QStringLiteral("archive"));
        const QString why =
            m_server.start({QStringLiteral("-c archive_mode=on"),
                            QStringLiteral("-c \"archive_command=test ! -f %1/%f && cp %p %1/%f\"").arg(m_archive)},
                           {}, [this](ThrowawayPostgres& server) {
                               QDir().mkpath(m_archive);
                               server.giveToServer(m_dir.path());
                               server.giveToServer(m_archive);
                           });
        if (!why.isEmpty())
            QSKIP(qPrintable(QStringLiteral("no PostgreSQL server for the central tests: ") + why));
        auto admin = CentralConnection::open(m_server.uri()).value();
        QVERIFY(CentralSchema::migrate(*admin));
        CentralAdmin central(*admin);
        QVERIFY(central.addSite(QStringLiteral("hue-ubnd"), QStringLiteral("UBND"), QString()));
        QVERIFY(central.addKiosk(QStringLiteral("restore-kiosk"), QStringLiteral("hue-ubnd"),
                                 QStringLiteral("Cổng chính")));
        m_database = m_dir.filePath(QStringLiteral("kiosk.db"));
        m_config = m_dir.filePath(QStringLiteral("kiosk.ini"));
        QFile ini(m_config);
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write(
            QStringLiteral("[site]\nid=hue-ubnd\n[storage]\ndatabase=%1\n[central]\nuri=%2\nkiosk_id=restore-kiosk\n")
                .arg(m_database, m_server.uriWithoutUser())
                .toUtf8());
    }

    void aRestoreToAMomentHoldsWhatWasAcknowledgedBeforeIt()
    {
        recordAndSend(500);
        // The base backup, verified and recorded; the status says so.
        const QString backups = m_dir.filePath(QStringLiteral("backups"));
        ProcessRun run = cli({QStringLiteral("central"), QStringLiteral("backup"), QStringLiteral("--central"),
                              m_server.uri(), QStringLiteral("--out"), backups});
        QVERIFY2(run.exitCode == 0 && run.out.contains("verified and recorded"), qPrintable(run.err));
        const QStringList taken = QDir(backups).entryList({QStringLiteral("base-*")}, QDir::Dirs);
        QCOMPARE(taken.size(), 1);
        QCOMPARE(QFileInfo(backups).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
        run = cli({QStringLiteral("central"), QStringLiteral("status"), QStringLiteral("--central"), m_server.uri()});
        QVERIFY2(run.out.startsWith("Last good backup: ") && run.out.contains(taken.first().toUtf8()),
                 run.out.constData());

        // Batch A, the moment, batch B: commits a second or more either side of it.
        recordAndSend(1000);
        const qint64 acknowledgedBefore = lastSeq();
        QThread::msleep(1500);
        const QString moment = psql(QStringLiteral("SELECT now()"));
        QThread::msleep(1500);
        recordAndSend(1000);
        QVERIFY(lastSeq() > acknowledgedBefore);
        QCOMPARE(psql(QStringLiteral("SELECT count(*) FROM gatehouse.event")), QString::number(lastSeq()));
        // The segment holding batch B goes to the archive (as archive_timeout would do in time).
        const QString segment = psql(QStringLiteral("SELECT pg_walfile_name(pg_switch_wal())"));
        QVERIFY(QTest::qWaitFor([&] { return QFile::exists(m_archive + u'/' + segment); }, 60000));
        run = cli({QStringLiteral("central"), QStringLiteral("status"), QStringLiteral("--central"), m_server.uri()});
        QVERIFY2(run.out.contains("WAL archived up to"), run.out.constData());

        // The machine's data lost; restored from the backup and the archive (README, "Backups").
        m_server.stop();
        const QString data = m_server.dataFolder();
        QVERIFY(QDir(data).removeRecursively());
        QCOMPARE(QProcess::execute(QStringLiteral("cp"), {QStringLiteral("-a"), backups + u'/' + taken.first(), data}),
                 0);
        QFile signal(data + QStringLiteral("/recovery.signal"));
        QVERIFY(signal.open(QIODevice::WriteOnly));
        signal.close();
        QFile settings(data + QStringLiteral("/postgresql.auto.conf"));
        QVERIFY(settings.open(QIODevice::Append));
        settings.write(QStringLiteral("restore_command = 'cp %1/%f %p'\nrecovery_target_time = '%2'\n"
                                      "recovery_target_action = 'promote'\n")
                           .arg(m_archive, moment)
                           .toUtf8());
        settings.close();
        if (m_server.runsAsPostgres())
            QProcess::execute(QStringLiteral("chown"),
                              {QStringLiteral("-R"), QStringLiteral("postgres:postgres"), data});
        QVERIFY(m_server.restart());
        QVERIFY(QTest::qWaitFor([&] { return psql(QStringLiteral("SELECT pg_is_in_recovery()")) == u"f"; }, 120000));

        // Exactly what was acknowledged before the moment: batch A and what came before, once.
        QCOMPARE(psql(QStringLiteral("SELECT count(*) || ' ' || count(DISTINCT seq) || ' ' || min(seq) || ' ' ||"
                                     " max(seq) FROM gatehouse.event WHERE kiosk = 'restore-kiosk'")),
                 QStringLiteral("%1 %1 1 %1").arg(acknowledgedBefore));
        QCOMPARE(psql(QStringLiteral("SELECT count(*) FROM gatehouse.stay")), QStringLiteral("1500"));
        // The kiosk deleted batch B when it was acknowledged: what a restore cannot bring back
        // (README: restore from the archive, not from an old base backup alone).
    }
};

QTEST_GUILESS_MAIN(TestCentralRestore)
#include "TestCentralRestore.moc"
