// `gatehouse-cli checkin`: records an entry through the same service the kiosk uses.
#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

class CheckinCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(CheckinCommand)

public:
    QString name() const override { return QStringLiteral("checkin"); }
    QString summary() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& context) override;
};
