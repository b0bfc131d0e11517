// `gatehouse-cli central migrate|add-site|add-kiosk|add-official|settings|isolation|present|trace|export|status|vacuum`
// (formats/cli.md): the province's administrator and officials at the central store (formats/central.md). Needs no
// kiosk log: it talks to the central store given with --central.
#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

class CentralConnection;

class CentralCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(CentralCommand)

public:
    QString name() const override { return QStringLiteral("central"); }
    QString summary() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& context) override;

private:
    int addKiosk(const QCommandLineParser& parser, CliContext& context, CentralConnection& connection);
    int addOfficial(const QCommandLineParser& parser, CliContext& context, CentralConnection& connection);
    int changeSettings(const QCommandLineParser& parser, CliContext& context, CentralConnection& connection);
    int isolation(const QCommandLineParser& parser, CliContext& context, CentralConnection& connection);
};
