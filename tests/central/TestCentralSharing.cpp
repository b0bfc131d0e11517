// What a province shares with its kiosks (issue 26): settings, health, alerts; against a real PostgreSQL 15 of the
// test's own (ThrowawayPostgres): a district set to `required` reaches both of its kiosks at their
// next sync and a visitor without the app is then sent to the receptionist there, not at the
// kiosk of another district; a site's own value wins over its district's; a bad value written
// into the store behind the CLI's back is refused by the kiosk with a sentence, the last good
// set kept and the refusal reported centrally; a kiosk whose store is out of reach starts with
// its last good set; every change is audited centrally with its author and locally when applied;
// `central settings` and `settings --effective` as a technician runs them. And each kiosk's
// health as the fleet view shows it: a kiosk whose clock is ten minutes fast is flagged, a
// failing check named. And the health office's isolation list: a listed visitor is sent to the
// receptionist with a sentence that says nothing of why at the kiosk and why at the desk, the
// kiosk's file and WAL hold no listed number, the match reaches the centre, which sees whom; the
// list keeps matching across a week offline while the key rotated, and an order past its end
// stops matching. On a store of schema version 12 a round is two calls (kiosk_round_begin,
// kiosk_round_end); CTest runs the whole test again against a store left at version 11
// (GATEHOUSE_STORE_VERSION), where a kiosk of this version still shares everything the old way.
#include "../integration/ProcessRun.h"
#include "FakeClock.h"
#include "ThrowawayPostgres.h"
#include "central/CentralAdmin.h"
#include "central/CentralConnection.h"
#include "central/CentralIsolation.h"
#include "central/CentralSchema.h"
#include "central/CentralSettings.h"
#include "central/OutboxSender.h"
#include "checkin/CheckInService.h"
#include "common/Settings.h"
#include "common/Site.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/EntryLog.h"
#include "storage/IsolationList.h"
#include "storage/Outbox.h"
#include "storage/SharedSettingsStore.h"

#include "Version.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QDateTime MORNING(QDate(2020, 8, 3), QTime(1, 0), Qt::UTC); // 08:00 in Huế
const QString DISTRICT = QStringLiteral("Thuận Hóa");

// One kiosk: its INI (policy recommended, as a business's), its log and its sender.
struct Kiosk
{
    Kiosk(const QString& folder, const QString& kioskId, const QString& siteId, const QString& uri,
          const QDateTime& start = MORNING, std::function<QByteArray()> checks = {})
        : id(kioskId), clock(start), iniPath(folder + QStringLiteral("/") + kioskId + QStringLiteral(".ini")),
          databasePath(folder + QStringLiteral("/") + kioskId + QStringLiteral(".db"))
    {
        QFile ini(iniPath);
        if (ini.open(QIODevice::WriteOnly))
            ini.write(QStringLiteral("[site]\nid=%1\npolicy=recommended\nretention_days=30\n"
                                     "[central]\nuri=\"%2\"\nkiosk_id=%3\n")
                          .arg(siteId, uri, kioskId)
                          .toUtf8());
        ini.close();
        database = Database::open(databasePath).value();
        log = std::make_unique<EntryLog>(*database);
        audit = std::make_unique<AuditLog>(*database);
        outbox = std::make_unique<Outbox>(*database);
        OutboxSender::Config config{uri, kioskId, siteId};
        config.shareSettings = true;
        config.settingsPath = iniPath;
        config.checks = std::move(checks);
        sender = std::make_unique<OutboxSender>(config, *outbox, clock);
    }

    // A visitor's entry, for the sender to carry.
    void enter()
    {
        Entry entry;
        entry.site = QStringLiteral("pv-hotel");
        entry.entrance = QStringLiteral("main");
        entry.fullName = QStringLiteral("Trần Thị Bích");
        entry.idNumber = QStringLiteral("046190000777");
        entry.checkedInAt = clock.now();
        entry.method = Entry::Method::QrCccd;
        entry.appStatus = Entry::AppStatus::Verified;
        (void)log->record(entry);
    }

