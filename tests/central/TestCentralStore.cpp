// The central store against a real PostgreSQL 15 of the test's own (ThrowawayPostgres): the
// schema migrates and migrates again; two kiosks of one site and one of another send their
// events; a visitor leaves by the other door of the site; `visits`, the site's presence and
// contacts() are right across sites; a batch sent twice is kept once; an exit that reached the
// store before its entry is paired; forget and retention reach it; the server stopped in the
// middle and started again loses nothing; a kiosk's role and an official's role may do what
// formats/central.md says and nothing else (checked with libpq and with psql).
#include "../unit/export/LibreOfficeSheet.h"
#include "FakeClock.h"
#include "SendingKiosk.h"
#include "ThrowawayPostgres.h"
#include "central/CentralAdmin.h"
#include "central/CentralAuditAnchor.h"
#include "central/CentralConnection.h"
#include "central/CentralExport.h"
#include "central/CentralSchema.h"
#include "central/CentralTrace.h"
#include "central/OutboxSender.h"
#include "checkin/CheckInService.h"
#include "common/SiteTime.h"
#include "export/ExportManifest.h"
#include "export/XlsxExport.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/EntryLog.h"
#include "storage/Outbox.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

namespace {
const QDateTime MORNING(QDate(2020, 8, 3), QTime(1, 0), Qt::UTC); // 08:00 in Huế

using Kiosk = SendingKiosk;
} // namespace

class TestCentralStore : public QObject
{
    Q_OBJECT

private:
    ThrowawayPostgres m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<CentralConnection> m_admin;

    QString count(const QString& sql) { return m_server.psql(sql); }

    std::unique_ptr<Kiosk> kiosk(const QString& id, const QString& site, const QString& entrance)
    {
        return std::make_unique<Kiosk>(m_dir.filePath(id + QStringLiteral(".db")), id, site, entrance,
                                       m_server.uriWithoutUser(), MORNING.addSecs(12 * 3600));
    }

private slots:
    void initTestCase()
    {
        const QString why = m_server.start();
        if (!why.isEmpty())
            QSKIP(qPrintable(QStringLiteral("no PostgreSQL server for the central tests: ") + why));
        auto admin = CentralConnection::open(m_server.uri());
        QVERIFY2(admin, admin ? "" : qPrintable(admin.error().message()));
        m_admin = std::move(admin).value();
    }

    void migratesOnceAndAgain()
    {
        const auto first = CentralSchema::migrate(*m_admin);
        QVERIFY2(first, first ? "" : qPrintable(first.error().message()));
        QCOMPARE(first.value(), QList<int>({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}));
        const auto again = CentralSchema::migrate(*m_admin);
        QVERIFY2(again, again ? "" : qPrintable(again.error().message()));
        QVERIFY(again->isEmpty());
        QCOMPARE(count(QStringLiteral("SELECT max(version) FROM gatehouse.schema_version")), QStringLiteral("12"));
        QCOMPARE(
            count(QStringLiteral("SELECT string_agg(rolname, ',' ORDER BY rolname) FROM pg_roles"
                                 " WHERE rolname LIKE 'gatehouse\\_%'")),
            QStringLiteral("gatehouse_admin,gatehouse_console,gatehouse_kiosk,gatehouse_official,gatehouse_registrar,"
                           "gatehouse_scoped"));
        // Only the function that makes a kiosk's login may create roles, through its owner.
        QCOMPARE(count(QStringLiteral("SELECT string_agg(proname || '=' || proowner::regrole::text, ',')"
                                      " FROM pg_proc WHERE proowner = 'gatehouse_registrar'::regrole")),
                 QStringLiteral("kiosk_login=gatehouse_registrar"));
        QCOMPARE(count(QStringLiteral("SELECT rolcreaterole::text || rolcanlogin::text FROM pg_roles"
                                      " WHERE rolname = 'gatehouse_registrar'")),
                 QStringLiteral("truefalse"));
        QCOMPARE(count(QStringLiteral("SELECT nspowner::regrole FROM pg_namespace WHERE nspname = 'gatehouse'")),
                 QStringLiteral("gatehouse_admin"));
        // Everything else in the schema is the administrator's, never the migrator's (version 9
        // left kiosk_isolation(text), SECURITY DEFINER, to the superuser who migrated).
        QCOMPARE(count(QStringLiteral("SELECT coalesce(string_agg(p.oid::regprocedure::text || '=' ||"
                                      " p.proowner::regrole::text, ','), 'none') FROM pg_proc p"
                                      " WHERE p.pronamespace = 'gatehouse'::regnamespace AND p.proowner NOT IN"
                                      " ('gatehouse_admin'::regrole, 'gatehouse_registrar'::regrole)")),
                 QStringLiteral("none"));
        QCOMPARE(count(QStringLiteral("SELECT coalesce(string_agg(c.relname || '=' || c.relowner::regrole::text,"
                                      " ','), 'none') FROM pg_class c WHERE c.relnamespace ="
                                      " 'gatehouse'::regnamespace AND c.relowner <> 'gatehouse_admin'::regrole")),
                 QStringLiteral("none"));
    }

