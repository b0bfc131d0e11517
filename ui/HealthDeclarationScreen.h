// Check-in, when the site asks for it: the health declaration, one yes/no row a question
// (resources/questions/health-declaration.json or the site's own list), in the visitor's
// language. "Send" waits until every question has an answer.
#pragma once

#include "checkin/HealthQuestions.h"

#include "TranslatedWidget.h"

class KioskFlow;
class QButtonGroup;
class QLabel;
class QPushButton;
class Translation;

class HealthDeclarationScreen : public TranslatedWidget
{
    Q_OBJECT

public:
    HealthDeclarationScreen(KioskFlow& flow, HealthQuestions questions, const Translation& translation,
                            QWidget* parent = nullptr);

    // Clears the answers (each visitor answers afresh).
    void reset();
    // For tests and the demo: the yes/no buttons of question index.
    QPushButton* answerButton(int index, bool yes) const;

protected:
    void retranslate() override;

private:
    struct Row
    {
        QLabel* question = nullptr;
        QPushButton* yes = nullptr;
        QPushButton* no = nullptr;
        QButtonGroup* group = nullptr;
    };
    void updateSend();

    KioskFlow& m_flow;
    HealthQuestions m_questions;
    const Translation& m_translation;
    QLabel* m_title = nullptr;
    QList<Row> m_rows;
    QPushButton* m_send = nullptr;
    QPushButton* m_cancel = nullptr;
};
