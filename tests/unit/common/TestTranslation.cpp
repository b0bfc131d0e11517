// Translation: switching language at run time changes what tr() returns, at once.
#include "common/Settings.h"
#include "common/Translation.h"

#include <QTest>

class TestTranslation : public QObject
{
    Q_OBJECT

private slots:
    void switchesBetweenVietnameseAndEnglish()
    {
        Translation translation;
        QCOMPARE(translation.language(), QStringLiteral("en"));
        const auto english = Settings::load(QStringLiteral("/nonexistent/gatehouse.ini"));
        QVERIFY(!english.ok());
        QVERIFY(english.error().message().startsWith(QStringLiteral("The configuration file")));

        QVERIFY(translation.apply(QStringLiteral("vi")));
        QCOMPARE(translation.language(), QStringLiteral("vi"));
        const auto vietnamese = Settings::load(QStringLiteral("/nonexistent/gatehouse.ini"));
        QCOMPARE(vietnamese.error().message(),
                 QStringLiteral("Không tìm thấy tệp cấu hình /nonexistent/gatehouse.ini."));

        QVERIFY(translation.apply(QStringLiteral("en")));
        QCOMPARE(Settings::load(QStringLiteral("/nonexistent/gatehouse.ini")).error().message(),
                 english.error().message());
    }

    void refusesUnknownLanguages()
    {
        Translation translation;
        QVERIFY(!translation.apply(QStringLiteral("fr")));
        QCOMPARE(translation.language(), QStringLiteral("en"));
    }
};

QTEST_GUILESS_MAIN(TestTranslation)
#include "TestTranslation.moc"
