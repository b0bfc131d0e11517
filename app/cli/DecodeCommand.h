// `gatehouse-cli decode`: finds QR codes in images and video files and says what each is.
#pragma once

#include "CliCommand.h"

#include <QCoreApplication>

class DecodeCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(DecodeCommand)

public:
    QString name() const override { return QStringLiteral("decode"); }
    QString summary() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& context) override;
};