    // A store made by the release before the console (schema version 5) with a day of entries and
    // sendings to the receptionist: upgrading fills the daily counts from what it holds (the
    // province's days, UTC+7), then counts what arrives next on top; its kiosk, registered before
    // kiosk_login() existed, is still taken for a kiosk.
    void upgradesAStoreFromTheVersionBeforeTheConsole()
    {
        QVERIFY(m_admin->exec(QStringLiteral("CREATE DATABASE upgrade")));
        auto connection = CentralConnection::open(m_server.uri(QStringLiteral("postgres"), QStringLiteral("upgrade")));
        QVERIFY(connection);
        CentralConnection& old = *connection.value();
        const auto five = CentralSchema::migrate(old, 5);
        QVERIFY2(five, five ? "" : qPrintable(five.error().message()));
        QCOMPARE(five.value(), QList<int>({1, 2, 3, 4, 5}));
        QVERIFY(old.exec(QStringLiteral("CREATE ROLE old_gate LOGIN IN ROLE gatehouse_kiosk")));
        QVERIFY(
            old.exec(QStringLiteral("INSERT INTO gatehouse.site (site, name, district) VALUES ('old-site', 'Cũ', 'D');"
                                    "INSERT INTO gatehouse.kiosk (kiosk, site) VALUES ('old_gate', 'old-site')")));
        // 23:30 on 3 August and 00:30 on 4 August in Huế: two days of the province, one in UTC.
        const auto ms = [](int day, int hour, int minute) {
            return QString::number(
                QDateTime(QDate(2020, 8, day), QTime(hour, minute), Qt::OffsetFromUTC, 7 * 3600).toMSecsSinceEpoch());
        };
        int seq = 0;
        const auto send = [&](const QString& kind, const QString& body) {
            ++seq;
            return old.exec(QStringLiteral("INSERT INTO gatehouse.event (kiosk, seq, site, kind, body)"
                                           " VALUES ('old_gate', $1, 'old-site', $2, $3::jsonb)"),
                            {QString::number(seq), kind, body});
        };
        const auto entry = [&](const QString& at, const QString& appStatus) {
            return send(
                QStringLiteral("entry"),
                QStringLiteral("{\"local_id\": %1, \"entrance\": \"A\", \"person_type\": \"visitor\","
                               " \"full_name\": \"Khách %1\", \"checked_in_at\": \"%2\", \"app_status\": \"%3\"}")
                    .arg(QString::number(seq + 1), at, appStatus));
        };
        QVERIFY(entry(ms(3, 23, 30), QStringLiteral("verified")));
        QVERIFY(entry(ms(3, 23, 40), QStringLiteral("overridden")));
        QVERIFY(entry(ms(4, 0, 30), QStringLiteral("verified")));
        QVERIFY(send(QStringLiteral("audit"),
                     QStringLiteral("{\"action\": \"sent_to_receptionist\", \"at\": \"%1\"}").arg(ms(3, 23, 35))));

        const auto upgraded = CentralSchema::migrate(old);
        QVERIFY2(upgraded, upgraded ? "" : qPrintable(upgraded.error().message()));
        QCOMPARE(upgraded.value(), QList<int>({6, 7, 8, 9, 10, 11, 12}));
        const QString days = QStringLiteral(
            "SELECT string_agg(day || ' ' || entries || ' ' || app_verified || ' ' || overridden || ' ' ||"
            " sent_to_receptionist, ', ' ORDER BY day) FROM gatehouse.site_day WHERE site = 'old-site'");
        const auto read = [&](const QString& sql) {
            const auto rows = old.exec(sql);
            return rows && !rows->values.isEmpty() ? rows->values.first().first() : QString();
        };
        QCOMPARE(read(days), QStringLiteral("2020-08-03 2 1 1 1, 2020-08-04 1 1 0 0"));
        // What arrives after the upgrade is counted on top of the filled rows.
        QVERIFY(entry(ms(4, 8, 0), QStringLiteral("verified")));
        QCOMPARE(read(days), QStringLiteral("2020-08-03 2 1 1 1, 2020-08-04 2 2 0 0"));
        // The old kiosk's role is a plain kiosk's: registered again, it is kept.
        QCOMPARE(read(QStringLiteral("SELECT coalesce(gatehouse.register_kiosk('old_gate', 'old-site', 'B'), 'ok')")),
                 QStringLiteral("ok"));
        QCOMPARE(read(QStringLiteral("SELECT entrance || ' ' || (last_contact_at IS NULL) || ' ' ||"
                                     " coalesce(backlog::text, '-') FROM gatehouse.kiosks WHERE kiosk = 'old_gate'")),
                 QStringLiteral("B true -"));
        connection = Error(Error::Kind::Failed, QStringLiteral("closed")); // closes the link to drop its database
        QVERIFY(m_admin->exec(QStringLiteral("DROP DATABASE upgrade")));
        QVERIFY(m_admin->exec(QStringLiteral("DROP ROLE old_gate")));
    }

