// `gatehouse-cli sync [--once] [--json]` and `sync --status [--json]` (formats/cli.md): sends this
// kiosk's events to the central store (formats/central.md) and fetches its site's open entries,
// once or every interval until stopped; or says how far sending has got.
#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

class SyncCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(SyncCommand)

public:
    QString name() const override { return QStringLiteral("sync"); }
    QString summary() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& context) override;
};
