// gatehouse-central as a province starts it (formats/console.md) against a PostgreSQL 15 of the
// test's own: the fixed points of its HTTP surface, sign-in and its lock, sessions that end
// for good, CSRF, the scope each account reads through row-level security, and bad input — each
// asked over real TLS by a client that checks the server's certificate (ConsoleClient.h).
#include "../integration/ProcessRun.h"
#include "ConsoleClient.h"
#include "SiteAuthority.h"
#include "ThrowawayPostgres.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {
const QByteArray PASSWORD = "chín-chắn-mười-hai";
const QByteArray SESSION = "__Host-gh-session";
const QByteArray FORM = "__Host-gh-form";
// Two hosts, the primary and its standby, as a province runs them (issue 27): written in the INI
// as libpq documents it, with its comma unquoted.
const QByteArray KIOSK_URI =
    "postgresql://central-a.example,central-b.example/gatehouse?sslmode=verify-full"
    "&target_session_attrs=read-write&sslrootcert=/etc/gatehouse/ca.pem&sslcert=/etc/gatehouse/kiosk.pem"
    "&sslkey=/etc/gatehouse/kiosk.key";

QByteArray encoded(const QString& value)
{
    return QUrl::toPercentEncoding(value);
}

} // namespace

class TestConsoleServer : public QObject
{
    Q_OBJECT

private:
    ThrowawayPostgres m_store;
    QTemporaryDir m_dir;
    std::unique_ptr<SiteAuthority> m_authority;
    SiteAuthority::Issued m_serverFiles;
    QProcess m_console;
    quint16 m_port = 0;
    std::unique_ptr<ConsoleClient> m_client;
    QByteArray m_provinceCase; // the path of the case the province's administrator opened

    ProcessRun cli(const QStringList& arguments, const QByteArray& input = {})
    {
        return ProcessRun::start(QStringLiteral(GATEHOUSE_CLI), QStringList{QStringLiteral("central")} + arguments,
                                 QProcessEnvironment(), input);
    }
    ProcessRun addOfficial(const QString& name, const QString& role, const QString& scope,
                           const QByteArray& password = PASSWORD)
    {
        return cli({QStringLiteral("add-official"), QStringLiteral("--central"), m_store.uri(),
                    QStringLiteral("--name"), name, QStringLiteral("--role"), role, QStringLiteral("--scope"), scope},
                   password + '\n');
    }
    QStringList startLine(const QString& uri, quint16 port) const
    {
        return {QStringLiteral("--central"),  uri,
                QStringLiteral("--listen"),   QStringLiteral("127.0.0.1:%1").arg(port),
                QStringLiteral("--tls-cert"), m_serverFiles.certificate,
                QStringLiteral("--tls-key"),  m_serverFiles.key};
    }
    // The sign-in form's cookie and token, as a browser gets them from GET /.
    QPair<QByteArray, QByteArray> signInForm(const QByteArray& query = {})
    {
        const ConsoleAnswer page = m_client->ask("GET", "/" + query);
        return {FORM + '=' + page.cookie(FORM), page.csrf()};
    }
    ConsoleAnswer signIn(const QString& name, const QByteArray& password)
    {
        const auto [cookie, csrf] = signInForm();
        return m_client->ask("POST", "/sign-in", cookie,
                             "csrf=" + csrf + "&name=" + encoded(name) +
                                 "&password=" + encoded(QString::fromUtf8(password)));
    }
    // A signed-in session's cookie header, or empty.
    QByteArray session(const QString& name) { return m_client->signIn(name, PASSWORD).first; }

private slots:
    void initTestCase()
    {
        if (!SiteAuthority::available())
            QSKIP("the openssl tool is not installed");
        const QString why = m_store.start();
        if (!why.isEmpty())
            QSKIP(qPrintable(QStringLiteral("no PostgreSQL server for the console's tests: ") + why));
        m_authority = std::make_unique<SiteAuthority>(m_dir.path(), QStringLiteral("province-ca"));
        QVERIFY(m_authority->ok());
        const auto issued = m_authority->kiosk(QStringLiteral("console"), {QStringLiteral("IP:127.0.0.1")});
        QVERIFY(issued);
        m_serverFiles = *issued;

        // As README says a province does it: the schema, sites in two districts, a kiosk, the
        // console's own login in gatehouse_console, and the first accounts.
        ProcessRun run = cli({QStringLiteral("migrate"), QStringLiteral("--central"), m_store.uri()});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QList<QStringList> sites = {
            {QStringLiteral("hue-ubnd"), QStringLiteral("UBND tỉnh"), QStringLiteral("TP Huế")},
            {QStringLiteral("hue-school"), QStringLiteral("Trường <b>Quốc Học</b>"), QStringLiteral("TP Huế")},
            {QStringLiteral("pv-market"), QStringLiteral("Chợ Phú Vang"), QStringLiteral("Phú Vang")}};
        for (const QStringList& site : sites) {
            run = cli({QStringLiteral("add-site"), QStringLiteral("--central"), m_store.uri(), QStringLiteral("--id"),
                       site[0], QStringLiteral("--name"), site[1], QStringLiteral("--district"), site[2]});
            QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        }
        run = cli({QStringLiteral("add-kiosk"), QStringLiteral("--central"), m_store.uri(), QStringLiteral("--site"),
                   QStringLiteral("pv-market"), QStringLiteral("--kiosk"), QStringLiteral("pv-gate"),
                   QStringLiteral("--entrance"), QStringLiteral("Cổng chính")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(m_store.psql(QStringLiteral("CREATE ROLE console LOGIN IN ROLE gatehouse_console; SELECT 1")),
                 QStringLiteral("1"));
        run = addOfficial(QStringLiteral("Nguyễn Thị Lan"), QStringLiteral("official"),
                          QStringLiteral("district:TP Huế"));
        QVERIFY2(run.exitCode == 0 && run.out.contains("can sign in"), qPrintable(run.err));
        run = addOfficial(QStringLiteral("Trần Văn Minh"), QStringLiteral("admin"), QStringLiteral("province"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        run = addOfficial(QStringLiteral("Lê Hoa"), QStringLiteral("official"), QStringLiteral("site:pv-market"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));

        // Stays at three sites on 3 August 2020 (UTC+7), as kiosks send them: the case (F0) at a
        // site of each district, a contact at each (F1), a contact of a contact elsewhere (F2), a
        // name with markup, and someone who overlapped nobody.
        const struct
        {
            const char* kiosk;
            const char* site;
            const char* name;
            const char* idNumber;
            const char* in;
            const char* out;
        } stays[] = {{"ubnd-gate", "hue-ubnd", "Hoàng Văn Ca", "046190000001", "08:00", "09:00"},
                     {"pv-gate", "pv-market", "Hoàng Văn Ca", "046190000001", "10:00", "11:00"},
                     {"ubnd-gate", "hue-ubnd", "Ngô Thị Một", "046190000002", "08:30", "09:30"},
                     {"pv-gate", "pv-market", "<script>alert(1)</script>", "046190000003", "10:45", "12:00"},
                     {"school-gate", "hue-school", "Ngô Thị Một", "046190000002", "13:30", "14:30"},
                     {"school-gate", "hue-school", "Đỗ Văn Hai", "046190000004", "13:00", "14:00"},
                     {"ubnd-gate", "hue-ubnd", "Vắng Mặt", "046190000005", "15:00", "16:00"}};
        for (const char* kiosk : {"ubnd-gate", "school-gate"}) {
            run =
                cli({QStringLiteral("add-kiosk"), QStringLiteral("--central"), m_store.uri(), QStringLiteral("--site"),
                     QLatin1String(kiosk) == QLatin1String("ubnd-gate") ? QStringLiteral("hue-ubnd")
                                                                        : QStringLiteral("hue-school"),
                     QStringLiteral("--kiosk"), QLatin1String(kiosk), QStringLiteral("--entrance"),
                     QStringLiteral("Cổng A")});
            QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        }
        int seq = 0;
        for (const auto& stay : stays) {
            const auto ms = [](const char* at) {
                return QString::number(QDateTime(QDate(2020, 8, 3),
                                                 QTime::fromString(QLatin1String(at), QStringLiteral("HH:mm")),
                                                 Qt::OffsetFromUTC, 7 * 3600)
                                           .toMSecsSinceEpoch());
            };
            ++seq;
            const QString body = QStringLiteral("{\"local_id\": %1, \"entrance\": \"Cổng A\", \"person_type\": "
                                                "\"visitor\", \"full_name\": \"%2\", \"id_number\": \"%3\", "
                                                "\"phone\": \"0905000%1\", \"checked_in_at\": \"%4\", "
                                                "\"checked_out_at\": \"%5\"}")
                                     .arg(QString::number(seq), QString::fromUtf8(stay.name),
                                          QLatin1String(stay.idNumber), ms(stay.in), ms(stay.out));
            QCOMPARE(m_store.psql(QStringLiteral("INSERT INTO gatehouse.event (kiosk, seq, site, kind, id_number, body)"
                                                 " VALUES ('%1', %2, '%3', 'entry', '%4', '%5'); SELECT 1")
                                      .arg(QLatin1String(stay.kiosk), QString::number(seq), QLatin1String(stay.site),
                                           QLatin1String(stay.idNumber), body)),
                     QStringLiteral("1"));
        }
        QCOMPARE(m_store.psql(QStringLiteral("SELECT count(*) FROM gatehouse.stay")), QStringLiteral("7"));

        // The province's export key signs the case files' manifests (cli.md keygen).
        run = ProcessRun::start(QStringLiteral(GATEHOUSE_CLI),
                                {QStringLiteral("keygen"), QStringLiteral("--purpose"), QStringLiteral("export"),
                                 QStringLiteral("--out"), m_dir.filePath(QStringLiteral("keys"))});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QFile config(m_dir.filePath(QStringLiteral("central.ini")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        // The kiosks' CA, with which an administrator's new kiosk gets its TLS files.
        QVERIFY(QFile::setPermissions(m_authority->key(), QFile::ReadOwner | QFile::WriteOwner));
        config.write("[console]\nsigning_key=" + m_dir.filePath(QStringLiteral("keys/export.pem")).toUtf8() +
                     "\nkiosk_ca_key=" + m_authority->key().toUtf8() +
                     "\nkiosk_ca_cert=" + m_authority->certificate().toUtf8() + "\nkiosk_uri=" + KIOSK_URI + '\n');
        config.close();

        m_port = quint16(30000 + QRandomGenerator::global()->bounded(20000));
        m_console.start(QStringLiteral(GATEHOUSE_CENTRAL),
                        startLine(m_store.uri(QStringLiteral("console")), m_port) +
                            QStringList{QStringLiteral("--config"), config.fileName()});
        QVERIFY(m_console.waitForStarted());
        QByteArray said;
        QElapsedTimer waited;
        waited.start();
        while (!said.contains("listening on https://127.0.0.1") && m_console.state() == QProcess::Running &&
               waited.elapsed() < 20000) {
            m_console.waitForReadyRead(200);
            said += m_console.readAllStandardOutput();
        }
        QVERIFY2(said.contains("listening on"), m_console.readAllStandardError().constData());
        m_client = std::make_unique<ConsoleClient>(m_port, m_authority->certificate());
    }

    void cleanupTestCase()
    {
        if (m_console.state() == QProcess::Running) {
            m_console.kill();
            m_console.waitForFinished();
        }
    }

    void anAccountIsMadeByTheCommandLine()
    {
        // cli.md: at least 12 characters; the scope names what exists; the role is one of two.
        ProcessRun run =
            addOfficial(QStringLiteral("Ngắn"), QStringLiteral("official"), QStringLiteral("province"), "short");
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("at least 12 characters")), qPrintable(run.err));
        run = addOfficial(QStringLiteral("Sai huyện"), QStringLiteral("official"), QStringLiteral("district:Phu Vang"));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("district Phu Vang")), qPrintable(run.err));
        run = addOfficial(QStringLiteral("Sai vai trò"), QStringLiteral("boss"), QStringLiteral("province"));
        QCOMPARE(run.exitCode, 2);
        run = addOfficial(QStringLiteral("Sai phạm vi"), QStringLiteral("official"), QStringLiteral("country"));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("province, district:NAME or site:ID")), qPrintable(run.err));
        // Only a hash is stored: scrypt, salted (two accounts with one password differ).
        const QString hashes =
            m_store.psql(QStringLiteral("SELECT string_agg(password_hash, ' ') FROM gatehouse.official"));
        QVERIFY(!hashes.contains(QString::fromUtf8(PASSWORD)));
        const QStringList each = hashes.split(u' ');
        QCOMPARE(each.size(), 3);
        QVERIFY(each[0].startsWith(QLatin1String("scrypt$")));
        QVERIFY(each[0] != each[1]);
    }

