// Two large buttons, each naming its language in that language.
#include "LanguageSwitch.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QPushButton>

LanguageSwitch::LanguageSwitch(const QString& language, QWidget* parent) : QWidget(parent)
{
    // Language names are never translated: each is written the way its readers write it.
    m_vietnamese = new QPushButton(QStringLiteral("Tiếng Việt"), this);
    m_english = new QPushButton(QStringLiteral("English"), this);
    auto* group = new QButtonGroup(this);
    auto* layout = new QHBoxLayout(this);
    layout->setSpacing(24);
    for (QPushButton* button : {m_vietnamese, m_english}) {
        button->setObjectName(QStringLiteral("LanguageButton"));
        button->setCheckable(true);
        group->addButton(button);
        layout->addWidget(button);
    }
    connect(m_vietnamese, &QPushButton::clicked, this, [this] { emit languageRequested(QStringLiteral("vi")); });
    connect(m_english, &QPushButton::clicked, this, [this] { emit languageRequested(QStringLiteral("en")); });
    setLanguage(language);
}

void LanguageSwitch::setLanguage(const QString& language)
{
    m_vietnamese->setChecked(language == QLatin1String("vi"));
    m_english->setChecked(language == QLatin1String("en"));
}
