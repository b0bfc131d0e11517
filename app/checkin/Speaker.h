// Where spoken guidance goes ([kiosk] speech=true): a speech engine at the kiosk (ui/QtSpeaker,
// Qt TextToSpeech), or a fake in the tests. The sentence is in the language of the screen, and
// the speaker speaks it in the voice of the default locale (KioskWindow::useLocaleOf() sets it
// with the language).
#pragma once

#include <QString>

class Speaker
{
public:
    virtual ~Speaker() = default;
    // Says text now, cutting off whatever it was still saying (the next visitor's result wins).
    virtual void say(const QString& text) = 0;
};
