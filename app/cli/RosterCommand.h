// `gatehouse-cli roster import FILE`: loads the staff roster from a spreadsheet's CSV;
// `roster lapses --from ISO --to ISO`: staff who entered without the app verified.
#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

class RosterCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(RosterCommand)

public:
    QString name() const override { return QStringLiteral("roster"); }
    QString summary() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& context) override;
};
