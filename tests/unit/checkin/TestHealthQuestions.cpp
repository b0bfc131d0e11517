// HealthQuestions: the built-in 2020 declaration, a site's own file, and files that are not one.
#include "checkin/HealthQuestions.h"

#include <QTemporaryDir>
#include <QTest>

class TestHealthQuestions : public QObject
{
    Q_OBJECT

private slots:
    void builtIn()
    {
        auto questions = HealthQuestions::load();
        QVERIFY2(questions.ok(), questions.ok() ? "" : qPrintable(questions.error().message()));
        QStringList ids;
        for (const auto& question : questions->questions())
            ids.append(question.id);
        // Vietnam's 2020 form: the symptoms, contact with a case, travel from an affected area.
        QCOMPARE(ids, QStringList({QStringLiteral("fever"), QStringLiteral("cough"), QStringLiteral("breathless"),
                                   QStringLiteral("sore_throat"), QStringLiteral("nausea"), QStringLiteral("diarrhoea"),
                                   QStringLiteral("contact"), QStringLiteral("travel")}));
        QVERIFY(questions->questions().first().text(QStringLiteral("vi")).contains(QStringLiteral("sốt")));
        QVERIFY(questions->questions().first().text(QStringLiteral("en")).contains(QStringLiteral("fever")));
    }

    void sitesOwnFile_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("ok");
        QTest::addRow("one question") << QByteArray(
                                             R"({"questions":[{"id":"mask","vi":"Đeo khẩu trang?","en":"Mask?"}]})")
                                      << true;
        QTest::addRow("not JSON") << QByteArray("questions: fever") << false;
        QTest::addRow("empty list") << QByteArray(R"({"questions":[]})") << false;
        QTest::addRow("separator in id") << QByteArray(R"({"questions":[{"id":"a;b","vi":"x","en":"y"}]})") << false;
        QTest::addRow("no English") << QByteArray(R"({"questions":[{"id":"a","vi":"x"}]})") << false;
    }

    void sitesOwnFile()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, ok);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("q.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(json);
        file.close();
        auto questions = HealthQuestions::load(path);
        QCOMPARE(questions.ok(), ok);
        if (!ok)
            QVERIFY(questions.error().message().contains(path));
    }

    void aHugeFileIsRefusedUnread()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("huge.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(HealthQuestions::MAX_BYTES + 1));
        file.close();
        auto questions = HealthQuestions::load(path);
        QVERIFY(!questions.ok());
        QVERIFY(questions.error().message().contains(QStringLiteral("larger than")));
    }
};

QTEST_GUILESS_MAIN(TestHealthQuestions)
#include "TestHealthQuestions.moc"
