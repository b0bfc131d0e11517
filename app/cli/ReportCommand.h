// `gatehouse-cli report`: the tracing-app adoption report for leaders, as PDF or CSV.
#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

class ReportCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(ReportCommand)

public:
    QString name() const override { return QStringLiteral("report"); }
    QString summary() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& context) override;
};
