// gatehouse-central: the province's console over HTTPS (issue 25, formats/console.md).
#include "central/CentralConnection.h"
#include "central/CentralPool.h"
#include "common/FilePrivacy.h"
#include "common/SystemClock.h"
#include "common/ThreadLanguage.h"
#include "console/ConsoleOptions.h"
#include "console/ConsoleServer.h"
#include "console/ConsoleSessions.h"
#include "crypto/ExportKey.h"

#include <QCoreApplication>
#include <QTextStream>

#include <csignal>
#include <thread>

#include <pthread.h>

namespace {
// Whether the console's login may serve officials: a member of gatehouse_console, and neither a
// superuser nor a role that bypasses row-level security (whose scopes would be no bound at all).
// Empty when it may, or when the store does not answer yet (/healthz says so until it does).
QString refusedLogin(CentralPool& pool)
{
    QString refusal;
    (void)pool.use([&](CentralConnection& connection) -> Result<void> {
        const auto role = connection.exec(QStringLiteral(
            "SELECT current_user, rolsuper OR rolbypassrls, pg_has_role(current_user, 'gatehouse_console', 'MEMBER')"
            " FROM pg_roles WHERE rolname = current_user"));
        if (!role || role->values.isEmpty())
            return {};
        const QStringList row = role->values.first();
        if (row[1] == QLatin1String("t"))
            refusal =
                QCoreApplication::translate(
                    "ConsoleServer", "The console logs in to the central store as %1, a superuser or a role that "
                                     "bypasses row-level security. Give it a login of its own in gatehouse_console "
                                     "(README, \"The province's console\").")
                    .arg(row[0]);
        else if (row[2] != QLatin1String("t"))
            refusal = QCoreApplication::translate(
                          "ConsoleServer", "The console logs in to the central store as %1, which is not a member of "
                                           "gatehouse_console: GRANT gatehouse_console TO %1 (after central migrate).")
                          .arg(row[0]);
        return {};
    });
    return refusal;
}
} // namespace

int main(int argc, char** argv)
{
    FilePrivacy::applyUmask();
    // SIGTERM and SIGINT are blocked in every thread (the server's threads inherit the mask) and
    // taken by one that waits for them, which stops the server: requests in flight finish.
    sigset_t stopping;
    sigemptyset(&stopping);
    sigaddset(&stopping, SIGTERM);
    sigaddset(&stopping, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stopping, nullptr);
    std::signal(SIGPIPE, SIG_IGN); // a browser that goes away mid-answer is the write's error, not the process's end

    QCoreApplication application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("gatehouse-central"));
    ThreadLanguage language;
    if (language.load())
        QCoreApplication::installTranslator(&language);
    QTextStream out(stdout);
    QTextStream err(stderr);

    const auto options = ConsoleOptions::parse(QCoreApplication::arguments());
    if (!options) {
        err << options.error().message() << Qt::endl;
        return 2;
    }
    SystemClock clock;
    CentralPool pool(options->central, options->connections);
    const QString refused = refusedLogin(pool);
    if (!refused.isEmpty()) {
        err << refused << Qt::endl;
        return 2;
    }
    ConsoleSessions sessions(clock, options->idleMinutes, options->sessionHours);
    std::optional<Ed25519Key> signingKey;
    if (!options->signingKey.isEmpty()) {
        auto key = ExportKey::load(options->signingKey, {});
        if (!key) {
            err << key.error().message() << Qt::endl;
            return 2;
        }
        signingKey = key.value();
    }
    ConsoleServer server(options.value(), pool, sessions, clock, signingKey);
    const Result<void> bound = server.bind();
    if (!bound) {
        err << bound.error().message() << Qt::endl;
        return bound.error().exitCode();
    }
    std::thread watcher([&] {
        int signal = 0;
        sigwait(&stopping, &signal);
        server.stop();
    });
    const QString host = options->host.contains(u':') ? u'[' + options->host + u']' : options->host;
    out << "listening on https://" << host << ':' << options->port << Qt::endl;
    server.serve();
    // The server ended by itself (it could not accept any more): wake the watcher to join it.
    pthread_kill(watcher.native_handle(), SIGTERM);
    watcher.join();
    return 0;
}
