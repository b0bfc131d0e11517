// gatehouse-central's HTTPS server.
#include "console/ConsoleServer.h"

#include "central/CentralAdmin.h"
#include "central/CentralCases.h"
#include "central/CentralCompliance.h"
#include "central/CentralConnection.h"
#include "central/CentralFleet.h"
#include "central/CentralOfficials.h"
#include "central/CentralPool.h"
#include "central/CentralSettings.h"
#include "central/CentralTrace.h"
#include "common/Clock.h"
#include "common/Logging.h"
#include "common/SharedSettings.h"
#include "common/SiteTime.h"
#include "common/TarArchive.h"
#include "common/ThreadLanguage.h"
#include "console/ConsolePage.h"
#include "console/ConsoleSessions.h"
#include "crypto/ClientCertificate.h"
#include "export/ExportManifest.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QUrl>

#include <algorithm>

#include <httplib.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

namespace {
// The cookies' names carry the __Host- prefix: a browser keeps such a cookie only when it is
// Secure, has Path=/ and no Domain, so no other host of the province's domain can set or read it
// (RFC 6265bis, "Cookie Name Prefixes").
const std::string SESSION_COOKIE = "__Host-gh-session";
const std::string FORM_COOKIE = "__Host-gh-form";
const std::string COOKIE_FLAGS = "; HttpOnly; Secure; SameSite=Strict; Path=/";
const char* const HTML = "text/html; charset=utf-8";
// A form of this console is a few hundred bytes; a larger body is refused unread (413).
constexpr size_t MAX_BODY = 64 * 1024;

// The value of a cookie in the Cookie header, empty when absent.
QByteArray cookie(const httplib::Request& request, const std::string& name)
{
    const QByteArray header = QByteArray::fromStdString(request.get_header_value("Cookie"));
    for (const QByteArray& part : header.split(';')) {
        const QByteArray pair = part.trimmed();
        const qsizetype equals = pair.indexOf('=');
        if (equals > 0 && pair.left(equals) == QByteArray::fromStdString(name))
            return pair.mid(equals + 1);
    }
    return {};
}

// A field of an application/x-www-form-urlencoded body (HTML's form encoding: '+' is a space).
QString field(const std::string& body, const char* name)
{
    const QByteArray key(name);
    for (const QByteArray& part : QByteArray::fromStdString(body).split('&')) {
        const qsizetype equals = part.indexOf('=');
        const QByteArray partName = QByteArray(part.left(equals < 0 ? part.size() : equals)).replace('+', ' ');
        if (QUrl::fromPercentEncoding(partName) != QLatin1String(key))
            continue;
        return QUrl::fromPercentEncoding(
            QByteArray(equals < 0 ? QByteArray() : part.mid(equals + 1)).replace('+', ' '));
    }
    return {};
}

// Whether a cookie's value could be one of our tokens (base64url, 43 characters for 256 bits).
bool plausible(const QByteArray& token)
{
    if (token.size() != 43)
        return false;
    for (const char c : token) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_')
            return false;
    }
    return true;
}

QString openSslReason()
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (!code)
        return {};
    char text[256] = {};
    ERR_error_string_n(code, text, sizeof text);
    return QString::fromLatin1(text);
}
} // namespace

// One request as its handler sees it.
struct ConsoleServer::Visit
{
    const httplib::Request& request;
    httplib::Response& response;
    QString language;
    QByteArray token; // the session cookie's
    std::optional<ConsoleSessions::Session> session;

    void page(int status, const QByteArray& html)
    {
        response.status = status;
        response.set_content(html.toStdString(), HTML);
    }
    void seeOther(const char* where)
    {
        response.status = 303;
        response.set_header("Location", where);
    }
};

ConsoleServer::ConsoleServer(const ConsoleOptions& options, CentralPool& pool, ConsoleSessions& sessions,
                             const Clock& clock, std::optional<Ed25519Key> signingKey)
    : m_options(options), m_pool(pool), m_sessions(sessions), m_clock(clock), m_signingKey(std::move(signingKey))
{}

ConsoleServer::~ConsoleServer() = default;

