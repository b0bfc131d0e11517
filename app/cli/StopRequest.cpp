// Ends a long-running command cleanly on Ctrl+C or SIGTERM.
#include "StopRequest.h"

#include <atomic>
#include <csignal>

namespace {
// A signal handler may only touch lock-free atomics; the event loop polls it.
std::atomic<bool> g_stop{false};

extern "C" void onSignal(int)
{
    g_stop.store(true);
}
} // namespace

StopRequest::StopRequest(QObject* parent) : QObject(parent)
{
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    connect(&m_poll, &QTimer::timeout, this, [this] {
        if (g_stop.exchange(false))
            emit requested();
    });
    m_poll.start(100);
}
