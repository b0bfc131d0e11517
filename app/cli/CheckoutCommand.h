// `gatehouse-cli checkout`: records an exit.
#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

class CheckoutCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(CheckoutCommand)

public:
    QString name() const override { return QStringLiteral("checkout"); }
    QString summary() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& context) override;
};