    // A visitor checking in with the app running, at the kiosk or at the desk.
    CheckInService::Outcome checkIn(const QString& idNumber, bool atKiosk)
    {
        CheckInService service(Site::from(inForce()), *log, *audit, clock);
        CheckInService::Request request;
        request.entry.fullName = QStringLiteral("Phan Văn Khải");
        request.entry.idNumber = idNumber;
        request.entry.method = Entry::Method::QrCccd;
        request.atKiosk = atKiosk;
        request.app = AppVerification{};
        const auto outcome = service.checkIn(request);
        return outcome ? outcome.value()
                       : CheckInService::Outcome{Policy::Decision::Admit, std::nullopt, outcome.error().message()};
    }

    // The settings this kiosk would start with now.
    Settings inForce() const
    {
        QString warning;
        return SharedSettingsStore::inForce(Settings::load(iniPath).value(), databasePath, warning);
    }

    // What the kiosk does for a visitor whose phone shows no tracing app, with what it holds now.
    Policy::Decision visitorWithoutApp()
    {
        CheckInService service(Site::from(inForce()), *log, *audit, clock);
        CheckInService::Request request;
        request.entry.fullName = QStringLiteral("Lê Văn Tám");
        request.entry.idNumber = QStringLiteral("046190000%1").arg(++visitors, 3, 10, QLatin1Char('0'));
        request.entry.method = Entry::Method::QrCccd;
        request.atKiosk = true;
        const auto outcome = service.checkIn(request);
        return outcome ? outcome->decision : Policy::Decision::Admit;
    }

    QString id;
    FakeClock clock;
    QString iniPath;
    QString databasePath;
    std::unique_ptr<Database> database;
    std::unique_ptr<EntryLog> log;
    std::unique_ptr<AuditLog> audit;
    std::unique_ptr<Outbox> outbox;
    std::unique_ptr<OutboxSender> sender;
    int visitors = 0;
};
} // namespace

class TestCentralSharing : public QObject
{
    Q_OBJECT

private:
    ThrowawayPostgres m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<CentralConnection> m_admin;
    std::unique_ptr<Kiosk> m_agency; // district Thuận Hóa
    std::unique_ptr<Kiosk> m_school; // district Thuận Hóa
    std::unique_ptr<Kiosk> m_hotel;  // district Phú Vang

    OutboxSender::Round sync(Kiosk& kiosk)
    {
        auto round = kiosk.sender->round();
        if (!round)
            qWarning().noquote() << round.error().message();
        return round ? round.value() : OutboxSender::Round{-1, -1, -1, std::nullopt, QString()};
    }

    static QString valueOf(const Settings& settings, const QString& key, QString* source = nullptr)
    {
        for (const Settings::InForce& setting : settings.effective()) {
            if (setting.key == key) {
                if (source)
                    *source = setting.source;
                return setting.value;
            }
        }
        return QString();
    }

    ProcessRun cli(const Kiosk& kiosk, const QStringList& arguments)
    {
        return ProcessRun::start(
            QStringLiteral(GATEHOUSE_CLI),
            QStringList{QStringLiteral("--config"), kiosk.iniPath, QStringLiteral("--db"), kiosk.databasePath} +
                arguments);
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
        // A store an older release made and nobody upgraded yet, when CTest asks for one.
        const int version = qEnvironmentVariableIsSet("GATEHOUSE_STORE_VERSION")
                                ? qEnvironmentVariableIntValue("GATEHOUSE_STORE_VERSION")
                                : CentralSchema::latestVersion();
        const auto migrated = CentralSchema::migrate(*m_admin, version);
        QVERIFY2(migrated, migrated ? "" : qPrintable(migrated.error().message()));
        qInfo("the central store at schema version %d", version);
        CentralAdmin sites(*m_admin);
        QVERIFY(sites.addSite(QStringLiteral("hue-ubnd"), QStringLiteral("UBND phường"), DISTRICT));
        QVERIFY(sites.addSite(QStringLiteral("hue-school"), QStringLiteral("Trường THCS"), DISTRICT));
        QVERIFY(sites.addSite(QStringLiteral("pv-hotel"), QStringLiteral("Khách sạn"), QStringLiteral("Phú Vang")));
        QVERIFY(sites.addKiosk(QStringLiteral("ubnd-gate"), QStringLiteral("hue-ubnd"), QString()));
        QVERIFY(sites.addKiosk(QStringLiteral("school-gate"), QStringLiteral("hue-school"), QString()));
        QVERIFY(sites.addKiosk(QStringLiteral("hotel-front"), QStringLiteral("pv-hotel"), QString()));
        const QString uri = m_server.uriWithoutUser();
        m_agency = std::make_unique<Kiosk>(m_dir.path(), QStringLiteral("ubnd-gate"), QStringLiteral("hue-ubnd"), uri);
        m_school =
            std::make_unique<Kiosk>(m_dir.path(), QStringLiteral("school-gate"), QStringLiteral("hue-school"), uri);
        m_hotel = std::make_unique<Kiosk>(m_dir.path(), QStringLiteral("hotel-front"), QStringLiteral("pv-hotel"), uri);
        // Before the province says anything, every door follows its own INI.
        for (Kiosk* kiosk : {m_agency.get(), m_school.get(), m_hotel.get()}) {
            const auto round = sync(*kiosk);
            QCOMPARE(round.sent, 0);
            QVERIFY(round.settingsRefusal.isEmpty());
            QCOMPARE(kiosk->visitorWithoutApp(), Policy::Decision::AdmitAndRecommend);
        }
    }