Result<void> ConsoleServer::bind()
{
    const QByteArray certificate = QFile::encodeName(m_options.certificate);
    const QByteArray key = QFile::encodeName(m_options.key);
    QString problem;
    // The TLS context is set up here rather than by the library's file constructor: TLS 1.2 at
    // least, the whole chain the certificate file holds, a key that matches it, and dates that
    // hold today, each refused with a sentence that names the file.
    m_server = std::make_unique<httplib::SSLServer>([&](SSL_CTX& context) {
        SSL_CTX_set_min_proto_version(&context, TLS1_2_VERSION);
        // The key first: OpenSSL then drops, silently, a key that the certificate loaded after it
        // does not match, and the check below says so in our words.
        if (SSL_CTX_use_PrivateKey_file(&context, key.constData(), SSL_FILETYPE_PEM) != 1) {
            problem = tr("%1 is not a PEM private key without a passphrase (%2).").arg(m_options.key, openSslReason());
            return false;
        }
        if (SSL_CTX_use_certificate_chain_file(&context, certificate.constData()) != 1) {
            problem = tr("%1 is not a PEM certificate (%2).").arg(m_options.certificate, openSslReason());
            return false;
        }
        if (SSL_CTX_check_private_key(&context) != 1) {
            problem = tr("%1 is not the key of the certificate %2.").arg(m_options.key, m_options.certificate);
            return false;
        }
        const X509* leaf = SSL_CTX_get0_certificate(&context);
        if (X509_cmp_current_time(X509_get0_notBefore(leaf)) > 0 ||
            X509_cmp_current_time(X509_get0_notAfter(leaf)) < 0) {
            problem = tr("The certificate %1 is not valid today: renew it.").arg(m_options.certificate);
            return false;
        }
        return true;
    });
    if (!m_server->is_valid())
        return Error(Error::Kind::Usage, problem.isEmpty() ? tr("TLS could not be set up.") : problem);
    const int threads = m_options.threads;
    m_server->new_task_queue = [threads] { return new httplib::ThreadPool(size_t(threads)); };
    m_server->set_payload_max_length(MAX_BODY);
    m_server->set_read_timeout(10, 0);
    m_server->set_write_timeout(10, 0);
    m_server->set_keep_alive_timeout(5);
    m_server->set_keep_alive_max_count(100);
    // On every response (formats/console.md): nothing from another origin, no framing, no sniffing,
    // no referrer with a case's address in it, HTTPS remembered, and nothing cached (a page may
    // hold personal data; the style sheet alone is allowed a cache below).
    m_server->set_default_headers({
        {"Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; "
                                    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"},
        {"X-Content-Type-Options", "nosniff"},
        {"X-Frame-Options", "DENY"},
        {"Referrer-Policy", "no-referrer"},
        {"Strict-Transport-Security", "max-age=31536000"},
        {"Cache-Control", "no-store"},
    });
    route();
    if (!m_server->bind_to_port(m_options.host.toStdString(), m_options.port))
        return Error(Error::Kind::Failed, tr("Nothing can listen on %1:%2: another program has that port, or the "
                                             "address is not this computer's.")
                                              .arg(m_options.host)
                                              .arg(m_options.port));
    return {};
}

void ConsoleServer::serve()
{
    m_server->listen_after_bind();
}

void ConsoleServer::stop()
{
    if (m_server)
        m_server->stop();
}

void ConsoleServer::route()
{
    const auto handler = [this](const httplib::Request& request, httplib::Response& response) {
        answer(request, response);
    };
    m_server->Get(".*", handler);
    m_server->Post(".*", handler);
    // What the library answers by itself (a body too large, a request it cannot read) and what no
    // handler took (another method) gets a sentence too.
    m_server->set_error_handler([](const httplib::Request& request, httplib::Response& response) {
        if (!response.body.empty())
            return;
        const QString language = request.get_param_value("lang") == "en" ? QStringLiteral("en") : QStringLiteral("vi");
        const ThreadLanguage::Speaking speaking(language);
        const QString sentence = response.status == 413   ? tr("That request is too large for this console.")
                                 : response.status == 405 ? tr("This console does not answer that kind of request.")
                                                          : tr("This console could not read that request.");
        response.set_content(ConsolePage::sentence(language, tr("Not possible"), sentence).toStdString(), HTML);
    });
    m_server->set_exception_handler([](const httplib::Request&, httplib::Response& response, std::exception_ptr) {
        response.status = 500;
        response.set_content(
            ConsolePage::sentence(QStringLiteral("vi"), tr("Not possible"), tr("Something went wrong on the server."))
                .toStdString(),
            HTML);
    });
}

void ConsoleServer::answer(const httplib::Request& request, httplib::Response& response)
{
    Visit visit{request, response, QStringLiteral("vi"), cookie(request, SESSION_COOKIE), std::nullopt};
    if (plausible(visit.token))
        visit.session = m_sessions.find(visit.token);
    if (visit.session)
        visit.language = visit.session->official.language;
    else if (request.get_param_value("lang") == "en" ||
             (request.method == "POST" && field(request.body, "language") == QLatin1String("en")))
        visit.language = QStringLiteral("en");
    const ThreadLanguage::Speaking speaking(visit.language);
    const std::string& path = request.path;

    if (request.method == "GET" && path == "/healthz")
        return healthz(visit);
    if (request.method == "GET" && path == "/static/console.css") {
        QFile css(QStringLiteral(":/console/console.css"));
        if (!css.open(QIODevice::ReadOnly))
            return visit.page(500, {});
        response.headers.erase("Cache-Control");
        response.set_header("Cache-Control", "max-age=3600");
        response.set_content(css.readAll().toStdString(), "text/css; charset=utf-8");
        return;
    }
    if (request.method == "POST") {
        if (path == "/sign-in")
            return signIn(visit);
        // Every other change needs a session and its token (formats/console.md).
        if (!visit.session || !ConsoleSessions::same(field(request.body, "csrf").toLatin1(), visit.session->csrf))
            return visit.page(403,
                              ConsolePage::sentence(visit.language, tr("Refused"),
                                                    visit.session ? tr("This form did not come from your console page. "
                                                                       "Open the page again and repeat what you did.")
                                                                  : tr("Your session has ended. Sign in again.")));
        if (path == "/sign-out")
            return signOut(visit);
        if (path == "/language")
            return language(visit);
        if (path == "/cases")
            return openCase(visit);
        if (path == "/sites")
            return addSite(visit);
        if (path == "/kiosks")
            return addKiosk(visit);
        if (path == "/settings")
            return changeSettings(visit);
        static const QRegularExpression change(QStringLiteral("^/cases/([0-9]{1,15})/(mark|close|file)$"));
        const QRegularExpressionMatch changing = change.match(QString::fromStdString(path));
        if (changing.hasMatch()) {
            if (changing.captured(2) == QLatin1String("file"))
                return caseFile(visit, changing.captured(1).toLongLong());
            return changeCase(visit, changing.captured(1).toLongLong(), changing.captured(2));
        }
        return visit.page(404,
                          ConsolePage::sentence(visit.language, tr("Not found"), tr("This console has no such page.")));
    }
    if (path == "/")
        return home(visit);
    if (!visit.session) {
        // A download answers a program, which cannot follow to a sign-in page; a page sends its
        // reader there. Neither says a word about what is behind the address.
        if (path.rfind("/download/", 0) == 0 || path.rfind("/kiosk-files/", 0) == 0) {
            response.status = 401;
            response.set_content(tr("Sign in first.").toStdString(), "text/plain; charset=utf-8");
            return;
        }
        return visit.seeOther("/");
    }
    if (path == "/sites")
        return sites(visit);
    if (path == "/compliance" || path == "/compliance.csv")
        return compliance(visit, path == "/compliance.csv");
    if (path == "/fleet" || path == "/fleet.csv")
        return fleet(visit, path == "/fleet.csv");
    if (path == "/settings") {
        ConsolePage::SettingsForm form;
        form.scope = QString::fromStdString(visit.request.get_param_value("scope")).trimmed().left(120);
        return showSettings(visit, form);
    }
    static const QRegularExpression casePath(QStringLiteral("^/cases/([0-9]{1,15})$"));
    static const QRegularExpression downloadPath(QStringLiteral("^/download/([0-9]{1,15})/([A-Za-z0-9._-]{1,100})$"));
    const QString where = QString::fromStdString(path);
    if (const QRegularExpressionMatch found = casePath.match(where); found.hasMatch())
        return showCase(visit, found.captured(1).toLongLong());
    if (const QRegularExpressionMatch found = downloadPath.match(where); found.hasMatch())
        return download(visit, found.captured(1).toLongLong(), found.captured(2));
    static const QRegularExpression kioskFilesPath(QStringLiteral("^/kiosk-files/(kiosk-[a-z0-9._-]{1,63}\\.tar)$"));
    if (const QRegularExpressionMatch found = kioskFilesPath.match(where); found.hasMatch())
        return kioskFiles(visit, found.captured(1));
    visit.page(404, ConsolePage::sentence(visit.language, tr("Not found"), tr("This console has no such page.")));
}

void ConsoleServer::healthz(Visit& visit)
{
    const Result<void> answered = m_pool.use([](CentralConnection& connection) -> Result<void> {
        const auto one = connection.exec(QStringLiteral("SELECT 1"));
        if (!one)
            return one.error();
        return {};
    });
    visit.response.status = answered ? 200 : 503;
    visit.response.set_content(
        answered ? std::string("ok")
                 : tr("The central store does not answer: %1").arg(answered.error().message()).toStdString(),
        "text/plain; charset=utf-8");
}

template <typename T>
std::optional<T> ConsoleServer::readAsScope(Visit& visit, const std::function<Result<T>(CentralConnection&)>& read)
{
    std::optional<T> value;
    if (!asScope(visit, [&](CentralConnection& connection) -> Result<void> {
            auto done = read(connection);
            if (!done)
                return done.error();
            value = std::move(done.value());
            return {};
        }))
        return std::nullopt;
    return value;
}

void ConsoleServer::home(Visit& visit)
{
    if (!visit.session) {
        // The sign-in form's token is bound to a cookie of its own (a form posted from another
        // site has neither).
        QByteArray formCookie = cookie(visit.request, FORM_COOKIE);
        if (!plausible(formCookie)) {
            formCookie = ConsoleSessions::randomToken();
            visit.response.set_header("Set-Cookie", FORM_COOKIE + '=' + formCookie.toStdString() + COOKIE_FLAGS);
        }
        return visit.page(200, ConsolePage::signIn(visit.language, m_sessions.formToken(formCookie), {}, {}));
    }
    const CentralOfficials::Official& official = visit.session->official;
    const auto cases = readAsScope<QList<CentralCases::Case>>(
        visit, [](CentralConnection& connection) { return CentralCases(connection).list(); });
    if (!cases)
        return;
    // The form starts with the last fortnight, in the province's time.
    const SiteTime siteTime(m_options.utcOffsetMinutes);
    const QDateTime now = m_clock.now();
    const ConsolePage::CaseForm form{{},
                                     siteTime.format(now.addDays(-14), QStringLiteral("yyyy-MM-ddT00:00")),
                                     siteTime.format(now, QStringLiteral("yyyy-MM-ddTHH:mm")),
                                     {}};
    visit.page(200, ConsolePage::cases(official, visit.session->csrf, *cases, form, siteTime));
}

void ConsoleServer::sites(Visit& visit, ConsolePage::SitesForm form, int status)
{
    const CentralOfficials::Official& official = visit.session->official;
    const auto sites = readAsScope<QList<CentralAdmin::SiteState>>(
        visit, [](CentralConnection& connection) { return CentralAdmin(connection).sites(); });
    if (!sites)
        return;
    form.offered = visit.session->once.keys();
    form.offered.sort();
    form.issuing = !m_options.kioskCaKey.isEmpty();
    visit.page(status, ConsolePage::sites(official, visit.session->csrf, *sites, form, m_clock.now(),
                                          m_options.utcOffsetMinutes));
}

bool ConsoleServer::administer(Visit& visit, ConsolePage::SitesForm& form,
                               const std::function<Result<void>(CentralAdmin&)>& work)
{
    const CentralOfficials::Official& official = visit.session->official;
    // Asked here for the page's sake and again by the store (schema version 7), which also
    // checks that the site lies in the scope.
    if (official.role != QLatin1String("admin")) {
        visit.page(403, ConsolePage::sentence(visit.language, tr("Refused"),
                                              tr("Only an administrator of this scope may add sites and kiosks.")));
        return false;
    }
    const Result<void> done = m_pool.asScope(official.scopeRole, [&](CentralConnection& connection) -> Result<void> {
        CentralAdmin admin(connection);
        const Result<void> worked = work(admin);
        if (worked || worked.error().kind() != Error::Kind::Usage)
            return worked;
        form.sentence = worked.error().message();
        return {};
    });
    if (!done) {
        visit.page(503, ConsolePage::sentence(visit.language, tr("Not possible"), done.error().message()));
        return false;
    }
    if (!form.sentence.isEmpty()) {
        sites(visit, form, 400);
        return false;
    }
    return true;
}

void ConsoleServer::addSite(Visit& visit)
{
    const std::string& body = visit.request.body;
    ConsolePage::SitesForm form;
    form.siteId = field(body, "site_id").trimmed();
    form.siteName = field(body, "site_name").trimmed();
    form.district = field(body, "district").trimmed();
    const QString& official = visit.session->official.name;
    if (!administer(visit, form, [&](CentralAdmin& admin) {
            return admin.addSiteAs(official, form.siteId, form.siteName, form.district);
        }))
        return;
    visit.seeOther("/sites");
}

void ConsoleServer::addKiosk(Visit& visit)
{
    const std::string& body = visit.request.body;
    ConsolePage::SitesForm form;
    form.kiosk = field(body, "kiosk").trimmed();
    form.kioskSite = field(body, "site");
    form.entrance = field(body, "entrance").trimmed();
    const QString& official = visit.session->official.name;
    if (!administer(visit, form, [&](CentralAdmin& admin) {
            return admin.addKioskAs(official, form.kiosk, form.kioskSite, form.entrance);
        }))
        return;
    if (m_options.kioskCaKey.isEmpty())
        return visit.seeOther("/sites");
    // The kiosk's key is made here and leaves the console once, in the technician's download
    // (ConsoleSessions::offerOnce): the console keeps no kiosk's key on its disk or in the store.
    const Result<QByteArray> files = issueKioskFiles(form.kiosk);
    if (!files) {
        form.sentence = tr("Kiosk %1 is registered, but its TLS files could not be issued: %2 Issue them with "
                           "gatehouse-cli central add-kiosk --ca-key.")
                            .arg(form.kiosk, files.error().message());
        return sites(visit, form, 500);
    }
    m_sessions.offerOnce(visit.token, QStringLiteral("kiosk-%1.tar").arg(form.kiosk),
                         ConsoleSessions::File{files.value(), "application/x-tar"});
    visit.seeOther("/sites");
}

Result<QByteArray> ConsoleServer::issueKioskFiles(const QString& kiosk) const
{
    QByteArray caKey;
    QByteArray caCertificate;
    for (const auto& [path, into] :
         {std::pair(m_options.kioskCaKey, &caKey), std::pair(m_options.kioskCaCertificate, &caCertificate)}) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Error(Error::Kind::Input, tr("%1 cannot be read (%2).").arg(path, file.errorString()));
        *into = file.readAll();
    }
    const auto issued = ClientCertificate::issue(kiosk, caKey, caCertificate);
    if (!issued)
        return issued.error();
    // The kiosk's [central] group (formats/central.md), its files where that URI names them.
    const QString uri =
        m_options.kioskUri.isEmpty() ? CentralConnection::kioskUri(m_options.central, true) : m_options.kioskUri;
    const QByteArray ini =
        QStringLiteral("[central]\nuri=%1\nkiosk_id=%2\ninterval_seconds=30\n").arg(uri, kiosk).toUtf8();
    TarArchive archive(m_clock.now());
    archive.add(QStringLiteral("kiosk.key"), issued->keyPem, 0600);
    archive.add(QStringLiteral("kiosk.pem"), issued->certificatePem, 0644);
    archive.add(QStringLiteral("ca.pem"), caCertificate, 0644);
    archive.add(QStringLiteral("central.ini"), ini, 0644);
    return archive.bytes();
}

