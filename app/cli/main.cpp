// gatehouse-cli: the command-line face of Gatehouse (formats/cli.md).
#include "Cli.h"
#include "ble/BluetoothStack.h"
#include "common/FilePrivacy.h"

#include <QGuiApplication>
#include <QLoggingCategory>

#include <cstring>
#include <memory>

int main(int argc, char* argv[])
{
    // Nothing this program writes is for other users of the machine (common/FilePrivacy.h).
    FilePrivacy::applyUmask();
    // Only `report` draws (its PDF page needs Qt GUI's fonts, hence a QGuiApplication); every other
    // command starts as a plain QCoreApplication, without loading a platform plugin. The CLI
    // never opens a window, so it draws offscreen even on a desktop.
    // Qt 6.4's GStreamer backend crashes where GStreamer is only partly installed (LibreOffice
    // brings its core without the plugins); FFmpeg's backend plays the clips everywhere.
    if (!qEnvironmentVariableIsSet("QT_MEDIA_BACKEND"))
        qputenv("QT_MEDIA_BACKEND", "ffmpeg");
    // iPhones' identifiers are read through BlueZ's D-Bus GATT API, never by Qt's guess.
    BluetoothStack::chooseDbusGatt();
    bool draws = false;
    for (int i = 1; i < argc; ++i)
        draws = draws || std::strcmp(argv[i], "report") == 0;
    std::unique_ptr<QCoreApplication> app;
    if (draws) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    // stdout and stderr belong to the command's results and sentences; libraries' debug chatter
    // (Qt Multimedia's FFmpeg backend prints codec lists) stays out unless asked for.
    if (!qEnvironmentVariableIsSet("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false"));
    return Cli().run(QCoreApplication::arguments());
}
