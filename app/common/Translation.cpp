// Switches the language of everything that goes through tr().
#include "common/Translation.h"

#include "common/Logging.h"

#include <QCoreApplication>

QStringList Translation::languages()
{
    return {QStringLiteral("vi"), QStringLiteral("en")};
}

bool Translation::apply(const QString& language)
{
    if (!languages().contains(language))
        return false;
    if (language == m_language)
        return true;
    QCoreApplication::removeTranslator(&m_translator);
    m_language = QStringLiteral("en");
    if (language != QLatin1String("en")) {
        // qt_add_translations embeds the compiled catalogues under :/i18n (resources/CMakeLists.txt).
        if (!m_translator.load(QStringLiteral(":/i18n/gatehouse_%1.qm").arg(language))) {
            qCWarning(lcSettings) << "no compiled translation for" << language;
            return false;
        }
        QCoreApplication::installTranslator(&m_translator);
    }
    m_language = language;
    return true;
}
