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

    // The 2020 form's questions take 2 KB; a file over this is not a list of questions.
    static constexpr qint64 MAX_BYTES = 256 * 1024;

    // Reads path, or the built-in questions when path is empty. A file that is not such a list,
    // or larger than MAX_BYTES, is an Error naming it.
    static Result<HealthQuestions> load(const QString& path = QString());
    // The questions in json (file: what the sentences call it).
    static Result<HealthQuestions> parse(const QByteArray& json, const QString& file);

    const QList<Question>& questions() const { return m_questions; }

private:
    QList<Question> m_questions;
};
