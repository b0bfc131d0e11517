// gatehouse-central's HTTPS server (issue 25, formats/console.md). The HTTP layer is cpp-httplib
// (Debian's libcpp-httplib-dev 0.11): TLS by OpenSSL, a pool of threads, and the limits a server
// on a province's network needs built in (the size of a request's line, headers and body; read
// and write timeouts, so a slow client holds a thread for seconds, not for ever). README says why
// it was chosen over Qt HTTP Server 6.4 (a technology preview) and CivetWeb.
//
// What is fixed by the contract lives here once: sessions in HttpOnly, Secure, SameSite=Strict
// cookies; the CSRF token on every POST; 303 to the sign-in page (a page) or 401 (a download)
// without a session; no-store on every page; a Content-Security-Policy that allows nothing from
// another origin; /healthz.
#pragma once

#include "common/Result.h"
#include "console/ConsoleOptions.h"
#include "console/ConsolePage.h"
#include "crypto/Ed25519Key.h"

#include <QCoreApplication>

#include <functional>

#include <memory>
#include <optional>

class CentralAdmin;
class CentralConnection;
class CentralPool;
class Clock;
class ConsoleSessions;

namespace httplib {
class SSLServer;
struct Request;
struct Response;
} // namespace httplib

class ConsoleServer
{
    Q_DECLARE_TR_FUNCTIONS(ConsoleServer)

public:
    // signingKey: the export key that signs case files' manifests (none: files go unsigned).
    ConsoleServer(const ConsoleOptions& options, CentralPool& pool, ConsoleSessions& sessions, const Clock& clock,
                  std::optional<Ed25519Key> signingKey);
    ~ConsoleServer();
    ConsoleServer(const ConsoleServer&) = delete;
    ConsoleServer& operator=(const ConsoleServer&) = delete;

    // Loads the TLS files and binds the address; a sentence when either fails.
    [[nodiscard]] Result<void> bind();
    // Serves until stop(); requests in flight finish first.
    void serve();
    // From any thread (the SIGTERM watcher).
    void stop();

private:
    struct Visit;
    void route();
    void answer(const httplib::Request& request, httplib::Response& response);
    void home(Visit& visit);
    void sites(Visit& visit, ConsolePage::SitesForm form = {}, int status = 200);
    void addSite(Visit& visit);
    void addKiosk(Visit& visit);
    // Runs an administrator's change as the visitor's scope; a refusal shows the sites page again
    // with its sentence (400), a visitor who is no administrator gets 403. Whether it was done.
    bool administer(Visit& visit, ConsolePage::SitesForm& form, const std::function<Result<void>(CentralAdmin&)>& work);
    // A new kiosk's TLS files as one tar: kiosk.key, kiosk.pem, ca.pem and central.ini.
    [[nodiscard]] Result<QByteArray> issueKioskFiles(const QString& kiosk) const;
    // Hands over the files offered once, and forgets them.
    void kioskFiles(Visit& visit, const QString& name);
    // The compliance page, or with asCsv its table per site and day as a file.
    void compliance(Visit& visit, bool asCsv);
    // The shared settings of a scope the account's covers (issue 26); an administrator's change.
    void showSettings(Visit& visit, ConsolePage::SettingsForm form, int status = 200);
    void changeSettings(Visit& visit);
    // The fleet of the account's scope (issue 26), or its CSV.
    void fleet(Visit& visit, bool asCsv);
    void openCase(Visit& visit);
    void showCase(Visit& visit, qint64 id, const QString& sentence = {});
    void changeCase(Visit& visit, qint64 id, const QString& change);
    void caseFile(Visit& visit, qint64 id);
    void download(Visit& visit, qint64 id, const QString& name);
    // Runs work as the visitor's scope; on failure answers with its sentence (404 for a case
    // outside the scope, 503 when the store does not answer) and returns false.
    bool asScope(Visit& visit, const std::function<Result<void>(CentralConnection&)>& work);
    // One read as the visitor's scope: its value, or none when the visit has had its answer.
    template <typename T>
    std::optional<T> readAsScope(Visit& visit, const std::function<Result<T>(CentralConnection&)>& read);
    void signIn(Visit& visit);
    void signOut(Visit& visit);
    void language(Visit& visit);
    void healthz(Visit& visit);

    const ConsoleOptions m_options;
    CentralPool& m_pool;
    ConsoleSessions& m_sessions;
    const Clock& m_clock;
    const std::optional<Ed25519Key> m_signingKey;
    std::unique_ptr<httplib::SSLServer> m_server;
};