void ConsoleServer::kioskFiles(Visit& visit, const QString& name)
{
    const std::optional<ConsoleSessions::File> file = m_sessions.takeOnce(visit.token, name);
    if (!file)
        return visit.page(404, ConsolePage::sentence(visit.language, tr("Not found"),
                                                     tr("These files were offered once and have been downloaded. "
                                                        "To issue new ones, add the kiosk again.")));
    const QString official = visit.session->official.name;
    (void)m_pool.use([&](CentralConnection& connection) {
        return CentralOfficials(connection).note(official, QStringLiteral("downloaded kiosk files"), name);
    });
    visit.response.set_header("Content-Disposition", "attachment; filename=\"" + name.toStdString() + '"');
    visit.response.set_content(file->bytes.toStdString(), file->contentType.toStdString());
}

void ConsoleServer::compliance(Visit& visit, bool asCsv)
{
    const CentralOfficials::Official& official = visit.session->official;
    const SiteTime siteTime(m_options.utcOffsetMinutes);
    const QDateTime now = m_clock.now();
    const auto parameter = [&visit](const char* name) {
        return QString::fromStdString(visit.request.get_param_value(name)).left(10);
    };
    // Without a window: the last 30 days, today included, in the province's days.
    ConsolePage::ComplianceForm form{parameter("from"), parameter("to"), 80, {}};
    if (form.from.isEmpty() && form.to.isEmpty()) {
        const QDate today = siteTime.dayOf(now);
        form.from = today.addDays(-29).toString(Qt::ISODate);
        form.to = today.toString(Qt::ISODate);
    }
    if (!asCsv && visit.request.has_param("target")) {
        bool number = false;
        const int target = parameter("target").toInt(&number);
        if (number && target >= 1 && target <= 100)
            form.targetPercent = target;
        else
            form.sentence = tr("The target is a share from 1 to 100 %.");
    }
    const QDate from = QDate::fromString(form.from, Qt::ISODate);
    const QDate to = QDate::fromString(form.to, Qt::ISODate);

    std::optional<CentralCompliance::Report> report;
    QByteArray csv;
    // A window the store refuses is the form's sentence; any other failure is the store's.
    const auto keep = [&form](auto& result, auto& into) -> Result<void> {
        if (result) {
            into = std::move(result.value());
            return {};
        }
        if (result.error().kind() != Error::Kind::Usage)
            return result.error();
        form.sentence = result.error().message();
        return {};
    };
    const Result<void> done = m_pool.asScope(official.scopeRole, [&](CentralConnection& connection) -> Result<void> {
        CentralCompliance compliance(connection);
        if (asCsv) {
            auto written = compliance.csv(from, to, visit.language);
            return keep(written, csv);
        }
        if (!form.sentence.isEmpty())
            return {};
        auto read = compliance.report(from, to, now);
        return keep(read, report);
    });
    if (!done)
        return visit.page(503, ConsolePage::sentence(visit.language, tr("Not possible"), done.error().message()));
    if (asCsv) {
        if (!form.sentence.isEmpty()) {
            visit.response.status = 400;
            visit.response.set_content(form.sentence.toStdString(), "text/plain; charset=utf-8");
            return;
        }
        const std::string name = "compliance-" + from.toString(Qt::ISODate).toStdString() + "-" +
                                 to.toString(Qt::ISODate).toStdString() + ".csv";
        visit.response.set_header("Content-Disposition", "attachment; filename=\"" + name + '"');
        visit.response.set_content(csv.toStdString(), "text/csv; charset=utf-8");
        return;
    }
    visit.page(form.sentence.isEmpty() ? 200 : 400,
               ConsolePage::compliance(official, visit.session->csrf, form, report, siteTime));
}