    void aDistrictRequiresTheAppAtItsKiosksNextSync()
    {
        CentralSettings settings(*m_admin);
        const Result<void> changed =
            settings.change(QStringLiteral("district:") + DISTRICT,
                            {{QStringLiteral("policy"), QStringLiteral("required")}}, {}, QStringLiteral("sở y tế"));
        QVERIFY2(changed, changed ? "" : qPrintable(changed.error().message()));
        // Nothing changes at a door before its sync.
        QCOMPARE(m_agency->visitorWithoutApp(), Policy::Decision::AdmitAndRecommend);

        for (Kiosk* kiosk : {m_agency.get(), m_school.get()}) {
            const auto round = sync(*kiosk);
            QVERIFY2(round.settingsApplied, qPrintable(kiosk->id));
            QCOMPARE(round.settingsApplied->lines(), QStringList{QStringLiteral("policy=required (district)")});
            QCOMPARE(kiosk->visitorWithoutApp(), Policy::Decision::SendToReceptionist);
            QString source;
            QCOMPARE(valueOf(kiosk->inForce(), QStringLiteral("site/policy"), &source), QStringLiteral("required"));
            QCOMPARE(source, QStringLiteral("district"));
            // Audited where it was applied.
            const auto audit = kiosk->audit->latest(5);
            QVERIFY(audit);
            const bool applied = std::any_of(audit->begin(), audit->end(), [](const AuditLog::Record& record) {
                return record.actor == QLatin1String("central") && record.action == QLatin1String("settings") &&
                       record.details == QLatin1String("policy: - -> required (district)");
            });
            QVERIFY2(applied, qPrintable(kiosk->id));
            // A second round with nothing new applies nothing again.
            QVERIFY(!sync(*kiosk).settingsApplied);
        }
        // The hotel is in another district.
        QVERIFY(!sync(*m_hotel).settingsApplied);
        QCOMPARE(m_hotel->visitorWithoutApp(), Policy::Decision::AdmitAndRecommend);

        // Centrally: the change with its author, and which kiosks run the set in force for them.
        QCOMPARE(m_server.psql(QStringLiteral("SELECT author || ' ' || scope || ' ' || key || ' ' ||"
                                              " coalesce(old_value, '-') || ' ' || new_value"
                                              " FROM gatehouse.setting_changes")),
                 QStringLiteral("sở y tế district:Thuận Hóa policy - required"));
        QCOMPARE(m_server.psql(QStringLiteral("SELECT string_agg(kiosk || '=' || settings_current, ' ' ORDER BY kiosk)"
                                              " FROM gatehouse.kiosks")),
                 QStringLiteral("hotel-front=true school-gate=true ubnd-gate=true"));
    }

