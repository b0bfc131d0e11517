// Nothing acknowledged is lost (issue 5): a child records entries as fast as it can and prints
// each acknowledged id; it is killed with SIGKILL at random moments, 100 rounds on one database.
// Afterwards every acknowledged entry is there and PRAGMA integrity_check says ok.
#include "storage/Database.h"
#include "storage/EntryLog.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

class TestDurability : public QObject
{
    Q_OBJECT

private slots:
    void killedWritersLoseNothingAcknowledged()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("durability.db"));
        QRandomGenerator random(5);
        QSet<qint64> acknowledged;
        int rounds = 0;
        for (; rounds < 100; ++rounds) {
            QProcess writer;
            writer.start(QStringLiteral(GATEHOUSE_DURABILITY_WRITER), {path});
            QVERIFY(writer.waitForStarted());
            // Let it write for a random while (the first rounds also catch it opening).
            QTest::qWait(random.bounded(20, 250));
            ::kill(pid_t(writer.processId()), SIGKILL);
            QVERIFY(writer.waitForFinished(10000));
            QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
            // Only whole lines are acknowledgements: a line cut by the kill was not yet one.
            const QByteArray out = writer.readAllStandardOutput();
            const QList<QByteArray> lines = out.split('\n');
            for (qsizetype i = 0; i + 1 < lines.size(); ++i)
                acknowledged.insert(lines[i].toLongLong());
        }
        QVERIFY2(acknowledged.size() > 100, qPrintable(QString::number(acknowledged.size())));

        auto database = Database::open(path);
        QVERIFY2(database.ok(), database.ok() ? "" : qPrintable(database.error().message()));
        QVERIFY(database.value()->checkIntegrity().ok());
        QSet<qint64> stored;
        QSqlQuery query(database.value()->connection());
        QVERIFY(query.exec(QStringLiteral("SELECT id FROM entry")));
        while (query.next())
            stored.insert(query.value(0).toLongLong());
        const QSet<qint64> lost = acknowledged - stored;
        qInfo("%d rounds: %lld entries acknowledged, %lld stored, %lld lost", rounds,
              static_cast<long long>(acknowledged.size()), static_cast<long long>(stored.size()),
              static_cast<long long>(lost.size()));
        QVERIFY(lost.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDurability)
#include "TestDurability.moc"