void ConsoleServer::showSettings(Visit& visit, ConsolePage::SettingsForm form, int status)
{
    const CentralOfficials::Official& official = visit.session->official;
    if (form.scope.isEmpty())
        form.scope = official.scope;
    // Read as the scope: a scope the account's does not cover shows nothing set.
    const auto rows = readAsScope<QList<CentralSettings::Row>>(
        visit, [&](CentralConnection& connection) { return CentralSettings(connection).ofAsScope(form.scope); });
    if (!rows)
        return;
    // A refused change keeps the fields as typed; otherwise they show what the scope sets.
    if (form.sentence.isEmpty()) {
        form.values.clear();
        for (const CentralSettings::Row& row : *rows)
            form.values.insert(row.name, row.value);
    }
    visit.page(status, ConsolePage::settings(official, visit.session->csrf, form, *rows, m_options.utcOffsetMinutes));
}

void ConsoleServer::changeSettings(Visit& visit)
{
    const CentralOfficials::Official& official = visit.session->official;
    if (official.role != QLatin1String("admin")) {
        visit.page(403, ConsolePage::sentence(visit.language, tr("Refused"),
                                              tr("Only an administrator of this scope may change the shared "
                                                 "settings.")));
        return;
    }
    const std::string& body = visit.request.body;
    ConsolePage::SettingsForm form;
    form.scope = field(body, "scope").trimmed().left(120);
    // Only the fields the form sent: a name it did not send is left as it is.
    const QList<QByteArray> parts = QByteArray::fromStdString(body).split('&');
    for (const QString& name : SharedSettings::names()) {
        const QByteArray key = "v_" + name.toLatin1() + '=';
        if (std::any_of(parts.begin(), parts.end(), [&](const QByteArray& part) { return part.startsWith(key); }))
            form.values.insert(name, field(body, key.chopped(1).constData()).trimmed());
    }
    const Result<void> done = m_pool.asScope(official.scopeRole, [&](CentralConnection& connection) -> Result<void> {
        CentralSettings settings(connection);
        const auto now = settings.ofAsScope(form.scope);
        if (!now)
            return now.error();
        QList<QPair<QString, QString>> values;
        QStringList unset;
        for (auto typed = form.values.constBegin(); typed != form.values.constEnd(); ++typed) {
            QString was;
            for (const CentralSettings::Row& row : now.value()) {
                if (row.name == typed.key())
                    was = row.value;
            }
            if (typed.value() == was)
                continue;
            if (typed.value().isEmpty())
                unset.append(typed.key());
            else
                values.append({typed.key(), typed.value()});
        }
        if (values.isEmpty() && unset.isEmpty())
            return {};
        const Result<void> changed = settings.changeAs(official.name, form.scope, values, unset);
        if (changed || changed.error().kind() != Error::Kind::Usage)
            return changed;
        form.sentence = changed.error().message();
        return {};
    });
    if (!done)
        return visit.page(503, ConsolePage::sentence(visit.language, tr("Not possible"), done.error().message()));
    form.saved = form.sentence.isEmpty();
    showSettings(visit, form, form.sentence.isEmpty() ? 200 : 400);
}