    void registersSitesAndKiosks()
    {
        CentralAdmin admin(*m_admin);
        QVERIFY(admin.addSite(QStringLiteral("hue-ubnd"), QStringLiteral("UBND tỉnh Thừa Thiên Huế"),
                              QStringLiteral("TP Huế")));
        QVERIFY(admin.addSite(QStringLiteral("hue-hotel"), QStringLiteral("Khách sạn Hương Giang"),
                              QStringLiteral("TP Huế")));
        QVERIFY(
            admin.addKiosk(QStringLiteral("ubnd-gate-a"), QStringLiteral("hue-ubnd"), QStringLiteral("Cổng chính")));
        QVERIFY(admin.addKiosk(QStringLiteral("ubnd-gate-b"), QStringLiteral("hue-ubnd"), QStringLiteral("Cổng phụ")));
        QVERIFY(admin.addKiosk(QStringLiteral("hotel-front"), QStringLiteral("hue-hotel"), QStringLiteral("Sảnh")));
        QVERIFY(admin.addKiosk(QStringLiteral("hotel-front"), QStringLiteral("hue-hotel"),
                               QStringLiteral("Sảnh"))); // again
        const auto unknownSite = admin.addKiosk(QStringLiteral("x-1"), QStringLiteral("nowhere"), QString());
        QVERIFY(!unknownSite);
        QVERIFY(unknownSite.error().message().contains(QStringLiteral("add-site")));
        QVERIFY(!admin.addKiosk(QStringLiteral("Bad Name\"; DROP"), QStringLiteral("hue-ubnd"), QString()));
        // Issue 24: a role that is not a plain kiosk's is never taken for one (its rights would
        // become the kiosk login's): an official's, the owner group, a kiosk that is an official too.
        QVERIFY(m_admin->exec(QStringLiteral("CREATE ROLE official_borrowed LOGIN IN ROLE gatehouse_official")));
        QVERIFY(m_admin->exec(QStringLiteral("CREATE ROLE kiosk_and_more LOGIN IN ROLE gatehouse_kiosk, "
                                             "gatehouse_official")));
        for (const char* taken : {"official_borrowed", "gatehouse_admin", "kiosk_and_more"}) {
            const auto refused = admin.addKiosk(QString::fromLatin1(taken), QStringLiteral("hue-ubnd"), QString());
            QVERIFY2(!refused, taken);
            QVERIFY2(refused.error().message().contains(QStringLiteral("not a kiosk's")),
                     qPrintable(refused.error().message()));
        }
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM gatehouse.kiosk WHERE kiosk IN "
                                      "('official_borrowed', 'gatehouse_admin', 'kiosk_and_more')")),
                 QStringLiteral("0"));
        QVERIFY(m_admin->exec(QStringLiteral("DROP ROLE official_borrowed, kiosk_and_more")));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member"
                                      " WHERE m.roleid = 'gatehouse_kiosk'::regrole")),
                 QStringLiteral("3"));
        const auto kiosks = admin.status().value();
        QCOMPARE(kiosks.size(), 3);
        QCOMPARE(kiosks[0].kiosk, QStringLiteral("hotel-front"));
        QCOMPARE(kiosks[0].events, 0);
        QVERIFY(!kiosks[0].lastReceivedAt.isValid());
        QVERIFY(!kiosks[0].lastContactAt.isValid());
        QCOMPARE(kiosks[0].backlog, -1);
    }

    void visitsAcrossDoorsAndSites()
    {
        auto gateA = kiosk(QStringLiteral("ubnd-gate-a"), QStringLiteral("hue-ubnd"), QStringLiteral("Cổng chính"));
        auto gateB = kiosk(QStringLiteral("ubnd-gate-b"), QStringLiteral("hue-ubnd"), QStringLiteral("Cổng phụ"));
        auto hotel = kiosk(QStringLiteral("hotel-front"), QStringLiteral("hue-hotel"), QStringLiteral("Sảnh"));
        // At the province office: An from 08:00, the case (Hoa) from 08:10 to 09:00, Bình from 10:00.
        gateA->enter(QStringLiteral("Trần Văn An"), QStringLiteral("046190000001"), MORNING);
        const qint64 hoa =
            gateA->enter(QStringLiteral("Nguyễn Thị Hoa"), QStringLiteral("046190000099"), MORNING.addSecs(600));
        QVERIFY(gateA->log.checkOut(hoa, MORNING.addSecs(3600), Entry::CheckoutKind::Kiosk));
        gateB->enter(QStringLiteral("Lê Thị Bình"), QStringLiteral("046190000002"), MORNING.addSecs(7200));
        // At the hotel: Hoa 12:00-13:00, Cường from 12:30 and still inside.
        const qint64 hoaHotel =
            hotel->enter(QStringLiteral("Nguyễn Thị Hoa"), QStringLiteral("046190000099"), MORNING.addSecs(4 * 3600));
        QVERIFY(hotel->log.checkOut(hoaHotel, MORNING.addSecs(5 * 3600), Entry::CheckoutKind::Receptionist));
        hotel->enter(QStringLiteral("Phạm Cường"), QStringLiteral("046190000003"), MORNING.addSecs(4 * 3600 + 1800));

        for (Kiosk* k : {gateA.get(), hotel.get(), gateB.get()}) {
            const auto round = k->sender.round();
            QVERIFY2(round, round ? "" : qPrintable(round.error().message()));
            QCOMPARE(round->backlog, 0);
        }
        // Each kiosk said at its round that it was there and had nothing left waiting.
        for (const CentralAdmin::KioskState& state : CentralAdmin(*m_admin).status().value()) {
            QVERIFY2(state.lastContactAt.isValid(), qPrintable(state.kiosk));
            QCOMPARE(state.backlog, 0);
        }
        // Gate B has learnt An is inside (entered at gate A); An leaves by gate B.
        QVERIFY(gateB->outbox.siteEntryOf(QStringLiteral("046190000001")).value().has_value());
        QVERIFY(!gateB->outbox.siteEntryOf(QStringLiteral("046190000003")).value().has_value()); // another site
        const auto an = *gateB->outbox.siteEntryOf(QStringLiteral("046190000001")).value();
        QCOMPARE(an.visitKey, QStringLiteral("ubnd-gate-a:1"));
        QVERIFY(gateB->outbox.recordSiteExit(an.visitKey, an.idNumber, gateB->entrance, MORNING.addSecs(3000),
                                             QStringLiteral("kiosk")));
        const auto round = gateB->sender.round();
        QVERIFY2(round, round ? "" : qPrintable(round.error().message()));
        QCOMPARE(round->sent, 1);

        QCOMPARE(
            count(QStringLiteral("SELECT entrance || '>' || exit_entrance || ' ' || checkout_kind FROM gatehouse.visits"
                                 " WHERE visit_key = 'ubnd-gate-a:1'")),
            QStringLiteral("Cổng chính>Cổng phụ kiosk"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM gatehouse.visits")), QStringLiteral("5"));
        QCOMPARE(count(QStringLiteral(
                     "SELECT site_name || '|' || district FROM gatehouse.visits WHERE id_number = '046190000003'")),
                 QStringLiteral("Khách sạn Hương Giang|TP Huế"));

        CentralAdmin admin(*m_admin);
        const auto inside = admin.present(QStringLiteral("hue-ubnd")).value();
        QCOMPARE(inside.size(), 1);
        QCOMPARE(inside[0].fullName, QStringLiteral("Lê Thị Bình"));
        QCOMPARE(inside[0].entrance, QStringLiteral("Cổng phụ"));
        QCOMPARE(inside[0].checkedInAt, MORNING.addSecs(7200));

        // The case's contacts that day: An at the office (08:10-08:50, 40 minutes), Cường at the
        // hotel (12:30-13:00, 30 minutes); Bình came after Hoa left.
        const QString contacts = count(QStringLiteral(
            "SELECT string_agg(site || ' ' || full_name || ' ' || overlap_minutes, '; ' ORDER BY checked_in_at)"
            " FROM gatehouse.contacts('046190000099', '2020-08-03T00:00:00+07', '2020-08-04T00:00:00+07')"));
        QCOMPARE(contacts, QStringLiteral("hue-ubnd Trần Văn An 40.0; hue-hotel Phạm Cường 30.0"));

        const auto kiosks = admin.status().value();
        QCOMPARE(kiosks.size(), 3);
        for (const CentralAdmin::KioskState& state : kiosks)
            QVERIFY(state.lastReceivedAt.isValid());
    }

    void theServiceChecksOutAtAnyDoorOfTheSite()
    {
        auto gateA = kiosk(QStringLiteral("ubnd-gate-a"), QStringLiteral("hue-ubnd"), QStringLiteral("Cổng chính"));
        auto gateB = kiosk(QStringLiteral("ubnd-gate-b"), QStringLiteral("hue-ubnd"), QStringLiteral("Cổng phụ"));
        const QDateTime day = MORNING.addDays(4);
        gateA->enter(QStringLiteral("Đỗ Văn Giang"), QStringLiteral("046190000005"), day);
        QVERIFY(gateA->sender.round());
        QVERIFY(gateB->sender.round()); // fetches Giang's open entry
        Site site;
        site.id = QStringLiteral("hue-ubnd");
        site.entrance = QStringLiteral("Cổng phụ");
        site.centralIntervalSeconds = 30;
        CheckInService service(site, gateB->log, gateB->audit, gateB->clock);
        // The console at gate B sees Giang inside, at the other door, and says it shows every entrance.
        const auto presence = service.presentAtSite();
        QVERIFY(presence);
        QVERIFY(presence->everyEntrance);
        QVERIFY(std::any_of(presence->entries.begin(), presence->entries.end(), [](const Entry& e) {
            return e.fullName == QStringLiteral("Đỗ Văn Giang") && e.entrance == QStringLiteral("Cổng chính") &&
                   e.id == 0;
        }));
        const auto left =
            service.checkOutPerson(QStringLiteral("046 190 000 005"), Entry::CheckoutKind::Kiosk, day.addSecs(900));
        QVERIFY2(left, left ? "" : qPrintable(left.error().message()));
        QCOMPARE(left->fullName, QStringLiteral("Đỗ Văn Giang"));
        QCOMPARE(left->entrance, QStringLiteral("Cổng chính"));
        QCOMPARE(left->checkedInAt, day);
        // Someone the site's doors do not have inside, with a fresh fetch: nobody to check out.
        const auto nobody = service.checkOutPerson(QStringLiteral("046190000006"), Entry::CheckoutKind::Kiosk);
        QVERIFY(!nobody);
        QVERIFY(gateB->sender.round());
        QCOMPARE(count(QStringLiteral("SELECT exit_entrance FROM gatehouse.visits WHERE id_number = '046190000005'")),
                 QStringLiteral("Cổng phụ"));
        // Offline for longer than three rounds: the exit is recorded and paired later.
        gateB->clock.advance(10 * 60 * 1000);
        const auto offline =
            service.checkOutPerson(QStringLiteral("046190000006"), Entry::CheckoutKind::Kiosk, day.addSecs(1800));
        QVERIFY2(offline, offline ? "" : qPrintable(offline.error().message()));
        QVERIFY(!offline->checkedInAt.isValid());
        QVERIFY(!service.presentAtSite()->everyEntrance); // and the console says so
        QCOMPARE(gateB->outbox.status()->waiting, 1);
        // Without a central store, as before.
        site.centralIntervalSeconds = 0;
        CheckInService alone(site, gateB->log, gateB->audit, gateB->clock);
        QVERIFY(!alone.checkOutPerson(QStringLiteral("046190000007"), Entry::CheckoutKind::Kiosk));
    }

    void theProvinceWideTraceFile()
    {
        // `central trace`: contacts() across sites as the kiosk's trace file plus site_name,
        // neutralised and signed like the kiosk's own.
        auto gateA = kiosk(QStringLiteral("ubnd-gate-a"), QStringLiteral("hue-ubnd"), QStringLiteral("Cổng chính"));
        auto hotel = kiosk(QStringLiteral("hotel-front"), QStringLiteral("hue-hotel"), QStringLiteral("Sảnh"));
        const QDateTime day = MORNING.addDays(5);
        const qint64 caseAtOffice = gateA->enter(QStringLiteral("Ca Bệnh"), QStringLiteral("046190000010"), day);
        QVERIFY(gateA->log.checkOut(caseAtOffice, day.addSecs(3600), Entry::CheckoutKind::Kiosk));
        gateA->enter(QStringLiteral("=HYPERLINK(\"x\")"), QStringLiteral("046190000011"), day.addSecs(600));
        const qint64 caseAtHotel =
            hotel->enter(QStringLiteral("Ca Bệnh"), QStringLiteral("046190000010"), day.addSecs(7200));
        QVERIFY(hotel->log.checkOut(caseAtHotel, day.addSecs(9000), Entry::CheckoutKind::Kiosk));
        hotel->enter(QStringLiteral("Võ Lữ Hành"), QStringLiteral("046190000012"), day.addSecs(7000));
        QVERIFY(gateA->sender.round());
        QVERIFY(hotel->sender.round());
        auto key = Ed25519Key::generate().value();
        CentralTrace trace;
        trace.idNumber = QStringLiteral("046 190 000 010");
        trace.ask.from = day.addSecs(-3600);
        trace.ask.to = day.addDays(1);
        trace.ask.path = m_dir.filePath(QStringLiteral("trace.csv"));
        trace.language = QStringLiteral("en");
        trace.ask.key = key;
        trace.ask.actor = QStringLiteral("postgres");
        trace.ask.generatedAt = day.addDays(2);
        const auto written = trace.run(*m_admin);
        QVERIFY2(written, written ? "" : qPrintable(written.error().message()));
        // Those two, and whoever was still inside at the office and the hotel then (an open stay
        // counts until now: Bình and Cường from the first day).
        QCOMPARE(written->rows, 4);
        QFile file(trace.ask.path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray csv = file.readAll();
        const QList<QByteArray> lines = csv.split('\n');
        QVERIFY(lines[0].startsWith("\xEF\xBB\xBF\"entry_id\",\"site\""));
        QVERIFY(lines[0].contains("\"overlap_minutes\",\"site_name\""));
        const auto line = [&lines](const QByteArray& needle) {
            for (const QByteArray& l : lines)
                if (l.contains(needle))
                    return l;
            return QByteArray();
        };
        const QByteArray office = line("HYPERLINK");
        QVERIFY2(office.startsWith("\"ubnd-gate-a:"), office.constData());
        QVERIFY(office.contains("\"'=HYPERLINK(\"\"x\"\")\"")); // neutralised, quoted
        QVERIFY(office.contains("\"50.0\",\"UBND tỉnh Thừa Thiên Huế\""));
        QVERIFY(office.contains(SiteTime(7 * 60).iso(day.addSecs(600)).toUtf8()));
        QVERIFY(line("Võ Lữ Hành").contains("\"30.0\",\"Khách sạn Hương Giang\""));
        QVERIFY(!line("Lê Thị Bình").isEmpty());
        QVERIFY(line("Ca Bệnh").isEmpty()); // never the case
        QCOMPARE(QFileInfo(trace.ask.path).permissions() & 0x0077, QFileDevice::Permissions());
        const auto vouched = ExportManifest::verify(trace.ask.path, key);
        QVERIFY2(vouched, vouched ? "" : qPrintable(vouched.error().message()));
        QCOMPARE(vouched->purpose, QStringLiteral("trace"));
        QCOMPARE(vouched->rows, 4);
        // Someone with no stay in the window: a sentence, no file.
        trace.idNumber = QStringLiteral("046190000013");
        trace.ask.path = m_dir.filePath(QStringLiteral("nobody.csv"));
        QVERIFY(!trace.run(*m_admin));
        QVERIFY(!QFile::exists(trace.ask.path));
    }

    void theProvinceWideExport()
    {
        // `central export` of the first day (formats/cli.md): one site, a district, every site; the
        // kiosk's columns with entry_id = visit_key and site filled, the same CSV rules, XLSX read
        // by LibreOffice, signed, and recorded centrally as handed out.
        const auto key = Ed25519Key::generate().value();
        CentralExport file;
        file.sites = {CentralEntryRows::Sites::Kind::Site, QStringLiteral("hue-ubnd")};
        file.ask.from = MORNING.addSecs(-3600);
        file.ask.to = MORNING.addDays(1);
        file.ask.path = m_dir.filePath(QStringLiteral("office.csv"));
        file.ask.key = key;
        file.ask.actor = QStringLiteral("postgres");
        file.ask.generatedAt = MORNING.addDays(2);
        const auto office = file.run(*m_admin);
        QVERIFY2(office, office ? "" : qPrintable(office.error().message()));
        QCOMPARE(office->rows, 3); // An (left by the other door), Hoa, Bình (still inside)
        QFile csv(file.ask.path);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().split('\n');
        QCOMPARE(lines.size(), 5); // header, three rows, nothing after the last CRLF
        QVERIFY(lines[0].startsWith("\xEF\xBB\xBF\"entry_id\",\"site\",\"entrance\""));
        QVERIFY2(lines[1].startsWith("\"ubnd-gate-a:1\",\"hue-ubnd\",\"Cổng chính\",\"visitor\",\"Trần Văn An\","
                                     "\"046190000001\""),
                 lines[1].constData());
        const QByteArray leftAt = SiteTime(7 * 60).iso(MORNING.addSecs(3000)).toUtf8();
        QVERIFY(lines[1].contains(QByteArray('"' + leftAt + "\",\"kiosk\"")));
        QVERIFY(lines[3].contains("\"Lê Thị Bình\""));
        QVERIFY(lines[3].contains("\"\",\"\",\"qr_cccd\"") || lines[3].contains(",,\"qr_cccd\"")); // still inside
        QCOMPARE(QFileInfo(file.ask.path).permissions() & 0x0077, QFileDevice::Permissions());
        const auto vouched = ExportManifest::verify(file.ask.path, key);
        QVERIFY2(vouched, vouched ? "" : qPrintable(vouched.error().message()));
        QCOMPARE(vouched->purpose, QStringLiteral("export"));
        QCOMPARE(vouched->site, QStringLiteral("hue-ubnd"));
        QCOMPARE(vouched->rows, 3);

        // The district's two sites, as a workbook.
        file.sites = {CentralEntryRows::Sites::Kind::District, QStringLiteral("TP Huế")};
        file.ask.path = m_dir.filePath(QStringLiteral("district.xlsx"));
        file.language = QStringLiteral("vi");
        const auto district = file.run(*m_admin);
        QVERIFY2(district, district ? "" : qPrintable(district.error().message()));
        QCOMPARE(district->rows, 5);
        QVERIFY(XlsxExport::wholeSheet(file.ask.path, 6));
        QCOMPARE(ExportManifest::verify(file.ask.path, key)->site, QStringLiteral("district:TP Huế"));
        if (!LibreOfficeSheet::program().isEmpty()) {
            QTemporaryDir work;
            QString problem;
            auto sheet = LibreOfficeSheet::read(file.ask.path, work.path(), QString(), &problem);
            QVERIFY2(sheet, qPrintable(problem));
            sheet->dropEmptyRows();
            QCOMPARE(sheet->rows.size(), 6);
            QCOMPARE(sheet->rows[0][4].value, QStringLiteral("Họ và tên"));
            QCOMPARE(sheet->rows[1][0].type, QStringLiteral("string")); // the visit key, as text
            QCOMPARE(sheet->rows[1][0].value, QStringLiteral("ubnd-gate-a:1"));
            QCOMPARE(sheet->rows[1][5].type, QStringLiteral("string")); // the leading zero kept
            QCOMPARE(sheet->rows[1][5].value, QStringLiteral("046190000001"));
            QCOMPARE(sheet->rows[1][8].type, QStringLiteral("date"));
            QCOMPARE(sheet->rows[1][8].value, QStringLiteral("2020-08-03T08:00:00"));
        } else {
            qInfo("LibreOffice is not installed: the workbook is checked by its own reader only");
        }

        // Every site: the same five (the later days are outside the window).
        file.sites = {};
        file.ask.path = m_dir.filePath(QStringLiteral("all.csv"));
        file.ask.key.reset();
        QCOMPARE(file.run(*m_admin)->rows, 5);

        // A mistyped site is a sentence, and no file.
        file.sites = {CentralEntryRows::Sites::Kind::Site, QStringLiteral("hue-ubdn")};
        file.ask.path = m_dir.filePath(QStringLiteral("mistyped.csv"));
        const auto mistyped = file.run(*m_admin);
        QVERIFY(!mistyped);
        QVERIFY2(mistyped.error().message().contains(QStringLiteral("hue-ubdn")),
                 qPrintable(mistyped.error().message()));
        QVERIFY(!QFile::exists(file.ask.path));

        // Each file handed out is recorded: who, what, the rows and the file's SHA-256.
        QCOMPARE(count(QStringLiteral("SELECT string_agg(purpose || ' ' || scope || ' ' || rows || ' ' || login, '; '"
                                      " ORDER BY id) FROM gatehouse.handed_out WHERE purpose = 'export'")),
                 QStringLiteral("export hue-ubnd 3 postgres; export district:TP Huế 5 postgres; export * 5 postgres"));
        QCOMPARE(count(QStringLiteral("SELECT sha256 FROM gatehouse.handed_out WHERE scope = 'hue-ubnd'")),
                 QString::fromLatin1(office->sha256.toHex()));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM gatehouse.handed_out WHERE purpose = 'trace'")),
                 QStringLiteral("1")); // the trace test's file (its case with no stay wrote none)
    }

    void aBatchSentTwiceIsKeptOnce()
    {
        auto gateA = kiosk(QStringLiteral("ubnd-gate-a"), QStringLiteral("hue-ubnd"), QStringLiteral("Cổng chính"));
        for (int i = 0; i < 20; ++i)
            gateA->enter(QStringLiteral("Khách %1").arg(i),
                         QStringLiteral("0461910000%1").arg(i, 2, 10, QLatin1Char('0')),
                         MORNING.addDays(1).addSecs(i * 60));
        // The kiosk as it was before the round (a copy of its log): its mark has not moved.
        QVERIFY(gateA->outbox.enable());
        const QString copy = m_dir.filePath(QStringLiteral("gate-a-copy.db"));
        const auto copied = gateA->database->backup(copy);
        QVERIFY2(copied, copied ? "" : qPrintable(copied.error().message()));
        const QString before = count(QStringLiteral("SELECT count(*) FROM gatehouse.event"));
        QVERIFY(gateA->sender.round());
        const QString after = count(QStringLiteral("SELECT count(*) FROM gatehouse.event"));
        QCOMPARE(after.toInt() - before.toInt(), 20);
        // The copy resends every event it held (its acknowledgement "lost"): nothing changes.
        {
            auto database = Database::open(copy).value();
            Outbox outbox(*database);
            FakeClock clock;
            OutboxSender again({m_server.uriWithoutUser(), QStringLiteral("ubnd-gate-a"), QStringLiteral("hue-ubnd")},
                               outbox, clock);
            const auto round = again.round();
            QVERIFY2(round, round ? "" : qPrintable(round.error().message()));
            QVERIFY(round->sent >= 20);
        }
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM gatehouse.event")), after);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM gatehouse.visits WHERE full_name LIKE 'Khách %'")),
                 QStringLiteral("20"));
    }

    void anExitBeforeItsEntryIsPaired()
    {
        auto gateA = kiosk(QStringLiteral("ubnd-gate-a"), QStringLiteral("hue-ubnd"), QStringLiteral("Cổng chính"));
        auto gateB = kiosk(QStringLiteral("ubnd-gate-b"), QStringLiteral("hue-ubnd"), QStringLiteral("Cổng phụ"));
        const QDateTime day = MORNING.addDays(2);
        gateA->enter(QStringLiteral("Võ Thị Dung"), QStringLiteral("046190000004"), day); // gate A offline
        // Gate B never heard of her entry: the exit is recorded all the same.
        QVERIFY(gateB->outbox.recordSiteExit(QString(), QStringLiteral("046190000004"), gateB->entrance,
                                             day.addSecs(1800), QStringLiteral("kiosk")));
        QVERIFY(gateB->sender.round());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM gatehouse.pending_exit WHERE id_number = '046190000004'")),
                 QStringLiteral("1"));
        QVERIFY(gateA->sender.round()); // gate A back online
        QCOMPARE(count(QStringLiteral("SELECT exit_entrance || ' ' || checked_out_at FROM gatehouse.visits"
                                      " WHERE id_number = '046190000004'")),
                 QStringLiteral("Cổng phụ 2020-08-05 01:30:00+00"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM gatehouse.pending_exit WHERE id_number = '046190000004'")),
                 QStringLiteral("0"));
    }

    void forgetReachesTheCentralStore()
    {
        auto gateA = kiosk(QStringLiteral("ubnd-gate-a"), QStringLiteral("hue-ubnd"), QStringLiteral("Cổng chính"));
        QVERIFY(
            count(QStringLiteral("SELECT count(*) FROM gatehouse.visits WHERE id_number = '046190000001'")).toInt() >
            0);
        QCOMPARE(gateA->log.deletePerson(QStringLiteral("046190000001")).value(), 1);
        QVERIFY(gateA->sender.round());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM gatehouse.visits WHERE id_number = '046190000001'")),
                 QStringLiteral("0"));
        // Nor in the journal: not the ID number, not the name.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM gatehouse.event WHERE id_number = '046190000001'"
                                      " OR body::text LIKE '%Trần Văn An%' OR body::text LIKE '%046190000001%'")),
                 QStringLiteral("0"));

        // Nor in an old row version: PostgreSQL keeps deleted and updated rows, and their index
        // entries, until VACUUM (issue 24). Read with pageinspect (postgresql-contrib), as
        // someone with the data files could.
        QVERIFY(!m_server.psql(QStringLiteral("CREATE EXTENSION IF NOT EXISTS pageinspect; SELECT 1")).isEmpty());
        // A table or index itself, or every partition of it (stay and event by month, schema
        // version 11): pg_partition_tree() lists a plain table's nothing.
        const auto withStorage = [](const QString& relation) {
            return QStringLiteral("(SELECT relid FROM pg_partition_tree('gatehouse.%1') WHERE isleaf UNION"
                                  " SELECT 'gatehouse.%1'::regclass WHERE (SELECT relkind FROM pg_class WHERE oid ="
                                  " 'gatehouse.%1'::regclass) IN ('r', 'i'))")
                .arg(relation);
        };
        const auto leftOnPages = [this, &withStorage](const QString& text) {
            const QString bytes = QStringLiteral("convert_to('%1', 'UTF8')").arg(text);
            int found = 0;
            for (const char* table : {"stay", "pending_exit", "event"}) {
                found += count(QStringLiteral("SELECT count(*) FROM %1 AS t,"
                                              " generate_series(0, pg_relation_size(t.relid) / 8192 - 1) AS page,"
                                              " heap_page_items(get_raw_page(t.relid::regclass::text, page::int))"
                                              " AS item WHERE position(%2 IN item.t_data) > 0")
                                   .arg(withStorage(QLatin1String(table)), bytes))
                             .toInt();
            }
            for (const char* index : {"stay_id_number", "stay_open", "pending_exit_person", "event_person"}) {
                // Page 0 is a B-tree's metapage; an empty index has no other.
                found += count(QStringLiteral("SELECT count(*) FROM %1 AS t,"
                                              " generate_series(1, pg_relation_size(t.relid) / 8192 - 1) AS page,"
                                              " bt_page_items(get_raw_page(t.relid::regclass::text, page::int)) AS item"
                                              " WHERE position(%2 IN decode(replace(item.data, ' ', ''), 'hex')) > 0")
                                   .arg(withStorage(QLatin1String(index)), bytes))
                             .toInt();
            }
            return found;
        };
        QVERIFY(leftOnPages(QStringLiteral("046190000001")) > 0); // what the vacuum is for
        QVERIFY(CentralAdmin(*m_admin).vacuum());
        QCOMPARE(leftOnPages(QStringLiteral("046190000001")), 0);
        QCOMPARE(leftOnPages(QStringLiteral("Trần Văn An")), 0);
    }

    void retentionAppliesCentrally()
    {
        const QString before = count(QStringLiteral("SELECT count(*) FROM gatehouse.visits"));
        // Everything that ended before 2020-08-04 goes: the stays of 2020-08-03.
        const QString purged = count(QStringLiteral("SELECT stays FROM gatehouse.purge('2020-08-04T00:00:00Z')"));
        QVERIFY(purged.toInt() > 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM gatehouse.visits")).toInt(),
                 before.toInt() - purged.toInt());
        QCOMPARE(count(QStringLiteral(
                     "SELECT count(*) FROM gatehouse.visits WHERE checked_out_at < '2020-08-04T00:00:00Z'")),
                 QStringLiteral("0"));
    }

    void theServerStoppedAndStartedLosesNothing()
    {
        auto hotel = kiosk(QStringLiteral("hotel-front"), QStringLiteral("hue-hotel"), QStringLiteral("Sảnh"));
        const QDateTime day = MORNING.addDays(3);
        for (int i = 0; i < 30; ++i)
            hotel->enter(QStringLiteral("Khách sạn %1").arg(i),
                         QStringLiteral("0461920000%1").arg(i, 2, 10, QLatin1Char('0')), day.addSecs(i));
        m_server.stop();
        const auto down = hotel->sender.round();
        QVERIFY(!down);
        QVERIFY2(down.error().message().contains(QStringLiteral("central store")), qPrintable(down.error().message()));
        QCOMPARE(hotel->outbox.status()->waiting, 30);
        QCOMPARE(hotel->outbox.status()->lastError, down.error().message());
        QVERIFY(m_server.restart());
        auto admin = CentralConnection::open(m_server.uri());
        QVERIFY(admin);
        m_admin = std::move(admin).value();
        const auto up = hotel->sender.round();
        QVERIFY2(up, up ? "" : qPrintable(up.error().message()));
        QCOMPARE(up->sent, 30);
        QCOMPARE(hotel->outbox.status()->waiting, 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM gatehouse.visits WHERE full_name LIKE 'Khách sạn %'")),
                 QStringLiteral("30"));
    }

    void aKioskMayInsertItsOwnEventsAndNothingElse()
    {
        auto connection = CentralConnection::open(m_server.uriWithoutUser(), QStringLiteral("ubnd-gate-a"));
        QVERIFY(connection);
        CentralConnection& kiosk = *connection.value();
        const auto insert = [&](const QString& kioskId, const QString& site) {
            return kiosk.exec(QStringLiteral("INSERT INTO gatehouse.event (kiosk, seq, site, kind, body)"
                                             " VALUES ($1, 900000, $2, 'audit', '{}')"),
                              {kioskId, site});
        };
        QVERIFY(!insert(QStringLiteral("ubnd-gate-b"), QStringLiteral("hue-ubnd")));  // another kiosk
        QVERIFY(!insert(QStringLiteral("ubnd-gate-a"), QStringLiteral("hue-hotel"))); // another site
        const auto own = insert(QStringLiteral("ubnd-gate-a"), QStringLiteral("hue-ubnd"));
        QVERIFY2(own, own ? "" : qPrintable(own.error().message()));
        for (const char* forbidden :
             {"UPDATE gatehouse.event SET body = '{}'", "DELETE FROM gatehouse.event", "TRUNCATE gatehouse.event",
              "SELECT * FROM gatehouse.visits", "SELECT * FROM gatehouse.stay", "SELECT * FROM gatehouse.event",
              "SELECT * FROM gatehouse.kiosks",
              "SELECT * FROM gatehouse.contacts('046190000099', now() - interval '1 year', now())",
              "INSERT INTO gatehouse.stay (visit_key) VALUES ('x')", "SELECT gatehouse.purge(now())",
              "SELECT * FROM gatehouse.handed_out",
              "SELECT gatehouse.hand_out('export', '*', now(), now(), 0, '', 'x', NULL)"}) {
            const auto done = kiosk.exec(QString::fromUtf8(forbidden));
            QVERIFY2(!done, forbidden);
            QVERIFY2(done.error().message().contains(QStringLiteral("permission denied")),
                     qPrintable(done.error().message()));
        }
        // Its own site's open entries through the function made for it: Bình, from gate B.
        const auto open = kiosk.exec(QStringLiteral("SELECT full_name FROM gatehouse.site_open_entries()"));
        QVERIFY(open);
        for (const QStringList& row : open->values)
            QVERIFY(!row[0].startsWith(QStringLiteral("Khách sạn"))); // never the hotel's
        // psql, the real client, agrees.
        QVERIFY(m_server.psql(QStringLiteral("SELECT count(*) FROM gatehouse.visits"), QStringLiteral("ubnd-gate-a"))
                    .isNull());
    }

    void theStoreDatesWhatItReceives()
    {
        // Issue 24: a kiosk's INSERT may name every column of `event`, received_at too; the store
        // keeps its own time of receipt whatever the kiosk says, in the journal and in the stays.
        auto connection = CentralConnection::open(m_server.uriWithoutUser(), QStringLiteral("ubnd-gate-a"));
        QVERIFY(connection);
        const auto sent = connection.value()->exec(
            QStringLiteral("INSERT INTO gatehouse.event (kiosk, seq, site, kind, id_number, body, received_at)"
                           " VALUES ('ubnd-gate-a', 900001, 'hue-ubnd', 'entry', '046190000777', $1,"
                           " '2001-01-01 00:00+00')"),
            {QStringLiteral(R"({"local_id": 900001, "entrance": "A", "person_type": "visitor",)"
                            R"( "full_name": "Trần Lùi Ngày", "id_number": "046190000777",)"
                            R"( "checked_in_at": "1596416400000"})")});
        QVERIFY2(sent, sent ? "" : qPrintable(sent.error().message()));
        QCOMPARE(count(QStringLiteral("SELECT received_at > now() - interval '1 hour' FROM gatehouse.event"
                                      " WHERE kiosk = 'ubnd-gate-a' AND seq = 900001")),
                 QStringLiteral("t"));
        QCOMPARE(count(QStringLiteral("SELECT bool_and(received_at > now() - interval '1 hour') FROM gatehouse.stay"
                                      " WHERE id_number = '046190000777'")),
                 QStringLiteral("t"));
    }

    // Issue 24: each kiosk's audit chain is checked as it arrives, and the kiosk reads its own head
    // back to find rows removed from the end of its file.
    void eachKioskAuditChainIsCheckedAsItArrives()
    {
        auto gateB = kiosk(QStringLiteral("ubnd-gate-b"), QStringLiteral("hue-ubnd"), QStringLiteral("Cổng phụ"));
        for (int i = 1; i <= 3; ++i) {
            QVERIFY(gateB->audit
                        .append({MORNING.addSecs(60 * i), QStringLiteral("Phan Thị Lễ"), QStringLiteral("override"),
                                 QStringLiteral("entry=%1").arg(i)})
                        .ok());
        }
        auto sent = gateB->sender.round();
        QVERIFY2(sent, sent ? "" : qPrintable(sent.error().message()));
        auto connection = CentralConnection::open(m_server.uriWithoutUser(), QStringLiteral("ubnd-gate-b"));
        QVERIFY(connection);
        const auto anchor = CentralAuditAnchor::fetch(*connection.value());
        QVERIFY2(anchor, anchor ? "" : qPrintable(anchor.error().message()));
        QVERIFY(anchor.value());
        QCOMPARE(anchor.value()->text(), gateB->audit.head().value()->text());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM gatehouse.audit_breaks")), QStringLiteral("0"));

        // The newest two rows removed through the purge flag: the file alone cannot tell, the head
        // the store holds can.
        QSqlQuery query(gateB->database->connection());
        for (const char* sql : {"UPDATE audit_chain SET purging = 1",
                                "DELETE FROM audit_log WHERE id > (SELECT max(id) - 2 FROM audit_log)",
                                "UPDATE audit_chain SET purging = 0"})
            QVERIFY2(query.exec(QLatin1String(sql)), sql);
        QVERIFY(std::holds_alternative<qint64>(gateB->audit.verify().value()));
        const auto verified = gateB->audit.verify(*anchor.value());
        const auto* broken = std::get_if<AuditLog::Break>(&verified.value());
        QVERIFY(broken);
        QVERIFY2(broken->reason.contains(QStringLiteral("are missing")), qPrintable(broken->reason));

        // The next row the kiosk sends does not extend the chain the store has: the kiosk is flagged.
        QVERIFY(
            gateB->audit
                .append({MORNING.addSecs(600), QStringLiteral("cli"), QStringLiteral("export"), QStringLiteral("x")})
                .ok());
        sent = gateB->sender.round();
        QVERIFY2(sent, sent ? "" : qPrintable(sent.error().message()));
        QCOMPARE(count(QStringLiteral("SELECT kiosk || ' ' || site FROM gatehouse.audit_breaks")),
                 QStringLiteral("ubnd-gate-b hue-ubnd"));
        const QString reason = count(QStringLiteral("SELECT reason FROM gatehouse.audit_breaks"));
        QVERIFY2(reason.contains(QStringLiteral("does not follow")), qPrintable(reason));
        CentralAdmin admin(*m_admin);
        for (const CentralAdmin::KioskState& state : admin.status().value())
            QCOMPARE(state.auditBreaks, state.kiosk == QLatin1String("ubnd-gate-b") ? 1 : 0);
        // A kiosk cannot read the breaks, nor another kiosk's head.
        QVERIFY(!connection.value()->exec(QStringLiteral("SELECT * FROM gatehouse.audit_breaks")));
        QVERIFY(!connection.value()->exec(QStringLiteral("SELECT * FROM gatehouse.audit_head")));
    }

    void anOfficialReadsTheViewsAndNothingElse()
    {
        QVERIFY(m_admin->exec(QStringLiteral("CREATE ROLE official_hue LOGIN IN ROLE gatehouse_official")));
        auto connection = CentralConnection::open(m_server.uri(QStringLiteral("official_hue")));
        QVERIFY(connection);
        CentralConnection& official = *connection.value();
        for (const char* allowed :
             {"SELECT count(*) FROM gatehouse.visits", "SELECT count(*) FROM gatehouse.kiosks",
              "SELECT count(*) FROM gatehouse.audit_breaks",
              "SELECT count(*) FROM gatehouse.contacts('046190000099', now() - interval '10 years', now())"}) {
            const auto done = official.exec(QString::fromUtf8(allowed));
            QVERIFY2(done, done ? allowed : qPrintable(done.error().message()));
        }
        for (const char* forbidden :
             {"SELECT * FROM gatehouse.stay", "SELECT * FROM gatehouse.event", "SELECT * FROM gatehouse.site",
              "INSERT INTO gatehouse.event (kiosk, seq, site, kind, body) VALUES ('ubnd-gate-a', 1, 'hue-ubnd', "
              "'audit', '{}')",
              "DELETE FROM gatehouse.stay", "SELECT * FROM gatehouse.site_open_entries()",
              "SELECT gatehouse.purge(now())", "SELECT * FROM gatehouse.handed_out", "DELETE FROM gatehouse.handed_out",
              "UPDATE gatehouse.handed_out SET login = 'x'"}) {
            const auto done = official.exec(QString::fromUtf8(forbidden));
            QVERIFY2(!done, forbidden);
        }
        QCOMPARE(
            m_server.psql(QStringLiteral("SELECT count(*) > 0 FROM gatehouse.visits"), QStringLiteral("official_hue")),
            QStringLiteral("t"));
        // An official writes the province's files under their own login, recorded as theirs: the
        // day of the trace test (the first day's stays are gone by retention).
        CentralExport file;
        file.ask.from = MORNING.addDays(5).addSecs(-3600);
        file.ask.to = MORNING.addDays(6);
        file.ask.path = m_dir.filePath(QStringLiteral("official.csv"));
        file.ask.actor = official.user();
        file.ask.generatedAt = MORNING.addDays(2);
        const auto exported = file.run(official);
        QVERIFY2(exported, exported ? "" : qPrintable(exported.error().message()));
        QCOMPARE(exported->rows, count(QStringLiteral("SELECT count(*) FROM gatehouse.visits WHERE checked_in_at < '%1'"
                                                      " AND (checked_out_at IS NULL OR checked_out_at >= '%2')")
                                           .arg(file.ask.to.toString(Qt::ISODate), file.ask.from.toString(Qt::ISODate)))
                                     .toLongLong());
        CentralTrace trace;
        trace.idNumber = QStringLiteral("046190000010");
        trace.ask.from = file.ask.from;
        trace.ask.to = file.ask.to;
        trace.ask.path = m_dir.filePath(QStringLiteral("official-trace.csv"));
        trace.ask.actor = official.user();
        trace.ask.generatedAt = file.ask.generatedAt;
        const auto traced = trace.run(official);
        QVERIFY2(traced, traced ? "" : qPrintable(traced.error().message()));
        QVERIFY(traced->rows >= 2);
        QCOMPARE(count(QStringLiteral("SELECT string_agg(purpose, ',' ORDER BY id) FROM gatehouse.handed_out"
                                      " WHERE login = 'official_hue'")),
                 QStringLiteral("export,trace"));
    }
};

QTEST_GUILESS_MAIN(TestCentralStore)
#include "TestCentralStore.moc"
