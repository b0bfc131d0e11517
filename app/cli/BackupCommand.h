// `gatehouse-cli backup --out FILE`: a consistent copy of the database, while the kiosk works.
#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

class BackupCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(BackupCommand)

public:
    QString name() const override { return QStringLiteral("backup"); }
    QString summary() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& context) override;
};