void ConsoleServer::fleet(Visit& visit, bool asCsv)
{
    const CentralOfficials::Official& official = visit.session->official;
    const auto kiosks = readAsScope<QList<CentralFleet::Kiosk>>(
        visit, [](CentralConnection& connection) { return CentralFleet(connection).kiosks(); });
    if (!kiosks)
        return;
    if (asCsv) {
        const std::string name =
            "fleet-" + SiteTime(m_options.utcOffsetMinutes).dayOf(m_clock.now()).toString(Qt::ISODate).toStdString() +
            ".csv";
        visit.response.set_header("Content-Disposition", "attachment; filename=\"" + name + '"');
        visit.response.set_content(CentralFleet::csv(*kiosks, visit.language).toStdString(), "text/csv; charset=utf-8");
        return;
    }
    // As the console itself (backup_state() is the console's, not a scope's): when and how, never what.
    std::optional<CentralBackup::State> backup;
    const Result<void> read = m_pool.use([&backup](CentralConnection& connection) -> Result<void> {
        auto state = CentralBackup::state(connection);
        if (!state)
            return state.error();
        backup = std::move(state).value();
        return {};
    });
    if (!read)
        qCWarning(lcCentral) << "backup state:" << read.error().message();
    visit.page(200, ConsolePage::fleet(official, visit.session->csrf, *kiosks, m_clock.now(),
                                       m_options.utcOffsetMinutes, backup));
}

