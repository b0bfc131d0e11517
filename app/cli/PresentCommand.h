// `gatehouse-cli present`: who is inside now (the evacuation roll call).
#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

class PresentCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(PresentCommand)

public:
    QString name() const override { return QStringLiteral("present"); }
    QString summary() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& context) override;
};
