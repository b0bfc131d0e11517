// Spoken guidance through Qt TextToSpeech.
#include "QtSpeaker.h"

#include "common/Logging.h"

#include <QTextToSpeech>

QtSpeaker::QtSpeaker()
{
    if (QTextToSpeech::availableEngines().isEmpty()) {
        qCWarning(lcUi).noquote() << "No speech engine (install qt6-speech-speechd-plugin and "
                                     "speech-dispatcher-espeak-ng): spoken guidance stays silent.";
        return;
    }
    m_engine = std::make_unique<QTextToSpeech>();
    if (m_engine->state() == QTextToSpeech::Error) {
        qCWarning(lcUi).noquote() << "The speech engine does not work:" << m_engine->errorString()
                                  << "- spoken guidance stays silent.";
        m_engine.reset();
    }
}

QtSpeaker::~QtSpeaker() = default;

void QtSpeaker::say(const QString& text)
{
    if (!m_engine)
        return;
    // The screen's language is the default locale's (KioskWindow::useLocaleOf()).
    const QLocale language;
    bool voice = false;
    for (const QLocale& available : m_engine->availableLocales()) {
        if (available.language() == language.language()) {
            m_engine->setLocale(available);
            voice = true;
            break;
        }
    }
    if (!voice) {
        if (!m_warned.contains(language.language())) {
            m_warned.insert(language.language());
            qCWarning(lcUi).noquote() << "No voice for" << QLocale::languageToString(language.language())
                                      << "- spoken guidance stays silent in it.";
        }
        return;
    }
    m_engine->stop();
    m_engine->say(text);
}
