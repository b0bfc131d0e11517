// Reads a PIN from standard input.
#include "PinPrompt.h"

#include <array>
#include <csignal>
#include <cstdio>
#include <string>

#include <termios.h>
#include <unistd.h>

namespace {
// The terminal's settings before the echo went off, for the signal handler below.
termios g_saved{};

// A signal that ends the process while the echo is off (Ctrl+C at the prompt, a hang-up) first
// gives the terminal back its echo, or the shell after it would show nothing typed. tcsetattr and
// sigaction are async-signal-safe (signal-safety(7)); the signal is then delivered again, as if
// nobody had caught it, so the process ends as it would have.
extern "C" void restoreEchoAndDie(int signal)
{
    tcsetattr(STDIN_FILENO, TCSANOW, &g_saved);
    struct sigaction fallback = {};
    fallback.sa_handler = SIG_DFL;
    sigemptyset(&fallback.sa_mask);
    sigaction(signal, &fallback, nullptr);
    raise(signal);
}

// The echo off while it lives, restored when it ends or a signal ends the process.
class EchoOff
{
public:
    EchoOff()
    {
        if (tcgetattr(STDIN_FILENO, &g_saved) != 0)
            return;
        m_terminal = true;
        struct sigaction restore = {};
        restore.sa_handler = restoreEchoAndDie;
        sigemptyset(&restore.sa_mask);
        for (size_t i = 0; i < SIGNALS.size(); ++i)
            sigaction(SIGNALS[i], &restore, &m_previous[i]);
        termios quiet = g_saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    ~EchoOff()
    {
        if (!m_terminal)
            return;
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_saved);
        for (size_t i = 0; i < SIGNALS.size(); ++i)
            sigaction(SIGNALS[i], &m_previous[i], nullptr);
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

    bool terminal() const { return m_terminal; }

private:
    static constexpr std::array<int, 4> SIGNALS = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
    std::array<struct sigaction, SIGNALS.size()> m_previous{};
    bool m_terminal = false;
};

// One line from standard input without its line end; nullopt at the end of input.
std::optional<QString> readLine()
{
    std::string line;
    int c = 0;
    while ((c = std::fgetc(stdin)) != EOF && c != '\n')
        line.push_back(char(c));
    if (c == EOF && line.empty())
        return std::nullopt;
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return QString::fromStdString(line);
}

// One line read with the terminal's echo off (termios(3): ECHO cleared on standard input).
std::optional<QString> readHidden(QTextStream& err, const QString& prompt)
{
    err << prompt << Qt::flush;
    std::optional<QString> line;
    bool terminal = false;
    {
        const EchoOff echoOff;
        terminal = echoOff.terminal();
        line = readLine();
    }
    if (terminal)
        err << Qt::endl; // the Enter the terminal did not echo
    return line;
}
} // namespace

Result<QString> PinPrompt::readOnce(QTextStream& err, const QString& prompt)
{
    const std::optional<QString> pin = isatty(STDIN_FILENO) ? readHidden(err, prompt) : readLine();
    if (!pin)
        return Error(Error::Kind::Usage, tr("No PIN on standard input."));
    return pin->trimmed();
}

Result<QString> PinPrompt::read(QTextStream& err)
{
    if (!isatty(STDIN_FILENO)) {
        const std::optional<QString> pin = readLine();
        if (!pin)
            return Error(Error::Kind::Usage, tr("No PIN on standard input."));
        return pin->trimmed();
    }
    const std::optional<QString> first = readHidden(err, tr("PIN (at least 6 digits): "));
    if (!first)
        return Error(Error::Kind::Usage, tr("No PIN was typed."));
    const std::optional<QString> second = readHidden(err, tr("The same PIN again: "));
    if (!second || second->trimmed() != first->trimmed())
        return Error(Error::Kind::Usage, tr("The two PINs are not the same; nothing was changed."));
    return first->trimmed();
}

Result<QString> PinPrompt::readPassword(QTextStream& err, int minimumLength)
{
    if (!isatty(STDIN_FILENO)) {
        const std::optional<QString> password = readLine();
        if (!password || password->isEmpty())
            return Error(Error::Kind::Usage, tr("No password on standard input."));
        return *password;
    }
    const std::optional<QString> first = readHidden(err, tr("Password (at least %1 characters): ").arg(minimumLength));
    if (!first || first->isEmpty())
        return Error(Error::Kind::Usage, tr("No password was typed."));
    const std::optional<QString> second = readHidden(err, tr("The same password again: "));
    if (!second || *second != *first)
        return Error(Error::Kind::Usage, tr("The two passwords are not the same; nothing was changed."));
    return *first;
}
