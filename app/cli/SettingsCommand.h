// `gatehouse-cli settings --effective`: every setting in force at this kiosk and where it came from
// (formats/cli.md; issue 26).
#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

class SettingsCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(SettingsCommand)

public:
    QString name() const override { return QStringLiteral("settings"); }
    QString summary() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& context) override;
};
