// `gatehouse-cli keygen`: makes a site's Ed25519 key pair for passes and signed exports.
#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

class KeygenCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(KeygenCommand)

public:
    QString name() const override { return QStringLiteral("keygen"); }
    QString summary() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& context) override;
};
