// `gatehouse-cli export`: the entries that overlap a window, for health officials.
#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

class ExportCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(ExportCommand)

public:
    QString name() const override { return QStringLiteral("export"); }
    QString summary() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& context) override;
};
