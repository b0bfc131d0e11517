// `gatehouse-cli forget --id-number X`: deletes one person's records on their request.
#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

class ForgetCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(ForgetCommand)

public:
    QString name() const override { return QStringLiteral("forget"); }
    QString summary() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& context) override;
};
