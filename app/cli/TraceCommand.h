// `gatehouse-cli trace`: everyone whose stay overlapped a stay of a confirmed case.
#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

class TraceCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(TraceCommand)

public:
    QString name() const override { return QStringLiteral("trace"); }
    QString summary() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& context) override;
};
