// gatehouse-cli: the command-line face of Gatehouse (formats/cli.md).
#include "Cli.h"

#include <QCoreApplication>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    return Cli().run(QCoreApplication::arguments());
}
