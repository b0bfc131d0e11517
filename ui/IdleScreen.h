// What a visitor sees when nobody is checking in: what to do, in one sentence, and the language
// switch.
#pragma once

#include <QWidget>

class LanguageSwitch;
class QLabel;

class IdleScreen : public QWidget
{
    Q_OBJECT

public:
    IdleScreen(const QString& siteName, const QString& installUrl, const QString& language, QWidget* parent = nullptr);

    void setLanguage(const QString& language);

signals:
    void languageRequested(const QString& language);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    QLabel* m_title = nullptr;
    QLabel* m_site = nullptr;
    QLabel* m_instruction = nullptr;
    QLabel* m_installCode = nullptr;
    QLabel* m_installCaption = nullptr;
    LanguageSwitch* m_languageSwitch = nullptr;
};
