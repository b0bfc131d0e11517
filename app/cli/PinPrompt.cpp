// Reads a PIN from standard input.
#include "PinPrompt.h"

#include <cstdio>
#include <string>

#include <termios.h>
#include <unistd.h>

namespace {
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
    termios saved{};
    const bool terminal = tcgetattr(STDIN_FILENO, &saved) == 0;
    if (terminal) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    const std::optional<QString> line = readLine();
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        err << Qt::endl; // the Enter the terminal did not echo
    }
    return line;
}
} // namespace

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
