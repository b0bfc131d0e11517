// Turns the command line, the configuration and the machine's hardware into a running kiosk.
#pragma once

#include <QCoreApplication>
#include <QStringList>

class KioskStartup
{
    Q_DECLARE_TR_FUNCTIONS(KioskStartup)

public:
    // The whole life of the gatehouse process; returns its exit code (0 done, 1 failed, 2 unusable
    // input or environment).
    static int run(int argc, char* argv[]);

    // Loads the on-screen keyboard (Qt Virtual Keyboard) in the language the kiosk starts in: --lang
    // in arguments, else the configuration's (--config, else the default file), else Vietnamese.
    // Called before QApplication exists, because the keyboard takes its layout's language from the
    // default locale when the application is made (qtvirtualkeyboard v6.4.2,
    // src/virtualkeyboard/platforminputcontext.cpp: m_locale is QLocale() in the constructor, and
    // Keyboard.qml's updateDefaultLocale() prefers InputContext.locale, which reads it). A bad
    // option or file is reported later by run(), with the translator loaded. Returns the language.
    static QString prepareKeyboard(const QStringList& arguments);
};
