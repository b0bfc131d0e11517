// AuditLog's hash chain (issue 12): rows linked each to the one before; UPDATE and DELETE refused by
// the database; a row changed, removed or slipped in by someone who gets past the triggers is found
// and named by verify(); the retention purge cuts the chain's start and records where.
#include "../checkin/SiteLog.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QDateTime START(QDate(2020, 8, 3), QTime(1, 0), Qt::UTC);
} // namespace

class TestAuditLog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_count = 0;

    std::unique_ptr<SiteLog> logWithRows(int rows)
    {
        auto site = std::make_unique<SiteLog>(m_dir.filePath(QStringLiteral("a%1.db").arg(++m_count)), START);
        for (int i = 1; i <= rows; ++i) {
            site->clock.advance(60000);
            if (!site->audit
                     .append({site->clock.now(), QStringLiteral("Phan Thị Lễ"), QStringLiteral("override"),
                              QStringLiteral("entry=%1 reason=phone flat").arg(i)})
                     .ok())
                qFatal("cannot append");
        }
        return site;
    }

    // Gets past the triggers, as someone with the file and the sqlite3 shell would.
    static void tamper(SiteLog& site, const QString& sql)
    {
        QSqlQuery query(site.database->connection());
        QVERIFY(query.exec(QStringLiteral("DROP TRIGGER audit_log_append_only")));
        QVERIFY(query.exec(QStringLiteral("DROP TRIGGER audit_log_kept")));
        QVERIFY2(query.exec(sql), qPrintable(sql));
    }

    static QString brokenAt(SiteLog& site)
    {
        const auto verified = site.audit.verify();
        if (!verified)
            return QStringLiteral("error");
        if (const auto* broken = std::get_if<AuditLog::Break>(&verified.value()))
            return QString::number(broken->rowId);
        return QStringLiteral("intact");
    }

private slots:
    void intact()
    {
        auto site = logWithRows(5);
        const auto verified = site->audit.verify();
        QVERIFY(verified.ok());
        QCOMPARE(std::get<qint64>(verified.value()), 5);
    }

    void theDatabaseRefusesChanges()
    {
        auto site = logWithRows(3);
        QSqlQuery query(site->database->connection());
        QVERIFY(!query.exec(QStringLiteral("UPDATE audit_log SET details = 'nothing happened' WHERE id = 2")));
        QVERIFY(query.lastError().text().contains(QStringLiteral("append-only")));
        QVERIFY(!query.exec(QStringLiteral("DELETE FROM audit_log WHERE id = 2")));
        QCOMPARE(brokenAt(*site), QStringLiteral("intact"));
    }

    void aChangedRowIsNamed()
    {
        auto site = logWithRows(5);
        tamper(*site, QStringLiteral("UPDATE audit_log SET details = 'entry=3 reason=none' WHERE id = 3"));
        QCOMPARE(brokenAt(*site), QStringLiteral("3"));
    }

    void aRemovedRowIsNamed()
    {
        auto site = logWithRows(5);
        tamper(*site, QStringLiteral("DELETE FROM audit_log WHERE id = 3"));
        QCOMPARE(brokenAt(*site), QStringLiteral("4")); // the row after the gap no longer follows
    }

    void theFirstRowsRemovedAreFound()
    {
        auto site = logWithRows(5);
        tamper(*site, QStringLiteral("DELETE FROM audit_log WHERE id <= 2"));
        QCOMPARE(brokenAt(*site), QStringLiteral("3"));
    }

    void aRowSlippedInIsNamed()
    {
        auto site = logWithRows(3);
        tamper(*site, QStringLiteral("INSERT INTO audit_log (id, at, actor, action, details, prev_hash, hash) "
                                     "SELECT 10, at, 'cli', 'export', 'x', hash, hash FROM audit_log WHERE id = 3"));
        QCOMPARE(brokenAt(*site), QStringLiteral("10"));
    }

    void retentionCutsTheStartAndSaysWhere()
    {
        auto site = logWithRows(5); // at 1, 2, 3, 4, 5 minutes past START
        const auto purged = site->audit.purgeBefore(START.addSecs(3 * 60 + 30));
        QVERIFY(purged.ok());
        QCOMPARE(purged.value(), 3);
        QCOMPARE(brokenAt(*site), QStringLiteral("intact"));
        QVERIFY(site->audit
                    .append({START.addSecs(600), QStringLiteral("retention"), QStringLiteral("purge"),
                             QStringLiteral("audit_rows=3")})
                    .ok());
        QCOMPARE(std::get<qint64>(site->audit.verify().value()), 3);
        // Everything purged: the next row follows the cut.
        QCOMPARE(site->audit.purgeBefore(START.addSecs(3600)).value(), 3);
        QVERIFY(site->audit
                    .append({START.addSecs(3700), QStringLiteral("cli"), QStringLiteral("export"), QStringLiteral("x")})
                    .ok());
        QCOMPARE(std::get<qint64>(site->audit.verify().value()), 1);
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "TestAuditLog.moc"