    void badStartsAreSentencesAndStatusTwo()
    {
        const auto start = [](const QStringList& arguments) {
            return ProcessRun::start(QStringLiteral(GATEHOUSE_CENTRAL), arguments);
        };
        ProcessRun run = start({});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QStringLiteral("Usage: gatehouse-central")));
        QStringList line = startLine(m_store.uri(QStringLiteral("console")), 1);
        line[3] = QStringLiteral("127.0.0.1");
        run = start(line);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("HOST:PORT")), qPrintable(run.err));
        line = startLine(m_store.uri(QStringLiteral("console")), 1);
        line[5] = m_dir.filePath(QStringLiteral("nothing.pem"));
        run = start(line);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("nothing.pem")), qPrintable(run.err));
        // A key others may read, and a key that is not the certificate's.
        const QString open = m_dir.filePath(QStringLiteral("open.key"));
        QVERIFY(QFile::copy(m_serverFiles.key, open));
        QVERIFY(QFile::setPermissions(open, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));
        line = startLine(m_store.uri(QStringLiteral("console")), 1);
        line[7] = open;
        run = start(line);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("chmod 600")), qPrintable(run.err));
        line[7] = m_authority->key();
        run = start(line);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("is not the key of the certificate")), qPrintable(run.err));
        // The kiosks' CA: its key and certificate together, the key private.
        const QString caConfig = m_dir.filePath(QStringLiteral("ca-half.ini"));
        const QString openCa = m_dir.filePath(QStringLiteral("open-ca.key"));
        QVERIFY(QFile::copy(m_authority->key(), openCa));
        QVERIFY(
            QFile::setPermissions(openCa, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));
        const QList<QPair<QByteArray, QString>> halves = {
            {"[console]\nkiosk_ca_key=" + m_authority->key().toUtf8() + '\n', QStringLiteral("kiosk_ca_cert")},
            {"[console]\nkiosk_ca_key=" + openCa.toUtf8() + "\nkiosk_ca_cert=" + m_authority->certificate().toUtf8() +
                 '\n',
             QStringLiteral("chmod 600")}};
        for (const auto& [ini, said] : halves) {
            QFile file(caConfig);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(ini);
            file.close();
            run = start(startLine(m_store.uri(QStringLiteral("console")), 1) +
                        QStringList{QStringLiteral("--config"), caConfig});
            QCOMPARE(run.exitCode, 2);
            QVERIFY2(run.err.contains(said), qPrintable(run.err));
        }
        // A superuser would read past every scope: refused.
        run = start(startLine(m_store.uri(), 1));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("superuser")), qPrintable(run.err));
    }

    void healthzSaysOk()
    {
        const ConsoleAnswer answer = m_client->ask("GET", "/healthz");
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.body, QByteArray("ok"));
    }

    void theSignInPageIsAFormWithItsToken()
    {
        const ConsoleAnswer page = m_client->ask("GET", "/");
        QCOMPARE(page.status, 200);
        QVERIFY(page.header("Content-Type").startsWith("text/html"));
        QVERIFY(page.text().contains(QStringLiteral("<form method=\"post\" action=\"/sign-in\">")));
        QVERIFY(page.text().contains(QStringLiteral("name=\"name\"")));
        QVERIFY(page.text().contains(QStringLiteral("name=\"password\"")));
        QVERIFY(!page.csrf().isEmpty());
        QVERIFY(page.text().contains(QStringLiteral("Đăng nhập"))); // Vietnamese by default
        QVERIFY(m_client->ask("GET", "/?lang=en").text().contains(QStringLiteral("Sign in")));
        // Every response: nothing from another origin, nothing cached.
        const QByteArray policy = page.header("Content-Security-Policy");
        QVERIFY(policy.contains("default-src 'none'"));
        QVERIFY(!policy.contains("http"));
        QVERIFY(!page.text().contains(QStringLiteral("http://")) && !page.text().contains(QStringLiteral("https://")));
        QCOMPARE(page.header("Cache-Control"), QByteArray("no-store"));
        QByteArray setCookie;
        QVERIFY(!page.cookie(FORM, &setCookie).isEmpty());
        QVERIFY(setCookie.contains("HttpOnly; Secure; SameSite=Strict; Path=/"));
        const ConsoleAnswer css = m_client->ask("GET", "/static/console.css");
        QCOMPARE(css.status, 200);
        QVERIFY(css.header("Content-Type").startsWith("text/css"));
    }

    void anOfficialSignsInSeesTheirDistrictAndSignsOut()
    {
        const ConsoleAnswer signedIn = signIn(QStringLiteral("Nguyễn Thị Lan"), PASSWORD);
        QCOMPARE(signedIn.status, 303);
        QCOMPARE(signedIn.header("Location"), QByteArray("/"));
        QByteArray setCookie;
        const QByteArray token = signedIn.cookie(SESSION, &setCookie);
        QVERIFY(!token.isEmpty());
        QVERIFY(setCookie.contains("HttpOnly; Secure; SameSite=Strict; Path=/"));
        const QByteArray cookie = SESSION + '=' + token;

        const ConsoleAnswer home = m_client->ask("GET", "/sites", cookie);
        QCOMPARE(home.status, 200);
        QCOMPARE(home.header("Cache-Control"), QByteArray("no-store"));
        // Her district's sites, and not the other district's: row-level security, not the page.
        QVERIFY(home.text().contains(QStringLiteral("UBND tỉnh")));
        QVERIFY(!home.text().contains(QStringLiteral("Chợ Phú Vang")));
        QVERIFY(!home.text().contains(QStringLiteral("pv-gate")));
        // A name with markup is shown as the characters typed.
        QVERIFY(home.text().contains(QStringLiteral("Trường &lt;b&gt;Quốc Học&lt;/b&gt;")));
        QVERIFY(!home.text().contains(QStringLiteral("<b>Quốc")));

        // A POST without the session's token is refused and changes nothing.
        QCOMPARE(m_client->ask("POST", "/sign-out", cookie, "").status, 403);
        QCOMPARE(m_client->ask("POST", "/sign-out", cookie, "csrf=forged").status, 403);
        QVERIFY(m_client->ask("GET", "/sites", cookie).text().contains(QStringLiteral("UBND tỉnh")));

        const ConsoleAnswer out = m_client->ask("POST", "/sign-out", cookie, "csrf=" + home.csrf());
        QCOMPARE(out.status, 303);
        QVERIFY(out.all("Set-Cookie").first().contains("Max-Age=0"));
        // The old cookie, replayed, opens nothing: the sign-in form again.
        const ConsoleAnswer replayed = m_client->ask("GET", "/", cookie);
        QCOMPARE(replayed.status, 200);
        QVERIFY(!replayed.text().contains(QStringLiteral("UBND tỉnh")));
        QVERIFY(replayed.text().contains(QStringLiteral("action=\"/sign-in\"")));
        QCOMPARE(m_client->ask("GET", "/cases", cookie).status, 303);
        QCOMPARE(m_client->ask("GET", "/download/case-1.csv", cookie).status, 401);

        // What happened is in the central audit.
        QCOMPARE(m_store.psql(QStringLiteral("SELECT count(*) FROM gatehouse.console_audit"
                                             " WHERE official = 'Nguyễn Thị Lan' AND action = 'sign-in'")),
                 QStringLiteral("1"));
    }

    void eachScopeSeesItsOwnSites()
    {
        const QByteArray site = session(QStringLiteral("Lê Hoa"));
        QVERIFY(!site.isEmpty());
        const QString siteHome = m_client->ask("GET", "/sites", site).text();
        QVERIFY(siteHome.contains(QStringLiteral("Chợ Phú Vang")));
        QVERIFY(siteHome.contains(QStringLiteral("pv-gate")));
        QVERIFY(!siteHome.contains(QStringLiteral("UBND tỉnh")));
        const QByteArray province = session(QStringLiteral("Trần Văn Minh"));
        const QString provinceHome = m_client->ask("GET", "/sites", province).text();
        QVERIFY(provinceHome.contains(QStringLiteral("Chợ Phú Vang")));
        QVERIFY(provinceHome.contains(QStringLiteral("UBND tỉnh")));
        // The console's own login, without a scope's role, reads no table at all.
        QVERIFY(
            m_store.psql(QStringLiteral("SELECT count(*) FROM gatehouse.site"), QStringLiteral("console")).isNull());
        // Nor as the group of scopes itself, which is no scope: it sees none of the three sites.
        QCOMPARE(m_store.psql(QStringLiteral("SET ROLE gatehouse_scoped; SELECT count(*) FROM gatehouse.site"),
                              QStringLiteral("console")),
                 QStringLiteral("0"));
    }

    void anOfficialFollowsACaseToItsFile()
    {
        const QByteArray admin = session(QStringLiteral("Trần Văn Minh"));
        ConsoleAnswer page = m_client->ask("GET", "/", admin);
        QVERIFY2(page.status == 200, qPrintable(page.text()));
        // The ID number in another spelling (IdNumber: spaces and dots go), a day's window.
        ConsoleAnswer opened = m_client->ask("POST", "/cases", admin,
                                             "csrf=" + page.csrf() +
                                                 "&id_number=046+190.000+001"
                                                 "&from=2020-08-03T00%3A00&to=2020-08-04T00%3A00");
        QCOMPARE(opened.status, 303);
        const QByteArray where = opened.header("Location");
        QVERIFY2(where.startsWith("/cases/"), where.constData());
        page = m_client->ask("GET", where, admin);
        QCOMPARE(page.status, 200);
        QCOMPARE(page.header("Cache-Control"), QByteArray("no-store"));
        const QString text = page.text();
        // Stays at two sites, and their contacts with the minutes they overlapped.
        QVERIFY(text.contains(QStringLiteral("046190000001")));
        QVERIFY(text.contains(QStringLiteral("UBND tỉnh")));
        QVERIFY(text.contains(QStringLiteral("Chợ Phú Vang")));
        QVERIFY(text.contains(QStringLiteral("Ngô Thị Một")));
        QVERIFY(text.contains(QStringLiteral(">30.0<")));
        QVERIFY(text.contains(QStringLiteral(">15.0<")));
        QVERIFY(text.contains(QStringLiteral("&lt;script&gt;alert(1)&lt;/script&gt;")));
        QVERIFY(!text.contains(QStringLiteral("<script>")));
        QVERIFY(!text.contains(QStringLiteral("Vắng Mặt")));
        QVERIFY(!text.contains(QStringLiteral("Đỗ Văn Hai"))); // F2 only on request
        const QByteArray ring = m_client->ask("GET", where + "?ring=2", admin).body;
        QVERIFY(QString::fromUtf8(ring).contains(QStringLiteral("Đỗ Văn Hai")));

        // Reached, with a note; the mark is on the page and in the audit.
        const QByteArray csrf = page.csrf();
        QCOMPARE(m_client
                     ->ask("POST", where + "/mark", admin,
                           "csrf=" + csrf + "&contact=046190000002&ring=1&reached=yes&note=" +
                               encoded(QStringLiteral("Đã gọi, cách ly tại nhà")))
                     .status,
                 303);
        page = m_client->ask("GET", where, admin);
        QVERIFY(page.text().contains(QStringLiteral("Đã gọi, cách ly tại nhà")));
        QVERIFY(page.text().contains(QStringLiteral("Đã liên lạc được")));

        // The case file: the trace as `central trace` writes it, with its signed manifest.
        QCOMPARE(m_client->ask("POST", where + "/file", admin, "csrf=" + csrf).status, 303);
        page = m_client->ask("GET", where, admin);
        const QString id = QString::fromLatin1(where.mid(7));
        const QString csvName = QStringLiteral("case-%1.csv").arg(id);
        QVERIFY2(page.text().contains(csvName + QStringLiteral(".manifest.json.sig")), qPrintable(page.text()));
        const QDir files(m_dir.filePath(QStringLiteral("downloaded")));
        QVERIFY(QDir().mkpath(files.path()));
        for (const QString& name : QStringList{csvName, csvName + QStringLiteral(".manifest.json"),
                                               csvName + QStringLiteral(".manifest.json.sig")}) {
            const ConsoleAnswer file =
                m_client->ask("GET", "/download/" + id.toLatin1() + '/' + name.toLatin1(), admin);
            QCOMPARE(file.status, 200);
            QVERIFY(file.header("Content-Disposition").startsWith("attachment"));
            QFile out(files.filePath(name));
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(file.body);
        }
        const ProcessRun verified =
            ProcessRun::start(QStringLiteral(GATEHOUSE_CLI),
                              {QStringLiteral("verify-export"), files.filePath(csvName), QStringLiteral("--pub"),
                               m_dir.filePath(QStringLiteral("keys/export.pub.pem")), QStringLiteral("--json")});
        QVERIFY2(verified.exitCode == 0, qPrintable(verified.err + QString::fromUtf8(verified.out)));
        QVERIFY(verified.out.contains("\"signed_by\":\"Trần Văn Minh\"") || verified.out.contains("Trần Văn Minh"));
        QFile csv(files.filePath(csvName));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QString rows = QString::fromUtf8(csv.readAll());
        QVERIFY(rows.contains(QStringLiteral("Ngô Thị Một")));
        QVERIFY(!rows.contains(QStringLiteral("Vắng Mặt")));

        // Closed: no more marks.
        QCOMPARE(m_client->ask("POST", where + "/close", admin, "csrf=" + csrf).status, 303);
        QCOMPARE(
            m_client
                ->ask("POST", where + "/mark", admin, "csrf=" + csrf + "&contact=046190000002&ring=1&reached=no&note=x")
                .status,
            400);
        QCOMPARE(m_store.psql(QStringLiteral("SELECT string_agg(action, ',' ORDER BY id) FROM gatehouse.console_audit"
                                             " WHERE official = 'Trần Văn Minh' AND subject LIKE 'case %'"
                                             " AND action NOT LIKE 'viewed%'")),
                 QStringLiteral("opened case,marked contact reached,made case file,closed case"));
        QVERIFY(m_store
                    .psql(QStringLiteral("SELECT count(*) FROM gatehouse.console_audit"
                                         " WHERE official = 'Trần Văn Minh' AND action LIKE 'viewed case%'"))
                    .toInt() >= 3);
        m_provinceCase = where;
    }

    void aDistrictSeesItsPartAndNoOtherDistrictsCase()
    {
        QVERIFY(!m_provinceCase.isEmpty());
        const QByteArray district = session(QStringLiteral("Nguyễn Thị Lan"));
        // The province's case is not hers: by any address, the same "no such case" and nothing of it.
        const QByteArray number = m_provinceCase.mid(7);
        for (const QByteArray& path : QList<QByteArray>{m_provinceCase, m_provinceCase + "?ring=2",
                                                        "/download/" + number + "/case-" + number + ".csv"}) {
            const ConsoleAnswer answer = m_client->ask("GET", path, district);
            QVERIFY2(answer.status == 404, path.constData());
            QVERIFY(!answer.text().contains(QStringLiteral("046190000001")));
            QVERIFY(!answer.text().contains(QStringLiteral("Ngô Thị Một")));
        }
        const QByteArray csrf = m_client->ask("GET", "/", district).csrf();
        QCOMPARE(m_client->ask("POST", m_provinceCase + "/file", district, "csrf=" + csrf).status, 404);
        QCOMPARE(m_client->ask("POST", m_provinceCase + "/close", district, "csrf=" + csrf).status, 404);
        QVERIFY(!m_client->ask("GET", "/", district).text().contains(QStringLiteral("…001")));
        // Her own case of the same person shows the stay in her district only.
        const ConsoleAnswer opened = m_client->ask("POST", "/cases", district,
                                                   "csrf=" + csrf +
                                                       "&id_number=046190000001"
                                                       "&from=2020-08-03T00%3A00&to=2020-08-04T00%3A00");
        QCOMPARE(opened.status, 303);
        const QString text = m_client->ask("GET", opened.header("Location"), district).text();
        QVERIFY(text.contains(QStringLiteral("UBND tỉnh")));
        QVERIFY(text.contains(QStringLiteral("Ngô Thị Một")));
        QVERIFY(!text.contains(QStringLiteral("Chợ Phú Vang")));
        QVERIFY(!text.contains(QStringLiteral("alert(1)")));
        // The province sees her case too (it covers the district).
        const QByteArray admin = session(QStringLiteral("Trần Văn Minh"));
        QCOMPARE(m_client->ask("GET", opened.header("Location"), admin).status, 200);
    }

    void badCaseInputIsASentence()
    {
        const QByteArray admin = session(QStringLiteral("Trần Văn Minh"));
        const QByteArray csrf = m_client->ask("GET", "/", admin).csrf();
        const QString before = m_store.psql(QStringLiteral("SELECT count(*) FROM gatehouse.case_file"));
        const struct
        {
            QByteArray form;
            QString sentence;
        } asks[] = {
            {"&id_number=abc&from=2020-08-03T00%3A00&to=2020-08-04T00%3A00", QStringLiteral("abc")},
            {"&id_number=046190000001&from=2020-08-04T00%3A00&to=2020-08-03T00%3A00",
             QStringLiteral("kết thúc sau khi bắt đầu")},
            {"&id_number=046190000001&from=2020-08-03T00%3A00&to=2020-08-03T00%3A00",
             QStringLiteral("kết thúc sau khi bắt đầu")},
            {"&id_number=046190000001&from=&to=", QStringLiteral("ngày giờ")},
            {"&id_number=046190009999&from=2020-08-03T00%3A00&to=2020-08-04T00%3A00", QStringLiteral("Không ai")},
            {"&id_number=" + encoded(QStringLiteral("<b>046190000001</b>")) + "&from=x&to=y",
             QStringLiteral("&lt;b&gt;")},
        };
        for (const auto& ask : asks) {
            const ConsoleAnswer answer = m_client->ask("POST", "/cases", admin, "csrf=" + csrf + ask.form);
            QCOMPARE(answer.status, 400);
            QVERIFY2(answer.text().contains(ask.sentence),
                     qPrintable(QString::fromUtf8(ask.form) + u'\n' + answer.text()));
            QVERIFY(!answer.text().contains(QStringLiteral("<b>046")));
        }
        QCOMPARE(m_store.psql(QStringLiteral("SELECT count(*) FROM gatehouse.case_file")), before);
        QCOMPARE(m_client->ask("GET", "/cases/999999", admin).status, 404);
        QCOMPARE(m_client->ask("GET", "/cases/99999999999999999999", admin).status, 404);
    }

    void aFormWithoutItsTokenIsRefused()
    {
        const auto [cookie, csrf] = signInForm();
        const QByteArray credentials =
            "name=" + encoded(QStringLiteral("Trần Văn Minh")) + "&password=" + encoded(QString::fromUtf8(PASSWORD));
        ConsoleAnswer answer = m_client->ask("POST", "/sign-in", cookie, credentials);
        QCOMPARE(answer.status, 403);
        QVERIFY(answer.cookie(SESSION).isEmpty());
        // A token from another browser's form (another cookie) is no token either.
        answer =
            m_client->ask("POST", "/sign-in", FORM + "=" + QByteArray(43, 'A'), "csrf=" + csrf + '&' + credentials);
        QCOMPARE(answer.status, 403);
        QVERIFY(answer.cookie(SESSION).isEmpty());
    }

    void fiveWrongPasswordsLockTheAccount()
    {
        const ProcessRun added =
            addOfficial(QStringLiteral("Phan Văn Tùng"), QStringLiteral("official"), QStringLiteral("province"));
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        for (int i = 1; i <= 4; ++i) {
            const ConsoleAnswer answer =
                signIn(QStringLiteral("Phan Văn Tùng"), "not-the-password-" + QByteArray::number(i));
            QCOMPARE(answer.status, 401);
            QVERIFY(answer.cookie(SESSION).isEmpty());
            QVERIFY2(answer.text().contains(QStringLiteral("Tên hoặc mật khẩu không đúng")), qPrintable(answer.text()));
        }
        // The same sentence for a name nobody has: the page does not tell who exists.
        QVERIFY(signIn(QStringLiteral("Không Có Ai"), PASSWORD)
                    .text()
                    .contains(QStringLiteral("Tên hoặc mật khẩu không đúng")));
        ConsoleAnswer answer = signIn(QStringLiteral("Phan Văn Tùng"), "not-the-password-5");
        QCOMPARE(answer.status, 401);
        QVERIFY2(answer.text().contains(QStringLiteral("bị khóa")), qPrintable(answer.text()));
        // Locked: the right password opens nothing now.
        answer = signIn(QStringLiteral("Phan Văn Tùng"), PASSWORD);
        QCOMPARE(answer.status, 401);
        QVERIFY(answer.cookie(SESSION).isEmpty());
        QVERIFY(answer.text().contains(QStringLiteral("bị khóa")));
        // An administrator gives it a new password, which unlocks it.
        const ProcessRun run =
            addOfficial(QStringLiteral("Phan Văn Tùng"), QStringLiteral("official"), QStringLiteral("province"));
        QVERIFY2(run.exitCode == 0 && run.out.contains("unlocked"), qPrintable(run.err));
        QCOMPARE(signIn(QStringLiteral("Phan Văn Tùng"), PASSWORD).status, 303);
        QCOMPARE(m_store.psql(QStringLiteral("SELECT count(*) FROM gatehouse.console_audit"
                                             " WHERE official = 'Phan Văn Tùng' AND action LIKE 'wrong password%'")),
                 QStringLiteral("5"));
    }

    void theLanguageIsKeptPerAccount()
    {
        QByteArray cookie = session(QStringLiteral("Trần Văn Minh"));
        ConsoleAnswer home = m_client->ask("GET", "/", cookie);
        QVERIFY(home.text().contains(QStringLiteral("Ca bệnh")));
        QCOMPARE(m_client->ask("POST", "/language", cookie, "csrf=" + home.csrf() + "&language=en").status, 303);
        QVERIFY(m_client->ask("GET", "/", cookie).text().contains(QStringLiteral("Open a case")));
        // Kept for the account: the next sign-in is in English too.
        cookie = session(QStringLiteral("Trần Văn Minh"));
        home = m_client->ask("GET", "/", cookie);
        QVERIFY(home.text().contains(QStringLiteral("<html lang=\"en\">")));
        QCOMPARE(m_client->ask("POST", "/language", cookie, "csrf=" + home.csrf() + "&language=vi").status, 303);
    }

    void complianceIsCountedAsEventsArriveAndReadPerScope()
    {
        // A day at the market as its kiosk sends it: three entries with the app verified, one
        // without (recommended policy), one let in by the receptionist, two visitors sent to the
        // receptionist; one entry half an hour before midnight and one half an hour after, in the
        // province's time (UTC+7).
        const auto ms = [](const char* day, const char* at) {
            return QString::number(QDateTime(QDate::fromString(QLatin1String(day), Qt::ISODate),
                                             QTime::fromString(QLatin1String(at), QStringLiteral("HH:mm")),
                                             Qt::OffsetFromUTC, 7 * 3600)
                                       .toMSecsSinceEpoch());
        };
        const struct
        {
            const char* kind;
            const char* status; // the entry's app_status, or the audit row's action
            const char* day;
            const char* at;
        } events[] = {{"entry", "verified", "2020-08-05", "08:00"},
                      {"entry", "verified", "2020-08-05", "09:00"},
                      {"entry", "verified", "2020-08-05", "23:30"},
                      {"entry", "not_detected", "2020-08-05", "10:00"},
                      {"entry", "overridden", "2020-08-05", "11:00"},
                      {"audit", "sent_to_receptionist", "2020-08-05", "10:59"},
                      {"audit", "sent_to_receptionist", "2020-08-05", "12:00"},
                      {"audit", "account_locked", "2020-08-05", "12:00"},
                      {"entry", "verified", "2020-08-06", "00:30"}};
        QStringList values;
        int seq = 100;
        for (const auto& event : events) {
            const bool entry = QLatin1String(event.kind) == QLatin1String("entry");
            const QString body =
                entry
                    ? QStringLiteral("{\"local_id\": %1, \"entrance\": \"Cổng chính\", \"person_type\": \"visitor\", "
                                     "\"full_name\": \"Khách %1\", \"checked_in_at\": \"%2\", \"app_status\": \"%3\"}")
                          .arg(QString::number(seq), ms(event.day, event.at), QLatin1String(event.status))
                    : QStringLiteral("{\"local_id\": %1, \"at\": %2, \"actor\": \"kiosk\", \"action\": \"%3\"}")
                          .arg(QString::number(seq), ms(event.day, event.at), QLatin1String(event.status));
            values.append(QStringLiteral("('pv-gate', %1, 'pv-market', '%2', '%3')")
                              .arg(QString::number(seq++), QLatin1String(event.kind), body));
        }
        const QString insert = QStringLiteral("INSERT INTO gatehouse.event (kiosk, seq, site, kind, body) VALUES %1"
                                              " ON CONFLICT DO NOTHING; SELECT 1")
                                   .arg(values.join(u','));
        QCOMPARE(m_store.psql(insert), QStringLiteral("1"));
        const QString counts = QStringLiteral(
            "SELECT string_agg(format('%s %s/%s/%s/%s', day, entries, app_verified, overridden, sent_to_receptionist),"
            " ', ' ORDER BY day) FROM gatehouse.site_day WHERE site = 'pv-market' AND day > '2020-08-04'");
        QCOMPARE(m_store.psql(counts), QStringLiteral("2020-08-05 5/3/1/2, 2020-08-06 1/1/0/0"));
        // The same batch again, as a kiosk that did not hear the COMMIT sends it: nothing twice.
        QCOMPARE(m_store.psql(insert), QStringLiteral("1"));
        QCOMPARE(m_store.psql(counts), QStringLiteral("2020-08-05 5/3/1/2, 2020-08-06 1/1/0/0"));
        // A kiosk that never sent is silent.
        ProcessRun run = cli({QStringLiteral("add-kiosk"), QStringLiteral("--central"), m_store.uri(),
                              QStringLiteral("--site"), QStringLiteral("pv-market"), QStringLiteral("--kiosk"),
                              QStringLiteral("pv-side"), QStringLiteral("--entrance"), QStringLiteral("Cổng phụ")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));

        const QByteArray admin = session(QStringLiteral("Trần Văn Minh"));
        ConsoleAnswer page = m_client->ask("GET", "/compliance?from=2020-08-01&to=2020-08-10&target=80", admin);
        QCOMPARE(page.status, 200);
        QString text = page.text();
        QVERIFY2(text.contains(QStringLiteral("<svg class=\"chart\"")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Chợ Phú Vang")));
        QVERIFY(text.contains(QStringLiteral("pv-side")));
        // The market (4 of 8 entries with the app, 50 %) is below 80 %, ranked; no name of a person.
        QVERIFY(text.contains(QStringLiteral("50.0 %")));
        QVERIFY(!text.contains(QStringLiteral("Khách 10")));
        QVERIFY(!text.contains(QStringLiteral("Ngô Thị Một")));
        // A district sees its own sites only.
        const QByteArray district = session(QStringLiteral("Nguyễn Thị Lan"));
        text = m_client->ask("GET", "/compliance?from=2020-08-01&to=2020-08-10", district).text();
        QVERIFY(text.contains(QStringLiteral("UBND tỉnh")));
        QVERIFY(!text.contains(QStringLiteral("Chợ Phú Vang")));
        QVERIFY(!text.contains(QStringLiteral("pv-side")));
        // The table as CSV: a row per site and day.
        const ConsoleAnswer csv = m_client->ask("GET", "/compliance.csv?from=2020-08-01&to=2020-08-10", admin);
        QCOMPARE(csv.status, 200);
        QVERIFY(csv.header("Content-Disposition").startsWith("attachment"));
        QVERIFY2(csv.body.startsWith("\xEF\xBB\xBF\"Ngày\""), csv.body.left(40).constData());
        QVERIFY2(
            csv.body.contains("\"2020-08-05\",\"pv-market\",\"Chợ Phú Vang\",\"Phú Vang\",\"5\",\"3\",\"60.0\",\"2\","
                              "\"1\",\"2\"\r\n"),
            csv.body.constData());
        QVERIFY(!m_client->ask("GET", "/compliance.csv?from=2020-08-01&to=2020-08-10", district)
                     .body.contains("pv-market"));
        // A reversed window, a window of years, a target that is no share: the form and a sentence.
        for (const QByteArray& query :
             QList<QByteArray>{"from=2020-08-10&to=2020-08-01", "from=2019-01-01&to=2020-08-01", "from=x&to=y",
                               "from=2020-08-01&to=2020-08-10&target=500"}) {
            page = m_client->ask("GET", "/compliance?" + query, admin);
            QCOMPARE(page.status, 400);
            QVERIFY2(page.text().contains(QStringLiteral("role=\"alert\"")), query.constData());
            QVERIFY(!page.text().contains(QStringLiteral("<svg")));
        }
        QCOMPARE(m_client->ask("GET", "/compliance.csv?from=2020-08-10&to=2020-08-01", admin).status, 400);
        // Without a session: the sign-in page, nothing counted.
        QCOMPARE(m_client->ask("GET", "/compliance").status, 303);
    }

    // Issue 26: the fleet as each scope sees it, from what the kiosks reported of themselves.
    void theFleetShowsEachScopeItsKiosksAndTheirHealth()
    {
        // The market's kiosk reports as its sync does, logged in as itself: its clock ten minutes
        // fast, the camera failing, three events waiting.
        QVERIFY(!m_store
                     .psql(QStringLiteral("SELECT gatehouse.kiosk_health_report('9.9.9', now() + interval '10 minutes',"
                                          " 1073741824, 3, 'The link broke.', '[{\"check\": \"camera\", \"ok\": false,"
                                          " \"needed\": false, \"sentence\": \"No camera.\"}]')"),
                           QStringLiteral("pv-gate"))
                     .isNull());
        const QByteArray admin = session(QStringLiteral("Trần Văn Minh"));
        ConsoleAnswer page = m_client->ask("GET", "/fleet", admin);
        QCOMPARE(page.status, 200);
        QString text = page.text();
        QVERIFY2(text.contains(QStringLiteral("pv-gate")) && text.contains(QStringLiteral("9.9.9")) &&
                     text.contains(QStringLiteral("camera")) && text.contains(QStringLiteral("The link broke.")),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("ubnd-gate")));
        // When the store was last backed up (issue 27), as the console itself may read it.
        // (In the account's language, English or Vietnamese.)
        QVERIFY2(text.contains(QStringLiteral("No good backup of the central store is recorded.")) ||
                     text.contains(QStringLiteral("Chưa có bản sao lưu tốt nào của kho dữ liệu trung tâm")),
                 qPrintable(text));
        QVERIFY(!m_store
                     .psql(QStringLiteral("INSERT INTO gatehouse.backup (label, folder, started_at, finished_at, bytes,"
                                          " verified) VALUES ('test', '/backup/base/test', '2026-12-06 01:00+00',"
                                          " '2026-12-06 01:05+00', 1, true) RETURNING id"))
                     .isNull());
        text = m_client->ask("GET", "/fleet", admin).text();
        QVERIFY2(
            text.contains(QStringLiteral("Last good backup of the central store: 08:05 06/12/2026.")) ||
                text.contains(QStringLiteral("Bản sao lưu tốt gần nhất của kho dữ liệu trung tâm: 08:05 06/12/2026.")),
            qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("/backup/base/test")));
        QCOMPARE(m_store.psql(QStringLiteral("WITH gone AS (DELETE FROM gatehouse.backup RETURNING 1)"
                                             " SELECT count(*) FROM gone")),
                 QStringLiteral("1"));
        const ConsoleAnswer csv = m_client->ask("GET", "/fleet.csv", admin);
        QCOMPARE(csv.status, 200);
        QVERIFY(csv.header("Content-Disposition").startsWith("attachment"));
        QVERIFY2(csv.body.startsWith("\xEF\xBB\xBF\"Máy\""), csv.body.left(40).constData());
        // kiosk, site, name, district, contact, software, offset (about 600 s), flagged, 1024 MB,
        // 3 waiting, the failing check, the failure, no settings reported applied yet.
        static const QRegularExpression row(QStringLiteral(
            "\"pv-gate\",\"pv-market\",\"Chợ Phú Vang\",\"Phú Vang\",\"[^\"]*\",\"9.9.9\",\"(5[89][0-9]|600)\\.[0-9]\","
            "\"1\",\"1024\",\"3\",\"camera\",\"The link broke.\",\"0\",\"\"\r\n"));
        QVERIFY2(row.match(QString::fromUtf8(csv.body)).hasMatch(), csv.body.constData());
        // A district sees its own kiosks only.
        const QByteArray district = session(QStringLiteral("Nguyễn Thị Lan"));
        text = m_client->ask("GET", "/fleet", district).text();
        QVERIFY(text.contains(QStringLiteral("ubnd-gate")));
        QVERIFY(!text.contains(QStringLiteral("pv-gate")));
        QVERIFY(!m_client->ask("GET", "/fleet.csv", district).body.contains("pv-gate"));
        // Without a session: the sign-in page.
        QCOMPARE(m_client->ask("GET", "/fleet").status, 303);
    }

    // The console's contacts are asked as the store's owner with the scope's sites named
    // (scoped_contact_pairs, for the index); the answer must still be the scope's, decided by the
    // role the console set, and nothing for a role that is no scope's.
    void theStoreScopesContactsByTheRoleSet()
    {
        const auto pairs = [this](const QString& role) {
            return m_store.psql((role.isEmpty() ? QString() : QStringLiteral("SET ROLE \"%1\"; ").arg(role)) +
                                    QStringLiteral("SELECT count(*) FROM gatehouse.scoped_contact_pairs('046190000001',"
                                                   " '2020-08-03 00:00+07', '2020-08-04 00:00+07')"),
                                QStringLiteral("console"));
        };
        const auto roleOf = [this](const char* scope) {
            return m_store.psql(
                QStringLiteral("SELECT role FROM gatehouse.scope WHERE scope = '%1'").arg(QString::fromUtf8(scope)));
        };
        QCOMPARE(pairs(roleOf("province")), QStringLiteral("2"));        // Ngô Thị Một at the UBND, the market's
        QCOMPARE(pairs(roleOf("district:TP Huế")), QStringLiteral("1")); // the UBND's only
        QCOMPARE(pairs(roleOf("site:pv-market")), QStringLiteral("1"));  // the market's only
        QCOMPARE(pairs(QStringLiteral("gatehouse_scoped")), QStringLiteral("0"));
        QVERIFY(pairs({}).isNull()); // the console's own login may not ask at all
    }

    void administratorsAddSitesAndKiosksInTheirScopeOnly()
    {
        for (const auto& [name, scope] :
             {std::pair(QStringLiteral("Võ Thị Sen"), QStringLiteral("district:Phú Vang")),
              std::pair(QStringLiteral("Đặng Văn Bảo"), QStringLiteral("site:hue-school"))}) {
            const ProcessRun run = addOfficial(name, QStringLiteral("admin"), scope);
            QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        }
        const auto count = [this](const QString& sql) { return m_store.psql(sql); };
        const QString sites = QStringLiteral("SELECT string_agg(site || '|' || name || '|' || coalesce(district, ''),"
                                             " ',' ORDER BY site) FROM gatehouse.site");
        const QString kiosks = QStringLiteral("SELECT string_agg(kiosk || '@' || site, ',' ORDER BY kiosk)"
                                              " FROM gatehouse.kiosk");
        const QString sitesBefore = count(sites);
        const QString kiosksBefore = count(kiosks);

        // An official who is no administrator gets no form and is refused.
        const QByteArray lan = session(QStringLiteral("Nguyễn Thị Lan"));
        ConsoleAnswer page = m_client->ask("GET", "/sites", lan);
        QCOMPARE(page.status, 200);
        QVERIFY(!page.text().contains(QStringLiteral("action=\"/sites\"")));
        QVERIFY(!page.text().contains(QStringLiteral("action=\"/kiosks\"")));
        ConsoleAnswer answer = m_client->ask(
            "POST", "/sites", lan,
            "csrf=" + page.csrf() + "&site_id=hue-new&site_name=X&district=" + encoded(QStringLiteral("TP Huế")));
        QCOMPARE(answer.status, 403);
        answer = m_client->ask("POST", "/kiosks", lan, "csrf=" + page.csrf() + "&site=hue-ubnd&kiosk=ubnd-new");
        QCOMPARE(answer.status, 403);

        // A district's administrator: a site of the district, named with markup (shown as text).
        const QByteArray sen = session(QStringLiteral("Võ Thị Sen"));
        page = m_client->ask("GET", "/sites", sen);
        QVERIFY(page.text().contains(QStringLiteral("action=\"/sites\"")));
        QVERIFY(page.text().contains(QStringLiteral("value=\"Phú Vang\" readonly")));
        const QByteArray csrf = page.csrf();
        const QByteArray phuVang = encoded(QStringLiteral("Phú Vang"));
        answer = m_client->ask("POST", "/sites", sen,
                               "csrf=" + csrf + "&site_id=pv-clinic&site_name=" +
                                   encoded(QStringLiteral("Trạm y tế <i>Phú Vang</i>")) + "&district=" + phuVang);
        QCOMPARE(answer.status, 303);
        QCOMPARE(count(QStringLiteral("SELECT name || '|' || district FROM gatehouse.site WHERE site = 'pv-clinic'")),
                 QStringLiteral("Trạm y tế <i>Phú Vang</i>|Phú Vang"));
        page = m_client->ask("GET", "/sites", sen);
        QVERIFY(page.text().contains(QStringLiteral("Trạm y tế &lt;i&gt;Phú Vang&lt;/i&gt;")));
        // Not in another district, by a forged field, nor by renaming another district's site.
        for (const QByteArray& body :
             {QByteArray("&site_id=hue-new&site_name=X&district=" + encoded(QStringLiteral("TP Huế"))),
              QByteArray("&site_id=hue-ubnd&site_name=Mine&district=" + phuVang)}) {
            answer = m_client->ask("POST", "/sites", sen, "csrf=" + csrf + body);
            QCOMPARE(answer.status, 400);
            QVERIFY2(answer.text().contains(QStringLiteral("role=\"alert\"")), qPrintable(answer.text()));
        }
        QVERIFY(!answer.text().contains(QStringLiteral("UBND tỉnh"))); // nothing of the other district on the page

        // A kiosk at the new site: registered with its login, its TLS files offered once.
        answer = m_client->ask(
            "POST", "/kiosks", sen,
            "csrf=" + csrf + "&site=pv-clinic&kiosk=pv-clinic-gate&entrance=" + encoded(QStringLiteral("Cổng trạm")));
        QCOMPARE(answer.status, 303);
        QCOMPARE(
            count(QStringLiteral("SELECT site || '|' || entrance FROM gatehouse.kiosk WHERE kiosk = 'pv-clinic-gate'")),
            QStringLiteral("pv-clinic|Cổng trạm"));
        QCOMPARE(count(QStringLiteral("SELECT pg_has_role('pv-clinic-gate', 'gatehouse_kiosk', 'MEMBER')::text")),
                 QStringLiteral("true"));
        page = m_client->ask("GET", "/sites", sen);
        QVERIFY2(page.text().contains(QStringLiteral("href=\"/kiosk-files/kiosk-pv-clinic-gate.tar\"")),
                 qPrintable(page.text()));
        // Another session (the province's administrator) is not offered them.
        const QByteArray minh = session(QStringLiteral("Trần Văn Minh"));
        QCOMPARE(m_client->ask("GET", "/kiosk-files/kiosk-pv-clinic-gate.tar", minh).status, 404);
        QCOMPARE(m_client->ask("GET", "/kiosk-files/kiosk-pv-clinic-gate.tar").status, 401);
        const ConsoleAnswer files = m_client->ask("GET", "/kiosk-files/kiosk-pv-clinic-gate.tar", sen);
        QCOMPARE(files.status, 200);
        QCOMPARE(files.header("Cache-Control"), QByteArray("no-store"));
        QVERIFY(files.header("Content-Disposition").contains("kiosk-pv-clinic-gate.tar"));
        // Once: the key has left the console.
        QCOMPARE(m_client->ask("GET", "/kiosk-files/kiosk-pv-clinic-gate.tar", sen).status, 404);
        QVERIFY(!m_client->ask("GET", "/sites", sen).text().contains(QStringLiteral("/kiosk-files/")));

        // What a technician does with it: GNU tar unpacks it, OpenSSL accepts the certificate
        // under the province's CA with the kiosk id as its name, and the key is the certificate's.
        QTemporaryDir unpacked;
        QFile tarFile(unpacked.filePath(QStringLiteral("kiosk.tar")));
        QVERIFY(tarFile.open(QIODevice::WriteOnly));
        tarFile.write(files.body);
        tarFile.close();
        ProcessRun tool = ProcessRun::start(QStringLiteral("tar"), {QStringLiteral("-tvf"), tarFile.fileName()});
        QVERIFY2(tool.exitCode == 0, qPrintable(tool.err));
        const QString listing = QString::fromUtf8(tool.out);
        QVERIFY2(listing.contains(QRegularExpression(QStringLiteral("^-rw------- .* kiosk\\.key$"),
                                                     QRegularExpression::MultilineOption)),
                 qPrintable(listing));
        for (const char* name : {"kiosk.pem", "ca.pem", "central.ini"})
            QVERIFY2(listing.contains(QLatin1String(name)), name);
        tool = ProcessRun::start(QStringLiteral("tar"),
                                 {QStringLiteral("-xf"), tarFile.fileName(), QStringLiteral("-C"), unpacked.path()});
        QVERIFY2(tool.exitCode == 0, qPrintable(tool.err));
        const QString pem = unpacked.filePath(QStringLiteral("kiosk.pem"));
        tool = ProcessRun::start(QStringLiteral("openssl"), {QStringLiteral("verify"), QStringLiteral("-CAfile"),
                                                             unpacked.filePath(QStringLiteral("ca.pem")), pem});
        QVERIFY2(tool.exitCode == 0 && tool.out.contains(": OK"), qPrintable(QString::fromUtf8(tool.out) + tool.err));
        tool = ProcessRun::start(QStringLiteral("openssl"), {QStringLiteral("x509"), QStringLiteral("-in"), pem,
                                                             QStringLiteral("-noout"), QStringLiteral("-subject")});
        QVERIFY2(tool.out.contains("CN = pv-clinic-gate"), tool.out.constData());
        const ProcessRun fromCertificate =
            ProcessRun::start(QStringLiteral("openssl"), {QStringLiteral("x509"), QStringLiteral("-in"), pem,
                                                          QStringLiteral("-noout"), QStringLiteral("-pubkey")});
        const ProcessRun fromKey = ProcessRun::start(
            QStringLiteral("openssl"), {QStringLiteral("pkey"), QStringLiteral("-in"),
                                        unpacked.filePath(QStringLiteral("kiosk.key")), QStringLiteral("-pubout")});
        QVERIFY(!fromKey.out.isEmpty());
        QCOMPARE(fromKey.out, fromCertificate.out);
        QFile ini(unpacked.filePath(QStringLiteral("central.ini")));
        QVERIFY(ini.open(QIODevice::ReadOnly));
        QCOMPARE(ini.readAll(), "[central]\nuri=" + KIOSK_URI + "\nkiosk_id=pv-clinic-gate\ninterval_seconds=30\n");
        QCOMPARE(count(QStringLiteral("SELECT string_agg(action || ':' || subject, ',' ORDER BY id)"
                                      " FROM gatehouse.console_audit WHERE official = 'Võ Thị Sen'"
                                      " AND action NOT LIKE 'sign-in'")),
                 QStringLiteral("added site:pv-clinic,added kiosk:pv-clinic-gate,"
                                "downloaded kiosk files:kiosk-pv-clinic-gate.tar"));

        // No kiosk at another district's site, no move of another district's kiosk to ours, no
        // role that is not a kiosk's taken for one, no id that is no kiosk id.
        for (const QByteArray& body :
             {QByteArray("&site=hue-ubnd&kiosk=ubnd-new"), QByteArray("&site=pv-clinic&kiosk=ubnd-gate"),
              QByteArray("&site=pv-clinic&kiosk=console"),
              QByteArray(QByteArray("&site=pv-clinic&kiosk=") + encoded(QStringLiteral("Cổng 1"))),
              QByteArray("&site=nowhere&kiosk=pv-2")}) {
            answer = m_client->ask("POST", "/kiosks", sen, "csrf=" + csrf + body);
            QCOMPARE(answer.status, 400);
            QVERIFY2(answer.text().contains(QStringLiteral("role=\"alert\"")), body.constData());
        }
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname IN ('ubnd-new', 'pv-2')")),
                 QStringLiteral("0"));
        QCOMPARE(count(QStringLiteral("SELECT pg_has_role('console', 'gatehouse_kiosk', 'MEMBER')::text")),
                 QStringLiteral("false"));

        // A site's administrator adds kiosks to that site, and no site.
        const QByteArray bao = session(QStringLiteral("Đặng Văn Bảo"));
        page = m_client->ask("GET", "/sites", bao);
        QVERIFY(!page.text().contains(QStringLiteral("action=\"/sites\"")));
        QVERIFY(page.text().contains(QStringLiteral("action=\"/kiosks\"")));
        answer = m_client->ask("POST", "/sites", bao, "csrf=" + page.csrf() + "&site_id=hue-school-2&site_name=X");
        QCOMPARE(answer.status, 400);
        answer = m_client->ask("POST", "/kiosks", bao, "csrf=" + page.csrf() + "&site=hue-school&kiosk=school-side");
        QCOMPARE(answer.status, 303);

        // Nothing else changed: the other sites and kiosks are as they were.
        QCOMPARE(count(sites + QStringLiteral(" WHERE site <> 'pv-clinic'")), sitesBefore);
        QCOMPARE(count(kiosks + QStringLiteral(" WHERE kiosk NOT IN ('pv-clinic-gate', 'school-side')")), kiosksBefore);

        // The store asks too, whatever the page did: as a scope's role, an account that is no
        // administrator of that very scope registers nothing.
        const QString lanRole =
            count(QStringLiteral("SELECT role FROM gatehouse.scope WHERE scope = 'district:TP Huế'"));
        QCOMPARE(m_store.psql(QStringLiteral("SET ROLE \"%1\"; SELECT gatehouse.console_add_site('Nguyễn Thị Lan',"
                                             " 'hue-x', 'X', 'TP Huế')")
                                  .arg(lanRole),
                              QStringLiteral("console")),
                 QStringLiteral("not admin"));
        QCOMPARE(m_store.psql(QStringLiteral("SET ROLE \"%1\"; SELECT gatehouse.console_add_kiosk('Võ Thị Sen',"
                                             " 'hue-y', 'hue-ubnd', '')")
                                  .arg(lanRole),
                              QStringLiteral("console")),
                 QStringLiteral("not admin"));
        QVERIFY(m_store
                    .psql(QStringLiteral("SELECT gatehouse.register_kiosk('hue-z', 'hue-ubnd', '')"),
                          QStringLiteral("console"))
                    .isNull());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM gatehouse.site WHERE site = 'hue-x'")),
                 QStringLiteral("0"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname IN ('hue-y', 'hue-z')")),
                 QStringLiteral("0"));
    }

    // Issue 26: a scope's shared settings, changed from the console by the administrators whose
    // scope covers it, checked and audited; the store asks again.
    void sharedSettingsAreChangedByAdministratorsOfTheirScopeOnly()
    {
        const QString settings =
            QStringLiteral("SELECT coalesce(string_agg(scope || ' ' || key || '=' || value || ' ' || set_by, ', '"
                           " ORDER BY scope, key), '-') FROM gatehouse.setting");
        // An official reads, no form, and is refused a change.
        const QByteArray lan = session(QStringLiteral("Nguyễn Thị Lan"));
        ConsoleAnswer page = m_client->ask("GET", "/settings", lan);
        QVERIFY2(page.status == 200, qPrintable(page.text()));
        QVERIFY(page.text().contains(QStringLiteral("policy")));
        QVERIFY(!page.text().contains(QStringLiteral("name=\"v_policy\"")));
        QCOMPARE(m_client
                     ->ask("POST", "/settings", lan,
                           "csrf=" + page.csrf() + "&scope=" + encoded(QStringLiteral("district:TP Huế")) +
                               "&v_policy=required")
                     .status,
                 403);
        QCOMPARE(m_store.psql(settings), QStringLiteral("-"));

        // Phú Vang's administrator sets her district to required.
        const QByteArray sen = session(QStringLiteral("Võ Thị Sen"));
        page = m_client->ask("GET", "/settings", sen);
        QVERIFY(page.text().contains(QStringLiteral("name=\"v_policy\"")));
        ConsoleAnswer answer =
            m_client->ask("POST", "/settings", sen,
                          "csrf=" + page.csrf() + "&scope=" + encoded(QStringLiteral("district:Phú Vang")) +
                              "&v_policy=required&v_retention_days=");
        QCOMPARE(answer.status, 200);
        QVERIFY(answer.text().contains(QStringLiteral("role=\"status\"")));
        QCOMPARE(m_store.psql(settings), QStringLiteral("district:Phú Vang policy=required Võ Thị Sen"));
        QCOMPARE(m_store.psql(QStringLiteral("SELECT official || ' ' || subject FROM gatehouse.console_audit"
                                             " WHERE action = 'changed setting'")),
                 QStringLiteral("Võ Thị Sen district:Phú Vang policy=required"));
        // A bad value: a sentence, the fields as typed, nothing stored.
        answer = m_client->ask("POST", "/settings", sen,
                               "csrf=" + page.csrf() + "&scope=site%3Apv-market&v_idle_reset_seconds=3");
        QCOMPARE(answer.status, 400);
        QVERIFY(answer.text().contains(QStringLiteral("idle_reset_seconds=3")));
        // Another district's site, and a scope nobody has: the same sentence, nothing stored.
        for (const QByteArray& scope : {QByteArray("site%3Ahue-ubnd"), QByteArray("site%3Anowhere")}) {
            answer = m_client->ask("POST", "/settings", sen,
                                   "csrf=" + page.csrf() + "&scope=" + scope + "&v_policy=required");
            QCOMPARE(answer.status, 400);
            QVERIFY2(answer.text().contains(QStringLiteral("role=\"alert\"")), scope.constData());
        }
        // Nor does she read another district's settings.
        const QString set =
            m_store.psql(QStringLiteral("SELECT gatehouse.change_setting('district:TP Huế', 'speech', 'true', 'x')"));
        QVERIFY(!set.isNull() && set.isEmpty());
        QVERIFY(!m_client->ask("GET", "/settings?scope=" + encoded(QStringLiteral("district:TP Huế")), sen)
                     .text()
                     .contains(QStringLiteral("value=\"true\"")));
        QCOMPARE(m_store.psql(settings), QStringLiteral("district:Phú Vang policy=required Võ Thị Sen, district:TP Huế "
                                                        "speech=true x"));
        // The store asks again: the function refuses an account that is not the role's administrator.
        QCOMPARE(
            m_store.psql(QStringLiteral("SET ROLE \"%1\"; SELECT gatehouse.console_change_setting('Nguyễn Thị Lan',"
                                        " 'district:Phú Vang', 'policy', 'recommended')")
                             .arg(m_store.psql(QStringLiteral("SELECT role FROM gatehouse.scope"
                                                              " WHERE scope = 'district:Phú Vang'"))),
                         QStringLiteral("console")),
            QStringLiteral("not admin"));
    }

    void aHugeBodyAndASlowClientAreAnsweredAndCostNothingElse()
    {
        const auto [cookie, csrf] = signInForm();
        const ConsoleAnswer huge =
            m_client->ask("POST", "/sign-in", cookie, "csrf=" + csrf + "&name=" + QByteArray(1 << 20, 'x'));
        QCOMPARE(huge.status, 413);
        QVERIFY(huge.text().contains(QStringLiteral("quá lớn")));
        // A client that sends half a request and waits holds one thread for seconds, and the
        // console answers everyone else meanwhile.
        QSslSocket slow;
        slow.setSslConfiguration(m_client->tls());
        slow.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_port);
        QVERIFY(slow.waitForEncrypted(10000));
        slow.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        QVERIFY(slow.waitForBytesWritten(5000));
        QCOMPARE(m_client->ask("GET", "/healthz").status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(slow.state() == QAbstractSocket::UnconnectedState, 30000);
        QVERIFY(!slow.readAll().contains("UBND"));
        // A path the console does not have, signed in: 404 with a sentence.
        const QByteArray signedIn = session(QStringLiteral("Trần Văn Minh"));
        QCOMPARE(m_client->ask("GET", "/no-such-page", signedIn).status, 404);
    }

    void sigtermStopsItCleanly()
    {
        ::kill(pid_t(m_console.processId()), SIGTERM);
        QVERIFY(m_console.waitForFinished(10000));
        QCOMPARE(m_console.exitStatus(), QProcess::NormalExit);
        QCOMPARE(m_console.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestConsoleServer)
#include "TestConsoleServer.moc"
