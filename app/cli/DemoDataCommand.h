// `gatehouse-cli demo-data`: makes the demo mode's data (resources/demo) with the project's own generators.
#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

class DemoDataCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(DemoDataCommand)

public:
    QString name() const override { return QStringLiteral("demo-data"); }
    QString summary() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& context) override;
};
