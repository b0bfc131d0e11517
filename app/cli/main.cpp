// gatehouse-cli: the command-line face of Gatehouse (formats/cli.md).
#include "Cli.h"

#include <QCoreApplication>
#include <QLoggingCategory>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    // stdout and stderr belong to the command's results and sentences; libraries' debug chatter
    // (Qt Multimedia's FFmpeg backend prints codec lists) stays out unless asked for.
    if (!qEnvironmentVariableIsSet("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false"));
    return Cli().run(QCoreApplication::arguments());
}