    void aSiteOverrideWinsOverItsDistrict()
    {
        CentralSettings settings(*m_admin);
        QVERIFY(settings.change(QStringLiteral("site:hue-school"),
                                {{QStringLiteral("policy"), QStringLiteral("recommended")},
                                 {QStringLiteral("retention_days"), QStringLiteral("14")}},
                                {}));
        QCOMPARE(m_server.psql(QStringLiteral("SELECT string_agg(kiosk || '=' || settings_current, ' ' ORDER BY kiosk)"
                                              " FROM gatehouse.kiosks")),
                 QStringLiteral("hotel-front=true school-gate=false ubnd-gate=true"));
        const auto school = sync(*m_school);
        QVERIFY(school.settingsApplied);
        QCOMPARE(school.settingsApplied->lines(), QStringList({QStringLiteral("policy=recommended (site)"),
                                                               QStringLiteral("retention_days=14 (site)")}));
        QCOMPARE(m_school->visitorWithoutApp(), Policy::Decision::AdmitAndRecommend);
        QCOMPARE(Site::from(m_school->inForce()).retentionDays, 14);
        QVERIFY(!sync(*m_agency).settingsApplied);
        QCOMPARE(m_agency->visitorWithoutApp(), Policy::Decision::SendToReceptionist);
    }

    void aBadValueIsRefusedAndTheLastGoodSetKept()
    {
        // The CLI's path checks a value as a kiosk would, before it is stored.
        CentralSettings settings(*m_admin);
        const Result<void> refused = settings.change(
            QStringLiteral("kiosk:ubnd-gate"), {{QStringLiteral("retention_days"), QStringLiteral("forever")}}, {});
        QVERIFY(!refused);
        QVERIFY2(refused.error().message().contains(QStringLiteral("retention_days=forever")),
                 qPrintable(refused.error().message()));
        QVERIFY(!settings.change(QStringLiteral("district:Nowhere"),
                                 {{QStringLiteral("policy"), QStringLiteral("required")}}, {}));
        QVERIFY(!settings.change(QStringLiteral("province"),
                                 {{QStringLiteral("database"), QStringLiteral("/tmp/x.db")}}, {}));
        // Written behind its back (psql as the owner): the kiosk checks what it is sent.
        QVERIFY(!m_server
                     .psql(QStringLiteral("SELECT gatehouse.change_setting('kiosk:ubnd-gate', 'retention_days',"
                                          " 'forever', 'psql')"))
                     .isNull());
        const auto round = sync(*m_agency);
        QVERIFY(!round.settingsApplied);
        QVERIFY2(round.settingsRefusal.contains(QStringLiteral("retention_days=forever")) &&
                     round.settingsRefusal.contains(QStringLiteral("central store")),
                 qPrintable(round.settingsRefusal));
        QCOMPARE(m_agency->visitorWithoutApp(), Policy::Decision::SendToReceptionist);
        QCOMPARE(Site::from(m_agency->inForce()).retentionDays, 30);
        SharedSettingsStore store(*m_agency->database);
        const auto noted = store.refusal();
        QVERIFY(noted && noted->has_value());
        QCOMPARE(noted->value().sentence, round.settingsRefusal);
        QCOMPARE(m_server.psql(QStringLiteral("SELECT settings_current::text || ' ' || (settings_refusal LIKE"
                                              " '%retention_days=forever%')::text FROM gatehouse.kiosks"
                                              " WHERE kiosk = 'ubnd-gate'")),
                 QStringLiteral("false true"));
        // Mended centrally: applied at the next round, the refusal gone there too.
        QVERIFY(settings.change(QStringLiteral("kiosk:ubnd-gate"), {}, {QStringLiteral("retention_days")}));
        QVERIFY(!sync(*m_agency).settingsApplied); // the same set as the last good one
        QCOMPARE(m_server.psql(QStringLiteral("SELECT settings_current::text || ' ' || (settings_refusal IS NULL)::text"
                                              " FROM gatehouse.kiosks WHERE kiosk = 'ubnd-gate'")),
                 QStringLiteral("true true"));
    }

