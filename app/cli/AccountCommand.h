// `gatehouse-cli account add --name N --role receptionist|admin`, `account list [--json]`,
// `account remove --name N`, `account pin --name N` (formats/cli.md): the named accounts that
// admit refused visitors at the kiosk and open the reception console.
#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

class AccountCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(AccountCommand)

public:
    QString name() const override { return QStringLiteral("account"); }
    QString summary() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& context) override;
};
