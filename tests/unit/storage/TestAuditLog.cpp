// AuditLog's hash chain (issue 12): rows linked each to the one before; UPDATE and DELETE refused by
// the database; a row changed, removed or slipped in by someone who gets past the triggers is found
// and named by verify(); the retention purge cuts the chain's start and records where, in the chain
// itself; the newest rows removed, or the chain written again, are found against an anchor kept
// outside the file (issue 24).
#include "../checkin/SiteLog.h"

#include <QSqlError>
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
        const auto purged = site->audit.purgeBefore(START.addSecs(3 * 60 + 30), START.addSecs(360));
        QVERIFY(purged.ok());
        QCOMPARE(purged.value(), 3);
        // Issue 24: the cut is in the chain itself, and so in the central store's copy.
        const AuditLog::Record cut = site->audit.latest(1).value().first();
        QCOMPARE(cut.action, AuditLog::PURGED);
        QVERIFY2(cut.details.startsWith(QStringLiteral("rows=3 kept_from=4 cut_hash=")), qPrintable(cut.details));
        QCOMPARE(brokenAt(*site), QStringLiteral("intact"));
        QVERIFY(site->audit
                    .append({START.addSecs(600), QStringLiteral("retention"), QStringLiteral("purge"),
                             QStringLiteral("audit_rows=3")})
                    .ok());
        QCOMPARE(std::get<qint64>(site->audit.verify().value()), 4);
        const AuditLog::Head before = *site->audit.head().value();
        // Everything purged: the next row follows the cut; an anchor older than the cut went with
        // it, as recorded.
        QCOMPARE(site->audit.purgeBefore(START.addSecs(3600), START.addSecs(3650)).value(), 4);
        QVERIFY(site->audit
                    .append({START.addSecs(3700), QStringLiteral("cli"), QStringLiteral("export"), QStringLiteral("x")})
                    .ok());
        QCOMPARE(std::get<qint64>(site->audit.verify().value()), 2);
        QCOMPARE(std::get<qint64>(site->audit.verify(before).value()), 2);
    }

    // Issue 24: the delete trigger yields to a flag any SQL can set. The newest rows removed that
    // way leave a chain that is intact in itself; the head anchored outside the file (the central
    // store's, a manifest's) shows them missing.
    void theNewestRowsRemovedAreFoundAgainstTheAnchor()
    {
        auto site = logWithRows(5);
        const AuditLog::Head anchor = *site->audit.head().value();
        QCOMPARE(anchor.id, 5);
        QCOMPARE(AuditLog::Head::parse(anchor.text())->hash, anchor.hash);
        QSqlQuery query(site->database->connection());
        for (const char* sql : {"UPDATE audit_chain SET purging = 1", "DELETE FROM audit_log WHERE id > 3",
                                "UPDATE audit_chain SET purging = 0"})
            QVERIFY2(query.exec(QLatin1String(sql)), sql);
        QCOMPARE(brokenAt(*site), QStringLiteral("intact")); // what the file alone can tell
        const auto verified = site->audit.verify(anchor);
        const auto* broken = std::get_if<AuditLog::Break>(&verified.value());
        QVERIFY(broken);
        QCOMPARE(broken->rowId, 4);
        QVERIFY2(broken->reason.startsWith(QStringLiteral("rows 4 to 5 are missing")), qPrintable(broken->reason));
    }

    // Someone who rewrites a row and computes every hash after it again (SHA-256 needs no key) has
    // a chain intact in itself, but not the anchored one.
    void aRewrittenChainIsFoundAgainstTheAnchor()
    {
        auto site = logWithRows(5);
        const AuditLog::Head anchor = *site->audit.head().value();
        tamper(*site, QStringLiteral("UPDATE audit_log SET details = 'entry=3 reason=none' WHERE id = 3"));
        QSqlQuery query(site->database->connection());
        QVERIFY(query.exec(QStringLiteral("SELECT id, at, actor, action, details FROM audit_log ORDER BY id")));
        struct Link
        {
            qint64 id;
            QString prev;
            QString hash;
        };
        QList<Link> links;
        QString prev = QStringLiteral(""); // the first row follows nothing: '', not NULL
        while (query.next()) {
            const AuditLog::Record record{QDateTime::fromMSecsSinceEpoch(query.value(1).toLongLong(), Qt::UTC),
                                          query.value(2).toString(), query.value(3).toString(),
                                          query.value(4).toString()};
            const QString hash = AuditLog::rowHash(prev, record);
            links.append({query.value(0).toLongLong(), prev, hash});
            prev = hash;
        }
        for (const Link& link : links) {
            QSqlQuery update(site->database->connection());
            update.prepare(QStringLiteral("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?"));
            update.addBindValue(link.prev);
            update.addBindValue(link.hash);
            update.addBindValue(link.id);
            QVERIFY2(update.exec(), qPrintable(update.lastError().text()));
        }
        QCOMPARE(brokenAt(*site), QStringLiteral("intact"));
        const auto verified = site->audit.verify(anchor);
        const auto* broken = std::get_if<AuditLog::Break>(&verified.value());
        QVERIFY(broken);
        QCOMPARE(broken->rowId, 5);
    }

    // The oldest rows removed through the flag, the chain's start moved to match: no purge in the
    // chain says so.
    void theOldestRowsRemovedWithTheFlagAreFound()
    {
        auto site = logWithRows(5);
        QSqlQuery query(site->database->connection());
        for (const char* sql : {"UPDATE audit_chain SET purging = 1, first_id = 3,"
                                " first_prev_hash = (SELECT hash FROM audit_log WHERE id = 2)",
                                "DELETE FROM audit_log WHERE id < 3", "UPDATE audit_chain SET purging = 0"})
            QVERIFY2(query.exec(QLatin1String(sql)), sql);
        QCOMPARE(brokenAt(*site), QStringLiteral("3"));
    }

    // A cut an older Gatehouse made (before purges were recorded in the chain) stays accepted.
    void aCutMadeBeforeTheUpgradeIsKept()
    {
        const QString path = m_dir.filePath(QStringLiteral("legacy.db"));
        {
            auto old = Database::open(path, Database::Check::None, 8).value();
            AuditLog audit(*old);
            for (int i = 1; i <= 4; ++i)
                QVERIFY(audit
                            .append({START.addSecs(60 * i), QStringLiteral("cli"), QStringLiteral("export"),
                                     QString::number(i)})
                            .ok());
            QSqlQuery query(old->connection());
            for (const char* sql : {"UPDATE audit_chain SET purging = 1, first_id = 3,"
                                    " first_prev_hash = (SELECT hash FROM audit_log WHERE id = 2)",
                                    "DELETE FROM audit_log WHERE id < 3", "UPDATE audit_chain SET purging = 0"})
                QVERIFY2(query.exec(QLatin1String(sql)), sql);
        }
        SiteLog site(path, START);
        QCOMPARE(brokenAt(site), QStringLiteral("intact"));
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "TestAuditLog.moc"