    void aKioskOutOfReachStartsWithItsLastGoodSet()
    {
        // Its INI says recommended and names a store that does not answer.
        Kiosk& kiosk = *m_agency;
        QString ini;
        {
            QFile file(kiosk.iniPath);
            QVERIFY(file.open(QIODevice::ReadOnly));
            ini = QString::fromUtf8(file.readAll());
        }
        {
            QFile file(kiosk.iniPath);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(
                ini.replace(m_server.uriWithoutUser(), QStringLiteral("host=/nonexistent port=1 dbname=x")).toUtf8());
        }
        const ProcessRun shown =
            cli(kiosk, {QStringLiteral("settings"), QStringLiteral("--effective"), QStringLiteral("--json")});
        QCOMPARE(shown.exitCode, 0);
        QString policy, source;
        for (const QJsonObject& line : shown.jsonLines()) {
            if (line.value(QStringLiteral("key")).toString() == QLatin1String("site/policy")) {
                policy = line.value(QStringLiteral("value")).toString();
                source = line.value(QStringLiteral("source")).toString();
            }
        }
        QCOMPARE(policy, QStringLiteral("required"));
        QCOMPARE(source, QStringLiteral("district"));
        const ProcessRun text = cli(kiosk, {QStringLiteral("settings"), QStringLiteral("--effective")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("site/retention_days") && text.out.contains("(ini)") &&
                     text.out.contains("(default)"),
                 text.out.constData());
        // A check-in from the CLI, offline, meets the district's policy too.
        const ProcessRun checkin =
            cli(kiosk, {QStringLiteral("checkin"), QStringLiteral("--name"), QStringLiteral("Hồ Thị Lan"),
                        QStringLiteral("--id-number"), QStringLiteral("046190000901"), QStringLiteral("--app"),
                        QStringLiteral("not_detected")});
        QCOMPARE(checkin.exitCode, 1);
        QVERIFY2(checkin.err.contains(QStringLiteral("--override")), qPrintable(checkin.err));
    }

    void theCliSetsAndShowsAScope()
    {
        const QString admin = m_server.uri();
        ProcessRun set =
            ProcessRun::start(QStringLiteral(GATEHOUSE_CLI),
                              {QStringLiteral("central"), QStringLiteral("settings"), QStringLiteral("--central"),
                               admin, QStringLiteral("--scope"), QStringLiteral("province"),
                               QStringLiteral("idle_reset_seconds=90"), QStringLiteral("language=en")});
        QVERIFY2(set.exitCode == 0, qPrintable(set.err));
        QCOMPARE(set.out, QByteArray("province idle_reset_seconds=90\nprovince language=en\n"));
        ProcessRun bad = ProcessRun::start(QStringLiteral(GATEHOUSE_CLI),
                                           {QStringLiteral("central"), QStringLiteral("settings"),
                                            QStringLiteral("--central"), admin, QStringLiteral("--scope"),
                                            QStringLiteral("province"), QStringLiteral("idle_reset_seconds=3")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(QStringLiteral("idle_reset_seconds=3")), qPrintable(bad.err));
        ProcessRun unset =
            ProcessRun::start(QStringLiteral(GATEHOUSE_CLI),
                              {QStringLiteral("central"), QStringLiteral("settings"), QStringLiteral("--central"),
                               admin, QStringLiteral("--scope"), QStringLiteral("province"), QStringLiteral("--unset"),
                               QStringLiteral("language"), QStringLiteral("--json")});
        QCOMPARE(unset.exitCode, 0);
        const QList<QJsonObject> lines = unset.jsonLines();
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines.first().value(QStringLiteral("key")).toString(), QStringLiteral("idle_reset_seconds"));
        QCOMPARE(lines.first().value(QStringLiteral("value")).toString(), QStringLiteral("90"));
        QCOMPARE(
            m_server.psql(QStringLiteral("SELECT count(*) FROM gatehouse.setting_changes WHERE scope = 'province'")),
            QStringLiteral("3"));
        // The school's kiosk takes the province's idle time; it applies at its next start.
        const auto round = sync(*m_school);
        QVERIFY(round.settingsApplied);
        QCOMPARE(m_school->inForce().idleResetSeconds(), 90);
    }

    void aKioskWhoseClockIsTenMinutesFastIsFlagged()
    {
        CentralAdmin sites(*m_admin);
        QVERIFY(sites.addKiosk(QStringLiteral("hotel-fast"), QStringLiteral("pv-hotel"), QString()));
        QVERIFY(sites.addKiosk(QStringLiteral("hotel-right"), QStringLiteral("pv-hotel"), QString()));
        const QString uri = m_server.uriWithoutUser();
        const QByteArray checks = R"([{"check":"database","ok":true,"needed":true,"sentence":"The log is intact."},)"
                                  R"({"check":"camera","ok":false,"needed":false,"sentence":"No camera."}])";
        Kiosk fast(m_dir.path(), QStringLiteral("hotel-fast"), QStringLiteral("pv-hotel"), uri,
                   QDateTime::currentDateTimeUtc().addSecs(600), [checks] { return checks; });
        Kiosk right(m_dir.path(), QStringLiteral("hotel-right"), QStringLiteral("pv-hotel"), uri,
                    QDateTime::currentDateTimeUtc());
        fast.enter();
        QCOMPARE(sync(fast).sent, 1);
        QCOMPARE(sync(right).sent, 0);
        QCOMPARE(m_server.psql(QStringLiteral("SELECT string_agg(kiosk || ' ' || clock_off || ' ' ||"
                                              " (abs(clock_offset_seconds - %1) < 30) || ' ' ||"
                                              " coalesce(failing_checks, '-') || ' ' || backlog || ' ' ||"
                                              " (free_bytes > 0) || ' ' || software, ', ' ORDER BY kiosk)"
                                              " FROM gatehouse.fleet WHERE kiosk LIKE 'hotel-%'")
                                   .arg(600)),
                 QStringLiteral("hotel-fast true true camera 0 true %1, hotel-front true false - 0 true %1,"
                                " hotel-right false false - 0 true %1")
                     .arg(QString::fromLatin1(Gatehouse::VERSION)));
        // The right kiosk is within a few seconds of the store.
        QCOMPARE(m_server.psql(QStringLiteral("SELECT abs(clock_offset_seconds) < 5 FROM gatehouse.fleet"
                                              " WHERE kiosk = 'hotel-right'")),
                 QStringLiteral("t"));
    }

    void anIsolatedVisitorIsSentToTheReceptionistWithoutAWordWhy()
    {
        CentralAdmin sites(*m_admin);
        QVERIFY(sites.addKiosk(QStringLiteral("hotel-door"), QStringLiteral("pv-hotel"), QString()));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        Kiosk door(m_dir.path(), QStringLiteral("hotel-door"), QStringLiteral("pv-hotel"), m_server.uriWithoutUser(),
                   now);
        CentralIsolation list(*m_admin);
        QVERIFY(list.add(QStringLiteral("046 190 000 555"), QStringLiteral("F1"), now.addDays(14), now,
                         QStringLiteral("sở y tế")));
        QVERIFY(list.add(QStringLiteral("046190000556"), QStringLiteral("F0"), now.addDays(14), now));
        QVERIFY(!list.add(QStringLiteral("046190000557"), QStringLiteral("F2"), now.addDays(14), now));
        QVERIFY(!list.add(QStringLiteral("046190000557"), QStringLiteral("F1"), now.addDays(-1), now));
        QCOMPARE(sync(door).sent, 0);

        // At the kiosk: the same words as for anyone the receptionist must see, nothing of why.
        const CheckInService::Outcome atKiosk = door.checkIn(QStringLiteral("046190000555"), true);
        QCOMPARE(atKiosk.decision, Policy::Decision::SendToReceptionist);
        QVERIFY(!atKiosk.entry);
        QCOMPARE(atKiosk.sentence, QStringLiteral("Please see the receptionist."));
        // At the desk: why, to the receptionist.
        const CheckInService::Outcome atDesk = door.checkIn(QStringLiteral("046 190 000 555"), false);
        QCOMPARE(atDesk.decision, Policy::Decision::SendToReceptionist);
        QVERIFY2(atDesk.sentence.contains(QStringLiteral("isolation order (F1)")), qPrintable(atDesk.sentence));
        // Someone else walks in.
        QCOMPARE(door.checkIn(QStringLiteral("046190000999"), true).decision, Policy::Decision::Admit);

        // The match reaches the centre as an audit row; the health office sees whom. The list,
        // unchanged, is not written again.
        const auto fetchedAt = [&door] {
            QSqlQuery query(door.database->connection());
            return query.exec(QStringLiteral("SELECT fetched_at FROM isolation_key")) && query.next()
                       ? query.value(0).toLongLong()
                       : -1;
        };
        const qint64 fetched = fetchedAt();
        door.clock.advance(30000);
        QVERIFY(sync(door).sent >= 3);
        QCOMPARE(fetchedAt(), fetched);
        // Nor hashed again at the store (schema version 9): a kiosk naming the list it holds gets no
        // rows; one that names none gets the list and the key.
        QCOMPARE(m_server.psql(QStringLiteral("SELECT count(*) FROM gatehouse.kiosk_isolation("
                                              "(SELECT version FROM gatehouse.kiosk_isolation(NULL) LIMIT 1))"),
                               QStringLiteral("hotel-door")),
                 QStringLiteral("0"));
        QCOMPARE(m_server.psql(QStringLiteral("SELECT count(*) FROM gatehouse.kiosk_isolation(NULL)"),
                               QStringLiteral("hotel-door")),
                 QStringLiteral("3"));
        QCOMPARE(m_server.psql(QStringLiteral("SELECT string_agg(kiosk || ' ' || id_number || ' ' || kind, ', ')"
                                              " FROM gatehouse.isolation_matches")),
                 QStringLiteral("hotel-door 046190000555 F1, hotel-door 046190000555 F1"));

        // The kiosk's file and its WAL hold no listed number, in any spelling.
        for (const QString& file : {door.databasePath, QString(door.databasePath + QStringLiteral("-wal"))}) {
            QFile bytes(file);
            if (!bytes.exists())
                continue;
            QVERIFY(bytes.open(QIODevice::ReadOnly));
            const QByteArray all = bytes.readAll();
            for (const char* number : {"046190000555", "046 190 000 555", "046190000556"})
                QVERIFY2(!all.contains(number), qPrintable(file + QStringLiteral(": ") + QLatin1String(number)));
        }

        // Offline for a week while the province's key rotates: the list it holds still matches.
        const QString before = m_server.psql(QStringLiteral("SELECT max(key_id) FROM gatehouse.isolation_key"));
        QVERIFY(!m_server.psql(QStringLiteral("SELECT gatehouse.rotate_isolation_key()")).isNull());
        QVERIFY(!m_server.psql(QStringLiteral("SELECT gatehouse.rotate_isolation_key()")).isNull());
        door.clock.advance(7LL * 24 * 3600 * 1000);
        QCOMPARE(door.checkIn(QStringLiteral("046190000556"), true).decision, Policy::Decision::SendToReceptionist);
        // Back online: the newest key and the list under it, still matching.
        QVERIFY(sync(door).sent >= 1);
        IsolationList held(*door.database);
        const auto match = held.match(QStringLiteral("046190000556"), door.clock.now());
        QVERIFY(match && match->has_value());
        QCOMPARE(match->value().keyId, before.toInt() + 2);
        QCOMPARE(match->value().kind, QStringLiteral("F0"));
        QCOMPARE(door.checkIn(QStringLiteral("046190000555"), true).decision, Policy::Decision::SendToReceptionist);

        // Fifteen days on, the orders have ended: nobody is stopped, even offline.
        door.clock.advance(8LL * 24 * 3600 * 1000);
        QCOMPARE(door.checkIn(QStringLiteral("046190000555"), true).decision, Policy::Decision::Admit);
        // Taken off the list centrally: the next sync forgets it.
        const auto removed = list.remove(QStringLiteral("046190000556"));
        QVERIFY(removed && removed.value());
        QCOMPARE(m_server.psql(QStringLiteral("SELECT string_agg(author || ' ' || action || ' ' || id_number, ', '"
                                              " ORDER BY id) FROM gatehouse.isolation_change")),
                 QStringLiteral("sở y tế added 046190000555, postgres added 046190000556, postgres removed "
                                "046190000556"));
    }

    // The list's version a kiosk names follows every change to the list and an order's end, though
    // the store keeps it between changes (version 12) instead of hashing the list at every round.
    void theListsVersionFollowsEveryChangeAndEnd()
    {
        const auto version = [this] {
            return m_server.psql(QStringLiteral("SELECT version FROM gatehouse.kiosk_isolation(NULL) LIMIT 1"),
                                 QStringLiteral("hotel-front"));
        };
        const auto listed = [this](const QString& held) {
            return m_server
                .psql(QStringLiteral("SELECT count(hash) FROM gatehouse.kiosk_isolation(%1)")
                          .arg(held.isEmpty() ? QStringLiteral("NULL") : QLatin1Char('\'') + held + QLatin1Char('\'')),
                      QStringLiteral("hotel-front"))
                .toInt();
        };
        const QString before = version();
        QVERIFY(!before.isEmpty());
        QCOMPARE(listed(before), 0); // held: nothing sent
        const int count = listed(QString());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        CentralIsolation list(*m_admin);
        QVERIFY(list.add(QStringLiteral("046190000660"), QStringLiteral("F1"), now.addDays(14), now));
        QCOMPARE(listed(before), count + 1);
        const QString added = version();
        QVERIFY(added != before);
        const auto removed = list.remove(QStringLiteral("046190000660"));
        QVERIFY(removed && removed.value());
        QCOMPARE(version(), before); // the same list under the same key
        QCOMPARE(listed(added), count);
        // An order that ends in a few seconds: listed now, gone after, with nobody writing anything.
        // (It ended in one second first, and a loaded machine's two psql runs took longer than that.)
        QVERIFY(m_admin->exec(QStringLiteral("INSERT INTO gatehouse.isolation (id_number, kind, until, added_by)"
                                             " VALUES ('046190000661', 'F0', now() + interval '5 seconds', 'test')")));
        const QString ending = version();
        QCOMPARE(listed(before), count + 1);
        // Waited out on the server's clock, which decides.
        QVERIFY(m_admin->exec(QStringLiteral("SELECT pg_sleep(greatest(0, extract(epoch FROM until - now())) + 0.2)"
                                             " FROM gatehouse.isolation WHERE id_number = '046190000661'")));
        QCOMPARE(version(), before);
        QCOMPARE(listed(ending), count);
    }

    // The round goes through kiosk_round_begin/end where the store has them: a store that
    // refuses the first call fails the round, with a sentence, and the next round is whole again.
    void aRoundIsTwoCallsFromVersion12()
    {
        if (m_server.psql(QStringLiteral("SELECT max(version) FROM gatehouse.schema_version")).toInt() < 12)
            QSKIP("the store is older than version 12: its kiosks ask each part of a round on its own");
        QVERIFY(m_admin->exec(QStringLiteral(
            "REVOKE EXECUTE ON FUNCTION gatehouse.kiosk_round_begin(bigint, text) FROM gatehouse_kiosk")));
        m_hotel->enter();
        const auto refused = m_hotel->sender->round();
        QVERIFY(!refused);
        QVERIFY2(refused.error().message().contains(QStringLiteral("kiosk_round_begin")),
                 qPrintable(refused.error().message()));
        QVERIFY(m_admin->exec(
            QStringLiteral("GRANT EXECUTE ON FUNCTION gatehouse.kiosk_round_begin(bigint, text) TO gatehouse_kiosk")));
        const auto round = sync(*m_hotel);
        QVERIFY(round.sent >= 1); // the entry, and what the refused round left waiting
        QCOMPARE(round.backlog, 0);
        // The end's reports arrived: contact, settings and health, from the one call.
        QCOMPARE(m_server.psql(QStringLiteral("SELECT (k.backlog = 0 AND k.settings_current AND f.reported_at > now() -"
                                              " interval '1 minute')::text FROM gatehouse.kiosks k JOIN gatehouse.fleet"
                                              " f USING (kiosk) WHERE kiosk = 'hotel-front'")),
                 QStringLiteral("true"));
    }

    void cleanupTestCase()
    {
        m_agency.reset();
        m_school.reset();
        m_hotel.reset();
        m_admin.reset();
        m_server.stop();
    }
};

QTEST_GUILESS_MAIN(TestCentralSharing)
#include "TestCentralSharing.moc"
