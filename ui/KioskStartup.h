// Turns the command line, the configuration and the machine's hardware into a running kiosk.
#pragma once

#include <QCoreApplication>

class KioskStartup
{
    Q_DECLARE_TR_FUNCTIONS(KioskStartup)

public:
    // The whole life of the gatehouse process; returns its exit code (0 done, 1 failed, 2 unusable
    // input or environment).
    static int run(int argc, char* argv[]);
};
