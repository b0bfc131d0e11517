// The questions of the optional health declaration.
#include "checkin/HealthQuestions.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

Result<HealthQuestions> HealthQuestions::load(const QString& path)
{
    const QString file = path.isEmpty() ? QStringLiteral(":/questions/health-declaration.json") : path;
    QFile input(file);
    if (!input.open(QIODevice::ReadOnly))
        return Error(Error::Kind::Input, tr("The health declaration questions %1 cannot be read.").arg(file));
    if (input.size() > MAX_BYTES)
        return Error(Error::Kind::Input, tr("The health declaration questions %1 are larger than %2 KB: that is no "
                                            "list of questions.")
                                             .arg(file)
                                             .arg(MAX_BYTES / 1024));
    return parse(input.read(MAX_BYTES), file);
}

Result<HealthQuestions> HealthQuestions::parse(const QByteArray& json, const QString& file)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    const QJsonArray list = document.object().value(QStringLiteral("questions")).toArray();
    if (error.error != QJsonParseError::NoError || list.isEmpty())
        return Error(Error::Kind::Input,
                     tr("The health declaration questions %1 are not a JSON list of questions.").arg(file));
    static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9_]+$"));
    HealthQuestions result;
    for (const QJsonValue& value : list) {
        const QJsonObject object = value.toObject();
        Question question{object.value(QStringLiteral("id")).toString(), object.value(QStringLiteral("vi")).toString(),
                          object.value(QStringLiteral("en")).toString()};
        // Ids go into `question=answer;...` cells: no separators in them.
        if (!idPattern.match(question.id).hasMatch() || question.vietnamese.isEmpty() || question.english.isEmpty())
            return Error(Error::Kind::Input, tr("A question in %1 lacks an id (a-z, 0-9, _) or its Vietnamese or "
                                                "English text.")
                                                 .arg(file));
        result.m_questions.append(question);
    }
    return result;
}
