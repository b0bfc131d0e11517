// Retention covers everything a site keeps (issue 12): entries after retention_days, health answers
// after their own shorter period, used single-use passes once expired, audit rows after
// audit_retention_days (the hash chain still verifies from where it was cut), backups in the backup
// folder (only SQLite files); every purge audited with its counts.
#include "SiteLog.h"
#include "checkin/Retention.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QDateTime START(QDate(2020, 8, 3), QTime(1, 0), Qt::UTC);
constexpr qint64 DAY = 24 * 3600 * 1000;
} // namespace

class TestRetention : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static int count(SiteLog& site, const QString& sql)
    {
        QSqlQuery query(site.database->connection());
        return query.exec(sql) && query.next() ? query.value(0).toInt() : -1;
    }

private slots:
    void everythingHasItsPeriod()
    {
        SiteLog site(m_dir.filePath(QStringLiteral("r.db")), START);
        const QString backups = m_dir.filePath(QStringLiteral("backups"));
        QVERIFY(QDir().mkpath(backups));
        Site config;
        config.retentionDays = 30;
        config.declarationRetentionDays = 7;
        config.auditRetentionDays = 60;
        config.backupFolder = backups;
        CheckInService service(config, site.log, site.audit, site.clock);

        // Day 0: a visitor with health answers and a single-use pass valid for two days; an audit row.
        CheckInService::Request request;
        request.entry.fullName = QStringLiteral("Nguyễn Văn An");
        request.entry.idNumber = QStringLiteral("046087496268");
        request.entry.method = Entry::Method::QrPass;
        request.entry.passId = QStringLiteral("P-1");
        request.entry.passValidTo = START.addDays(2);
        request.entry.declaration = {{QStringLiteral("fever"), QStringLiteral("no")}};
        QVERIFY(service.checkIn(request).ok());
        QVERIFY(service.checkOutPerson(QStringLiteral("046087496268"), Entry::CheckoutKind::Kiosk).ok());
        QVERIFY(
            site.audit.append({site.clock.now(), QStringLiteral("cli"), QStringLiteral("export"), QStringLiteral("x")})
                .ok());
        // Two backups and a note, written long ago; a fresh backup.
        const auto file = [&backups](const QString& name, const QByteArray& bytes, int daysOld) {
            const QString path = backups + QLatin1Char('/') + name;
            QFile out(path);
            if (!out.open(QIODevice::WriteOnly))
                qFatal("cannot write %s", qPrintable(path));
            out.write(bytes);
            out.close();
            QFile touched(path);
            touched.open(QIODevice::ReadWrite);
            touched.setFileTime(START.addDays(-daysOld), QFileDevice::FileModificationTime);
        };
        const QByteArray sqlite("SQLite format 3\0 and the rest of a database", 43);
        file(QStringLiteral("old.db"), sqlite, 400);
        file(QStringLiteral("notes.txt"), "not a backup", 400);
        file(QStringLiteral("fresh.db"), sqlite, 0);

        // Day 3: the pass has expired; its record goes. Nothing else is due.
        site.clock.advance(3 * DAY);
        const auto early = Retention(config, site.log, site.audit, site.clock).apply(QStringLiteral("test"));
        QVERIFY(early.ok());
        QCOMPARE(early->passes, 1);
        QCOMPARE(early->entries, 0);
        QCOMPARE(early->declarations, 0);

        // Day 8: the health answers go; the entry stays.
        site.clock.advance(5 * DAY);
        const auto week = Retention(config, site.log, site.audit, site.clock).apply(QStringLiteral("test"));
        QCOMPARE(week->declarations, 1);
        QCOMPARE(count(site, QStringLiteral("SELECT count(*) FROM entry WHERE declaration IS NULL")), 1);
        QCOMPARE(count(site, QStringLiteral("SELECT count(*) FROM entry")), 1);

        // Day 31: the entry goes. Day 61: the audit rows of day 0.
        site.clock.advance(23 * DAY);
        QCOMPARE(Retention(config, site.log, site.audit, site.clock).apply(QStringLiteral("test"))->entries, 1);
        site.clock.advance(30 * DAY);
        const auto late = Retention(config, site.log, site.audit, site.clock).apply(QStringLiteral("test"));
        QCOMPARE(late->auditRows, 1); // the row of day 0; the purges of days 3 to 31 are younger than 60 days
        // The backup older than retention_days went at the first purge; the note is not a backup and
        // stays; the backup of day 0 went when it was 30 days old.
        QCOMPARE(early->backups, 1);
        QVERIFY(!QFileInfo::exists(backups + QStringLiteral("/old.db")));
        QVERIFY(QFileInfo::exists(backups + QStringLiteral("/notes.txt")));
        QVERIFY(!QFileInfo::exists(backups + QStringLiteral("/fresh.db")));

        // Every purge is audited with its counts, and the chain still verifies after the cut.
        const AuditLog::Record last = site.audit.latest(1).value().first();
        QCOMPARE(last.action, QStringLiteral("purge"));
        QVERIFY2(last.details.startsWith(QStringLiteral("entries=0 declarations=0 passes=0 audit_rows=")),
                 qPrintable(last.details));
        const auto verified = site.audit.verify();
        QVERIFY(verified.ok());
        const auto* broken = std::get_if<AuditLog::Break>(&verified.value());
        QVERIFY2(!broken, broken ? qPrintable(broken->reason) : "");
    }

    void passesOfUnknownExpiryGoWithTheEntries()
    {
        SiteLog site(m_dir.filePath(QStringLiteral("p.db")), START);
        Site config;
        CheckInService service(config, site.log, site.audit, site.clock);
        CheckInService::Request request;
        request.entry.fullName = QStringLiteral("Lê Thị Bình");
        request.entry.idNumber = QStringLiteral("PASS:P-2");
        request.entry.method = Entry::Method::QrPass;
        request.entry.passId = QStringLiteral("P-2"); // an older Gatehouse kept no expiry
        QVERIFY(service.checkIn(request).ok());
        site.clock.advance(29 * DAY);
        QCOMPARE(Retention(config, site.log, site.audit, site.clock).apply(QStringLiteral("test"))->passes, 0);
        site.clock.advance(2 * DAY);
        QCOMPARE(Retention(config, site.log, site.audit, site.clock).apply(QStringLiteral("test"))->passes, 1);
    }
};

QTEST_GUILESS_MAIN(TestRetention)
#include "TestRetention.moc"
