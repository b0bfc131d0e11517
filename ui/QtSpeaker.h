// Spoken guidance through Qt TextToSpeech (Debian qt6-speech-speechd-plugin, with
// speech-dispatcher-espeak-ng for a Vietnamese voice). Without an engine, or without a voice for
// the screen's language, it says so in the log once and stays silent: a missing voice never stops
// the door.
#pragma once

#include "checkin/Speaker.h"

#include <QLocale>
#include <QSet>

#include <memory>

class QTextToSpeech;

class QtSpeaker : public Speaker
{
public:
    QtSpeaker();
    ~QtSpeaker() override;

    void say(const QString& text) override;

private:
    std::unique_ptr<QTextToSpeech> m_engine; // null: no engine
    QSet<QLocale::Language> m_warned;        // languages without a voice, said once each
};
