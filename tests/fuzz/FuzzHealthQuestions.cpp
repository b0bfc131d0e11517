// libFuzzer target: any bytes as the health declaration's question list (JSON), through
// HealthQuestions::parse. Must never crash or hang; what it accepts has ids that fit the export's
// `id=answer;...` cells and a text in both languages.
#include "checkin/HealthQuestions.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const auto questions = HealthQuestions::parse(
        QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size)), QStringLiteral("fuzz"));
    if (questions) {
        for (const HealthQuestions::Question& question : questions->questions()) {
            if (question.id.isEmpty() || question.id.contains(u';') || question.id.contains(u'=') ||
                question.vietnamese.isEmpty() || question.english.isEmpty())
                std::abort();
        }
    }
    return 0;
}