bool ConsoleServer::asScope(Visit& visit, const std::function<Result<void>(CentralConnection&)>& work)
{
    const Result<void> done = m_pool.asScope(visit.session->official.scopeRole, work);
    if (done)
        return true;
    if (done.error().kind() == Error::Kind::Input)
        visit.page(404, ConsolePage::sentence(visit.language, tr("Not found"), done.error().message()));
    else
        visit.page(503, ConsolePage::sentence(visit.language, tr("Not possible"), done.error().message()));
    return false;
}

namespace {
// A datetime-local field ("2020-08-03T08:00", seconds optional) in the province's time; invalid
// when it is not one.
QDateTime provinceTime(const QString& field, int utcOffsetMinutes)
{
    const QDateTime local = QDateTime::fromString(field, field.size() > 16 ? QStringLiteral("yyyy-MM-ddTHH:mm:ss")
                                                                           : QStringLiteral("yyyy-MM-ddTHH:mm"));
    if (!local.isValid())
        return {};
    return QDateTime(local.date(), local.time(), Qt::OffsetFromUTC, utcOffsetMinutes * 60).toUTC();
}
} // namespace

void ConsoleServer::openCase(Visit& visit)
{
    const CentralOfficials::Official& official = visit.session->official;
    ConsolePage::CaseForm form{field(visit.request.body, "id_number").left(40),
                               field(visit.request.body, "from").left(19),
                               field(visit.request.body, "to").left(19),
                               {}};
    const QDateTime from = provinceTime(form.from, m_options.utcOffsetMinutes);
    const QDateTime to = provinceTime(form.to, m_options.utcOffsetMinutes);
    qint64 opened = 0;
    QList<CentralCases::Case> cases;
    const Result<void> done = m_pool.asScope(official.scopeRole, [&](CentralConnection& connection) -> Result<void> {
        CentralCases register_(connection);
        auto made = (from.isValid() && to.isValid())
                        ? register_.open(form.idNumber, from, to, official.name)
                        : Result<qint64>(Error(Error::Kind::Usage, tr("Give the window as two dates and times.")));
        if (made) {
            opened = made.value();
            return CentralOfficials(connection)
                .note(official.name, QStringLiteral("opened case"), QStringLiteral("case %1").arg(opened));
        }
        form.sentence = made.error().message();
        auto listed = register_.list();
        if (listed)
            cases = std::move(listed.value());
        return {};
    });
    if (!done)
        return visit.page(503, ConsolePage::sentence(visit.language, tr("Not possible"), done.error().message()));
    if (opened) {
        const std::string where = "/cases/" + std::to_string(opened);
        return visit.seeOther(where.c_str());
    }
    visit.page(400,
               ConsolePage::cases(official, visit.session->csrf, cases, form, SiteTime(m_options.utcOffsetMinutes)));
}

