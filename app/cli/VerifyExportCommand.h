// `gatehouse-cli verify-export FILE --pub KEY`: checks a signed export.
#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

class VerifyExportCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(VerifyExportCommand)

public:
    QString name() const override { return QStringLiteral("verify-export"); }
    QString summary() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& context) override;
};
