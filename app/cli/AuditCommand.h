// `gatehouse-cli audit verify` and `audit export --out FILE.csv` (formats/cli.md): walk the audit
// log's hash chain (storage/AuditLog.h), and hand the log to an inspector.
#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

class AuditCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(AuditCommand)

public:
    QString name() const override { return QStringLiteral("audit"); }
    QString summary() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& context) override;
};
