// Parses gatehouse-cli's global options, then hands the rest to the chosen subcommand.
#pragma once

#include "CliCommand.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

#include <memory>
#include <vector>

class Cli
{
    Q_DECLARE_TR_FUNCTIONS(Cli)

public:
    Cli();
    ~Cli();
    // arguments[0] is the program name, as in QCoreApplication::arguments().
    int run(const QStringList& arguments);

private:
    void addGlobalOptions(QCommandLineParser& parser) const;
    QString helpText() const;
    CliCommand* find(const QString& name) const;
    int usageError(const QString& sentence);

    QTextStream m_out;
    QTextStream m_err;
    std::vector<std::unique_ptr<CliCommand>> m_commands;
};
