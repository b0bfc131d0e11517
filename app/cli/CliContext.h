// What every subcommand is handed: the streams it talks on and the global options, resolved.
#pragma once

#include "common/Error.h"
#include "common/Settings.h"

#include <QDateTime>
#include <QTextStream>

#include <optional>

struct CliContext
{
    QTextStream& out; // results: JSON lines or the requested report
    QTextStream& err; // human sentences and warnings
    Settings settings;
    QString databasePath;
    // --now, when given: the instant time-dependent checks are evaluated at.
    QDateTime now;
    // Why the configuration could not be read, for `doctor` only (which then runs on defaults).
    std::optional<Error> settingsProblem;

    // Says error's sentence on stderr; returns the exit code that goes with it (formats/cli.md).
    int fail(const Error& error)
    {
        err << error.message() << Qt::endl;
        return error.exitCode();
    }
};
