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

#include <QCoreApplication>

#include <memory>

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
    ConsoleServer(const ConsoleOptions& options, CentralPool& pool, ConsoleSessions& sessions, const Clock& clock);
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
    void signIn(Visit& visit);
    void signOut(Visit& visit);
    void language(Visit& visit);
    void healthz(Visit& visit);

    const ConsoleOptions m_options;
    CentralPool& m_pool;
    ConsoleSessions& m_sessions;
    const Clock& m_clock;
    QString m_tlsProblem;
    std::unique_ptr<httplib::SSLServer> m_server;
};
