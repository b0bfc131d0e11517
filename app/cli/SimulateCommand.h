// `gatehouse-cli simulate`: fills the log with realistic demo traffic through the real service.
#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

class SimulateCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(SimulateCommand)

public:
    QString name() const override { return QStringLiteral("simulate"); }
    QString summary() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& context) override;
};