void ConsoleServer::showCase(Visit& visit, qint64 id, const QString& sentence)
{
    const CentralOfficials::Official& official = visit.session->official;
    const bool secondRing = visit.request.get_param_value("ring") == "2";
    ConsolePage::CaseView view;
    view.sentence = sentence;
    view.signing = m_signingKey.has_value();
    if (!asScope(visit, [&](CentralConnection& connection) -> Result<void> {
            CentralCases register_(connection);
            auto found = register_.find(id);
            if (!found)
                return found.error();
            view.found = found.value();
            auto stays = register_.stays(view.found);
            if (!stays)
                return stays.error();
            view.stays = std::move(stays.value());
            auto contacts = register_.contacts(view.found);
            if (!contacts)
                return contacts.error();
            view.contacts = std::move(contacts.value());
            if (secondRing) {
                auto ring = register_.secondRing(view.found);
                if (!ring)
                    return ring.error();
                view.secondRing = std::move(ring.value());
            }
            // Every view of personal data is recorded, in the transaction that read it.
            return register_.noteViewed(view.found, secondRing, official.name);
        }))
        return;
    for (auto it = visit.session->files.cbegin(); it != visit.session->files.cend(); ++it) {
        if (it.key().startsWith(QStringLiteral("case-%1.").arg(id)))
            view.files.append(it.key());
    }
    view.files.sort();
    visit.page(sentence.isEmpty() ? 200 : 400,
               ConsolePage::casePage(official, visit.session->csrf, view, SiteTime(m_options.utcOffsetMinutes)));
}

void ConsoleServer::changeCase(Visit& visit, qint64 id, const QString& change)
{
    const CentralOfficials::Official& official = visit.session->official;
    QString refusal;
    if (!asScope(visit, [&](CentralConnection& connection) -> Result<void> {
            CentralCases register_(connection);
            auto found = register_.find(id);
            if (!found)
                return found.error();
            if (change == QLatin1String("close"))
                return register_.close(found.value(), official.name);
            const QString reached = field(visit.request.body, "reached");
            const QString contact = field(visit.request.body, "contact");
            const Result<void> marked =
                (reached == QLatin1String("yes") || reached == QLatin1String("no"))
                    ? register_.mark(found.value(), contact, field(visit.request.body, "ring").toInt(),
                                     reached == QLatin1String("yes"), field(visit.request.body, "note"), official.name)
                    : Result<void>(Error(Error::Kind::Usage, tr("Say whether the contact was reached.")));
            if (!marked && marked.error().kind() == Error::Kind::Usage) {
                refusal = marked.error().message();
                return {};
            }
            return marked;
        }))
        return;
    if (!refusal.isEmpty())
        return showCase(visit, id, refusal);
    const std::string where = "/cases/" + std::to_string(id);
    visit.seeOther(where.c_str());
}

