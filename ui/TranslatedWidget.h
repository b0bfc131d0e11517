// A widget whose words follow the language switch: Qt sends every widget a LanguageChange event
// when a translator is installed (common/Translation.h); this turns it into retranslate(), so
// each screen writes only what its words are, once.
#pragma once

#include <QEvent>
#include <QLabel>
#include <QWidget>

class TranslatedWidget : public QWidget
{
    Q_OBJECT

public:
    using QWidget::QWidget;

protected:
    // A word-wrapped label of this widget, styled by its object name (resources/styles/*.qss).
    // Plain text: a label may show what a visitor typed or a code carried, which is never markup
    // (a name such as "<h1>FREE ENTRY</h1>" is shown as typed). A label with markup of our own
    // sets Qt::RichText itself.
    QLabel* addLabel(const QString& objectName, Qt::Alignment alignment = Qt::AlignCenter)
    {
        auto* label = new QLabel(this);
        label->setObjectName(objectName);
        label->setTextFormat(Qt::PlainText);
        label->setAlignment(alignment);
        label->setWordWrap(true);
        return label;
    }

    // Sets every text in the current language (also called by the subclass's constructor).
    virtual void retranslate() = 0;

    void changeEvent(QEvent* event) override
    {
        if (event->type() == QEvent::LanguageChange)
            retranslate();
        QWidget::changeEvent(event);
    }
};
