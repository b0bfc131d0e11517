// `gatehouse-cli calibrate`: the calibration aid. Hold a phone running a tracing app at the
// kiosk for some seconds; the command proposes the site's presence threshold.
#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

class CalibrateCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(CalibrateCommand)

public:
    QString name() const override { return QStringLiteral("calibrate"); }
    QString summary() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& context) override;
};
