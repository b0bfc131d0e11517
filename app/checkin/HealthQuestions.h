// The questions of the optional health declaration, kept in an editable JSON file (default: the
// 2020 declaration's, resources/questions/health-declaration.json), in Vietnamese and English.
#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

class HealthQuestions
{
    Q_DECLARE_TR_FUNCTIONS(HealthQuestions)

public:
    struct Question
    {
        QString id; // what the entry log and exports record: `id=answer`
        QString vietnamese;
        QString english;
        QString text(const QString& language) const { return language == QLatin1String("en") ? english : vietnamese; }
    };

    // Reads path, or the built-in questions when path is empty. A file that is not such a list
    // is an Error naming it.
    static Result<HealthQuestions> load(const QString& path = QString());

    const QList<Question>& questions() const { return m_questions; }

private:
    QList<Question> m_questions;
};
