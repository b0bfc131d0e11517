// One gatehouse-cli subcommand (formats/cli.md). Each lives in its own file and is listed in Cli.cpp.
#pragma once

#include "CliContext.h"

#include <QCommandLineParser>
#include <QString>

class CliCommand
{
public:
    virtual ~CliCommand() = default;
    virtual QString name() const = 0;
    // One line for --help.
    virtual QString summary() const = 0;
    // Adds this command's options and positional arguments to the parser.
    virtual void addOptions(QCommandLineParser& parser) = 0;
    // Runs with the parsed options; returns the process exit code (0 done, 1 failed, 2 unusable).
    virtual int run(const QCommandLineParser& parser, CliContext& context) = 0;
};
