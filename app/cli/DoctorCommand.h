// `gatehouse-cli doctor [--json]`: the checks of checkin/KioskCheckup.h, each with ✔ or ✘ and a
// sentence; exit 1 when something a door needs fails (formats/cli.md).
#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

class DoctorCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(DoctorCommand)

public:
    QString name() const override { return QStringLiteral("doctor"); }
    QString summary() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& context) override;
};
