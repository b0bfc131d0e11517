// Two large buttons, each naming its language in that language, so a visitor who reads neither
// the current screen nor the other language still finds their own.
#pragma once

#include <QWidget>

class QPushButton;

class LanguageSwitch : public QWidget
{
    Q_OBJECT

public:
    explicit LanguageSwitch(const QString& language, QWidget* parent = nullptr);

    // Marks language as the current one without asking for a switch.
    void setLanguage(const QString& language);

signals:
    void languageRequested(const QString& language);

private:
    QPushButton* m_vietnamese = nullptr;
    QPushButton* m_english = nullptr;
};
