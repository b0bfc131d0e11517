// `gatehouse-cli pass issue`: signs a visitor pass so a receptionist can pre-register a visitor.
#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

class PassCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(PassCommand)

public:
    QString name() const override { return QStringLiteral("pass"); }
    QString summary() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& context) override;
};
