// The language of whatever runs on this thread, for a server that answers many people at once in
// theirs (gatehouse-central, issue 25). Qt's tr() asks the translators installed on the
// application, which are one for the whole process (common/Translation.h switches the kiosk's);
// this one, installed once, answers each thread in the language it was told last, so the core's
// sentences (an ID number's rule, a store that does not answer) reach each official in their own.
#pragma once

#include <QString>
#include <QTranslator>

class ThreadLanguage : public QTranslator
{
public:
    // Loads the Vietnamese translation; false when it is missing from the resources.
    bool load();
    QString translate(const char* context, const char* sourceText, const char* disambiguation = nullptr,
                      int n = -1) const override;
    bool isEmpty() const override { return false; }

    // The calling thread speaks language ("vi" or "en") while it lives, then what it spoke before.
    class Speaking
    {
    public:
        explicit Speaking(const QString& language);
        ~Speaking();
        Speaking(const Speaking&) = delete;
        Speaking& operator=(const Speaking&) = delete;

    private:
        QString m_before;
    };

private:
    QTranslator m_vietnamese;
};
