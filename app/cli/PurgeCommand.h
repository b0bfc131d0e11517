// `gatehouse-cli purge`: applies the retention period now.
#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

class PurgeCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(PurgeCommand)

public:
    QString name() const override { return QStringLiteral("purge"); }
    QString summary() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& context) override;
};
