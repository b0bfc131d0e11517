// Switches the language of everything that goes through tr(), at once and without restart.
// Source strings are English; Vietnamese comes from resources/translations/gatehouse_vi.ts.
#pragma once

#include <QStringList>
#include <QTranslator>

class Translation
{
public:
    // The languages Gatehouse speaks, Vietnamese first (the default).
    static QStringList languages();

    // Installs the translator for language ("vi" or "en") on the running application; Qt then
    // sends every widget a LanguageChange event. Returns false for a language we do not have.
    bool apply(const QString& language);
    QString language() const { return m_language; }

private:
    QTranslator m_translator;
    QString m_language = QStringLiteral("en");
};
