// The health declaration.
#include "HealthDeclarationScreen.h"

#include "checkin/KioskFlow.h"
#include "common/Translation.h"

#include <QButtonGroup>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScroller>
#include <QVBoxLayout>

HealthDeclarationScreen::HealthDeclarationScreen(KioskFlow& flow, HealthQuestions questions,
                                                 const Translation& translation, QWidget* parent)
    : TranslatedWidget(parent), m_flow(flow), m_questions(std::move(questions)), m_translation(translation)
{
    m_title = addLabel(QStringLiteral("ScreenTitle"));

    // The questions scroll with a finger on small or portrait screens.
    auto* list = new QWidget;
    auto* grid = new QGridLayout(list);
    grid->setHorizontalSpacing(16);
    grid->setVerticalSpacing(12);
    grid->setColumnStretch(0, 1);
    for (qsizetype i = 0; i < m_questions.questions().size(); ++i) {
        Row row;
        row.question = new QLabel(list);
        row.question->setObjectName(QStringLiteral("Question"));
        row.question->setWordWrap(true);
        row.yes = new QPushButton(list);
        row.no = new QPushButton(list);
        row.group = new QButtonGroup(this);
        for (QPushButton* answer : {row.yes, row.no}) {
            answer->setObjectName(QStringLiteral("AnswerButton"));
            answer->setCheckable(true);
            row.group->addButton(answer);
        }
        connect(row.group, &QButtonGroup::buttonClicked, this, [this] {
            m_flow.keepAlive();
            updateSend();
        });
        grid->addWidget(row.question, int(i), 0);
        grid->addWidget(row.yes, int(i), 1);
        grid->addWidget(row.no, int(i), 2);
        m_rows.append(row);
    }
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("Questions"));
    scroll->setWidget(list);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    QScroller::grabGesture(scroll->viewport(), QScroller::LeftMouseButtonGesture);

    m_send = new QPushButton(this);
    m_send->setObjectName(QStringLiteral("PrimaryButton"));
    connect(m_send, &QPushButton::clicked, this, [this] {
        QList<QPair<QString, QString>> answers;
        for (qsizetype i = 0; i < m_rows.size(); ++i)
            answers.append({m_questions.questions()[i].id,
                            m_rows[i].yes->isChecked() ? QStringLiteral("yes") : QStringLiteral("no")});
        m_flow.answerHealthDeclaration(answers);
    });
    m_cancel = new QPushButton(this);
    m_cancel->setObjectName(QStringLiteral("CancelButton"));
    connect(m_cancel, &QPushButton::clicked, this, [this] { m_flow.cancel(); });

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_cancel);
    buttons->addStretch(1);
    buttons->addWidget(m_send);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(40, 24, 40, 24);
    layout->setSpacing(16);
    layout->addWidget(m_title);
    layout->addWidget(scroll, 1);
    layout->addLayout(buttons);
    reset();
    retranslate();
}

QPushButton* HealthDeclarationScreen::answerButton(int index, bool yes) const
{
    return yes ? m_rows[index].yes : m_rows[index].no;
}

void HealthDeclarationScreen::reset()
{
    for (const Row& row : m_rows) {
        // An exclusive group keeps one button checked: lift exclusivity to clear both.
        row.group->setExclusive(false);
        row.yes->setChecked(false);
        row.no->setChecked(false);
        row.group->setExclusive(true);
    }
    updateSend();
}

void HealthDeclarationScreen::updateSend()
{
    m_send->setEnabled(std::all_of(m_rows.begin(), m_rows.end(),
                                   [](const Row& row) { return row.group->checkedButton() != nullptr; }));
}

void HealthDeclarationScreen::retranslate()
{
    m_title->setText(tr("Health declaration: please answer every question"));
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        m_rows[i].question->setText(m_questions.questions()[i].text(m_translation.language()));
        m_rows[i].yes->setText(tr("Yes"));
        m_rows[i].no->setText(tr("No"));
    }
    m_send->setText(tr("Send"));
    m_cancel->setText(tr("Cancel"));
}
