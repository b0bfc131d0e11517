// A widget whose words follow the language switch: Qt sends every widget a LanguageChange event
// when a translator is installed (common/Translation.h); this turns it into retranslate(), so
// each screen writes only what its words are, once.
#pragma once

#include <QEvent>
#include <QWidget>

class TranslatedWidget : public QWidget
{
    Q_OBJECT

public:
    using QWidget::QWidget;

protected:
    // Sets every text in the current language (also called by the subclass's constructor).
    virtual void retranslate() = 0;

    void changeEvent(QEvent* event) override
    {
        if (event->type() == QEvent::LanguageChange)
            retranslate();
        QWidget::changeEvent(event);
    }
};
