// Each thread in its own language.
#include "common/ThreadLanguage.h"

namespace {
thread_local QString t_language = QStringLiteral("en");
}

bool ThreadLanguage::load()
{
    return m_vietnamese.load(QStringLiteral(":/i18n/gatehouse_vi.qm"));
}

QString ThreadLanguage::translate(const char* context, const char* sourceText, const char* disambiguation, int n) const
{
    if (t_language == QLatin1String("vi"))
        return m_vietnamese.translate(context, sourceText, disambiguation, n);
    return {}; // the English source
}

ThreadLanguage::Speaking::Speaking(const QString& language) : m_before(t_language)
{
    t_language = language;
}

ThreadLanguage::Speaking::~Speaking()
{
    t_language = m_before;
}