void ConsoleServer::caseFile(Visit& visit, qint64 id)
{
    const CentralOfficials::Official& official = visit.session->official;
    // The trace is written as `central trace` writes it (central/CentralTrace.h), into a folder
    // only this process may read, then held in memory for the session and the folder removed.
    QTemporaryDir folder;
    if (!folder.isValid())
        return visit.page(503, ConsolePage::sentence(visit.language, tr("Not possible"),
                                                     tr("The case file could not be made: no temporary folder.")));
    const QString name = QStringLiteral("case-%1.csv").arg(id);
    const QString path = QDir(folder.path()).filePath(name);
    if (!asScope(visit, [&](CentralConnection& connection) -> Result<void> {
            auto found = CentralCases(connection).find(id);
            if (!found)
                return found.error();
            CentralTrace trace;
            trace.idNumber = found->idNumber;
            trace.scoped = true;
            trace.language = official.language;
            trace.ask = CentralHandedOut::Ask{found->from,  found->to,     path,          m_options.utcOffsetMinutes,
                                              m_signingKey, official.name, m_clock.now(), {}};
            const auto written = trace.run(connection);
            if (!written)
                return written.error();
            return CentralOfficials(connection)
                .note(official.name, QStringLiteral("made case file"),
                      QStringLiteral("case %1, %2 rows, sha256 %3")
                          .arg(id)
                          .arg(written->rows)
                          .arg(QString::fromLatin1(written->sha256.toHex())));
        }))
        return;
    QHash<QString, ConsoleSessions::File> files;
    for (const QString& made : {path, ExportManifest::manifestPath(path), ExportManifest::signaturePath(path)}) {
        QFile file(made);
        if (!file.open(QIODevice::ReadOnly))
            continue; // no manifest without a key
        const QByteArray type = made.endsWith(QLatin1String(".csv"))    ? "text/csv; charset=utf-8"
                                : made.endsWith(QLatin1String(".json")) ? "application/json"
                                                                        : "application/octet-stream";
        files.insert(QFileInfo(made).fileName(), ConsoleSessions::File{file.readAll(), type});
    }
    m_sessions.keepFiles(visit.token, files);
    const std::string where = "/cases/" + std::to_string(id);
    visit.seeOther(where.c_str());
}

void ConsoleServer::download(Visit& visit, qint64 id, const QString& name)
{
    const auto file = visit.session->files.constFind(name);
    if (!name.startsWith(QStringLiteral("case-%1.").arg(id)) || file == visit.session->files.cend())
        return visit.page(404, ConsolePage::sentence(visit.language, tr("Not found"),
                                                     tr("This file is no longer here: make the case file again.")));
    visit.response.set_header("Content-Disposition", "attachment; filename=\"" + name.toStdString() + '"');
    visit.response.set_content(file->bytes.toStdString(), file->contentType.toStdString());
}

void ConsoleServer::signIn(Visit& visit)
{
    const QByteArray formCookie = cookie(visit.request, FORM_COOKIE);
    const QString name = field(visit.request.body, "name");
    if (!plausible(formCookie) ||
        !ConsoleSessions::same(field(visit.request.body, "csrf").toLatin1(), m_sessions.formToken(formCookie)))
        return visit.page(403, ConsolePage::sentence(visit.language, tr("Refused"),
                                                     tr("The sign-in form had expired. Open the console's page again "
                                                        "and sign in.")));
    std::optional<CentralOfficials::Official> official;
    QString refusal;
    const Result<void> asked = m_pool.use([&](CentralConnection& connection) -> Result<void> {
        auto signedIn =
            CentralOfficials(connection)
                .signIn(name, field(visit.request.body, "password"), QString::fromStdString(visit.request.remote_addr));
        if (signedIn)
            official = signedIn.value();
        else if (signedIn.error().kind() == Error::Kind::Usage)
            refusal = signedIn.error().message();
        else
            return signedIn.error();
        return {};
    });
    if (!asked)
        refusal = asked.error().message();
    if (!official)
        return visit.page(401, ConsolePage::signIn(visit.language, m_sessions.formToken(formCookie), name, refusal));
    const QByteArray token = m_sessions.open(*official);
    visit.response.set_header("Set-Cookie", SESSION_COOKIE + '=' + token.toStdString() + COOKIE_FLAGS);
    visit.seeOther("/");
}

void ConsoleServer::signOut(Visit& visit)
{
    m_sessions.close(visit.token);
    visit.response.set_header("Set-Cookie", SESSION_COOKIE + "=; Max-Age=0" + COOKIE_FLAGS);
    visit.seeOther("/");
}

void ConsoleServer::language(Visit& visit)
{
    const QString chosen = field(visit.request.body, "language");
    const QString name = visit.session->official.name;
    const Result<void> set = m_pool.use(
        [&](CentralConnection& connection) { return CentralOfficials(connection).setLanguage(name, chosen); });
    if (!set)
        return visit.page(400, ConsolePage::sentence(visit.language, tr("Not possible"), set.error().message()));
    m_sessions.setLanguage(visit.token, chosen);
    visit.seeOther("/");
}
