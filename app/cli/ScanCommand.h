// `gatehouse-cli scan`: replays a capture, or scans live, through the real parser and presence
// tracker, and prints when a phone running a tracing app arrives at and leaves the kiosk.
#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

class ScanCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(ScanCommand)

public:
    QString name() const override { return QStringLiteral("scan"); }
    QString summary() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& context) override;
};
