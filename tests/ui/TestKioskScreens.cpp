// Every kiosk flow walked on the real screens by simulated taps and typing: check-in by pass, by
// CCCD and by hand; the app found and not found under both policies; the health declaration;
// check-out; the receptionist's override by account and PIN; idle reset dropping what was typed;
// nothing of one visitor reaching the next (not even through Ctrl+Z); a name in HTML shown as
// typed; the language switch. What each flow stores is read back from the entry log and the audit
// log.
#include "CheckOutScreen.h"
#include "FakeSpeaker.h"
#include "HealthDeclarationScreen.h"
#include "IdentifyScreen.h"
#include "IdleScreen.h"
#include "Kiosk.h"
#include "PosterScreen.h"
#include "ResultScreen.h"
#include "Viewfinder.h"
#include "WaitForAppScreen.h"

#include <QApplication>
#include <QComboBox>
#include <QKeyEvent>
#include <QLabel>
#include <QTemporaryDir>

namespace {
const QString CARD = QStringLiteral("046090001234||Nguyễn Thị Hoa|12031990|Nữ|12 Lê Lợi, Phú Hội, TP Huế|01062021");
// A name that a label left to guess its format would render as markup (Qt::AutoText).
const QString HTML_NAME = QStringLiteral("<h1>FREE ENTRY</h1><img src=x>");
} // namespace

class TestKioskScreens : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_count = 0;

    std::unique_ptr<Kiosk> kiosk(Policy::Kind policy, bool health = false,
                                 const QString& language = QStringLiteral("vi"))
    {
        const QString folder = m_dir.filePath(QString::number(++m_count));
        QDir().mkpath(folder);
        auto made = std::make_unique<Kiosk>(folder, policy, health, language);
        made->window->resize(1280, 800);
        made->window->show();
        return made;
    }

    static ResultScreen::Tone tone(const Kiosk& k) { return k.window->resultScreen()->tone(); }

    // Every label on screen that shows text is shown as plain text when it holds the HTML name:
    // QLabel renders markup in Qt::AutoText when the text looks like HTML. Returns how many
    // labels showed the name.
    static int htmlNameShownLiterally(const Kiosk& k)
    {
        QCoreApplication::processEvents();
        int shown = 0;
        for (QLabel* label : k.window->findChildren<QLabel*>()) {
            if (!label->isVisible() || !label->text().contains(QStringLiteral("<h1>")))
                continue;
            ++shown;
            if (label->textFormat() != Qt::PlainText)
                qWarning("%s renders markup", qPrintable(label->objectName()));
            if (label->textFormat() != Qt::PlainText)
                return -1;
        }
        return shown;
    }

private slots:
    void theDoorsWindowCannotBeClosed()
    {
        // A visitor with a USB keyboard (or a scanner that types) at the locked kiosk: Alt+F4,
        // Ctrl+Q and Ctrl+W reach no widget (nor any shortcut), a close request is refused.
        auto k = kiosk(Policy::Kind::Recommended);
        KioskWindow& window = *k->window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        k->tap(k->find(QStringLiteral("CheckInButton")));
        k->tap(k->find(QStringLiteral("SecondaryButton"))); // by hand: a text field
        auto* field = k->find<QLineEdit>(QStringLiteral("FullName"));
        struct Keys : QObject
        {
            int seen = 0;
            bool eventFilter(QObject*, QEvent* event) override
            {
                // The key itself (not the Alt or Ctrl pressed before it).
                if (event->type() == QEvent::KeyPress) {
                    const int key = static_cast<QKeyEvent*>(event)->key();
                    seen += key != Qt::Key_Alt && key != Qt::Key_Control;
                }
                return false;
            }
        } keys;
        field->installEventFilter(&keys);
        const QList<std::pair<Qt::Key, Qt::KeyboardModifier>> quitting = {
            {Qt::Key_F4, Qt::AltModifier}, {Qt::Key_Q, Qt::ControlModifier}, {Qt::Key_W, Qt::ControlModifier}};
        // Unlocked (a --windowed run on a desktop), the field sees them: the test can tell.
        for (const auto& [key, modifier] : quitting)
            QTest::keyClick(field, key, modifier);
        QCOMPARE(keys.seen, 3);

        window.setLocked(true);
        keys.seen = 0;
        for (const auto& [key, modifier] : quitting)
            QTest::keyClick(field, key, modifier);
        QCOMPARE(keys.seen, 0);
        QTest::keyClick(field, Qt::Key_A); // typing still works
        QCOMPARE(keys.seen, 1);
        QVERIFY(!window.close());
        QVERIFY(window.isVisible());
        window.setLocked(false);
        QVERIFY(window.close());
    }

    void passWithTheApp()
    {
        auto k = kiosk(Policy::Kind::Recommended);
        QCOMPARE(k->window->currentScreen(), k->window->idleScreen());
        k->tap(k->find(QStringLiteral("CheckInButton")));
        QCOMPARE(k->window->currentScreen(), k->window->identifyScreen());
        // The privacy notice is on screen before anything is taken: a short sentence with the
        // retention, and behind "Read more" every kind of data kept, with each period (issue 12).
        QVERIFY(k->find<QLabel>(QStringLiteral("PrivacyNotice"))->text().contains(QStringLiteral("30 ngày")));
        k->tap(k->find(QStringLiteral("ReadMoreButton")));
        const QString notice = k->find<QLabel>(QStringLiteral("PrivacyNoticeFull"))->text();
        for (const QString& said : {QStringLiteral("30 ngày"), QStringLiteral("địa chỉ trên căn cước"),
                                    QStringLiteral("ba chữ số cuối của số giấy tờ"), QStringLiteral("365 ngày")})
            QVERIFY2(notice.contains(said), qPrintable(said));
        k->tap(k->find(QStringLiteral("PrimaryButton"))); // back to the scan prompt
        k->flow->codeScanned(k->pass(QStringLiteral("P-1"), QStringLiteral("Trần Văn Minh")));
        QCOMPARE(k->flow->state(), KioskFlow::State::WaitForApp);
        QCOMPARE(k->window->currentScreen(), k->window->waitForAppScreen());
        k->wait(14000); // Bluezone's silent half
        k->flow->appVerified(SiteLog::bluezonePhone());
        QCOMPARE(k->window->currentScreen(), k->window->resultScreen());
        QCOMPARE(tone(*k), ResultScreen::Tone::Welcome);
        const QList<Entry> entries = k->site.entries();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries[0].method, Entry::Method::QrPass);
        QCOMPARE(entries[0].appStatus, Entry::AppStatus::Verified);
        k->tap(k->find(QStringLiteral("PrimaryButton"))); // Done
        QCOMPARE(k->window->currentScreen(), k->window->idleScreen());
    }

    void cardWithoutTheAppRecommended()
    {
        auto k = kiosk(Policy::Kind::Recommended);
        k->flow->codeScanned(CARD); // a scan at the idle screen starts the check-in at once
        QCOMPARE(k->window->currentScreen(), k->window->waitForAppScreen());
        k->wait(k->timing.appWaitMs);
        QCOMPARE(k->window->currentScreen(), k->window->resultScreen());
        QCOMPARE(tone(*k), ResultScreen::Tone::Recommend);
        QVERIFY(k->find<QLabel>(QStringLiteral("InstallCode"))); // amber shows the install QR
        const Entry entry = k->site.entries().value(0);
        QCOMPARE(entry.fullName, QStringLiteral("Nguyễn Thị Hoa"));
        QCOMPARE(entry.method, Entry::Method::QrCccd);
        QCOMPARE(entry.appStatus, Entry::AppStatus::NotDetected);
        k->wait(k->timing.resultMs); // the result leaves by itself
        QCOMPARE(k->window->currentScreen(), k->window->idleScreen());
    }

    void byHandWithTheAppRequired()
    {
        auto k = kiosk(Policy::Kind::Required);
        k->tap(k->find(QStringLiteral("CheckInButton")));
        k->tap(k->find(QStringLiteral("SecondaryButton"))); // type my details instead
        k->type(QStringLiteral("FullName"), QStringLiteral("Lê Thị Thu Hà"));
        k->type(QStringLiteral("IdNumber"), QStringLiteral("04620100778")); // one digit short
        k->tap(k->find(QStringLiteral("PrimaryButton")));
        QCOMPARE(k->window->currentScreen(), k->window->identifyScreen());
        QVERIFY(!k->find<QLabel>(QStringLiteral("FormProblem"))->text().isEmpty());
        k->type(QStringLiteral("IdNumber"), QStringLiteral("8"));
        k->tap(k->find(QStringLiteral("PrimaryButton")));
        QCOMPARE(k->window->currentScreen(), k->window->waitForAppScreen());
        k->flow->appVerified(SiteLog::bluezonePhone());
        QCOMPARE(tone(*k), ResultScreen::Tone::Welcome);
        QCOMPARE(k->site.entries().value(0).idNumber, QStringLiteral("046201007788"));
        QCOMPARE(k->site.entries().value(0).method, Entry::Method::Manual);
    }

    void spokenGuidanceInTheScreensLanguage()
    {
        // Issue 16: [kiosk] speech says the result and the next step aloud in the screen's
        // language; a name only when the person's own card or pass was scanned.
        struct Case
        {
            QString language;
            QString welcomeByCard, welcomeByHand, refused, goodbyeByHand;
        };
        const QList<Case> cases = {{QStringLiteral("vi"), QStringLiteral("Xin chào Nguyễn Thị Hoa, mời vào."),
                                    QStringLiteral("Xin chào, mời vào."), QStringLiteral("Vui lòng gặp lễ tân."),
                                    QStringLiteral("Tạm biệt.")},
                                   {QStringLiteral("en"), QStringLiteral("Hello Nguyễn Thị Hoa, please come in."),
                                    QStringLiteral("Hello, please come in."),
                                    QStringLiteral("Please see the receptionist."), QStringLiteral("Goodbye.")}};
        for (const Case& expected : cases) {
            auto k = kiosk(Policy::Kind::Required, false, expected.language);
            FakeSpeaker speaker;
            k->window->setSpeaker(&speaker);
            // Her own card, her phone: her name.
            k->flow->appVerified(SiteLog::bluezonePhone());
            k->flow->codeScanned(CARD);
            QCOMPARE(tone(*k), ResultScreen::Tone::Welcome);
            QCOMPARE(speaker.said.value(0), expected.welcomeByCard);
            k->wait(k->timing.resultMs);
            // Typed by hand: no name, whoever typed it.
            k->tap(k->find(QStringLiteral("CheckInButton")));
            k->tap(k->find(QStringLiteral("SecondaryButton")));
            k->type(QStringLiteral("FullName"), QStringLiteral("Lê Thị Thu Hà"));
            k->type(QStringLiteral("IdNumber"), QStringLiteral("046201007788"));
            k->tap(k->find(QStringLiteral("PrimaryButton")));
            k->flow->appVerified(SiteLog::bluezonePhone());
            QCOMPARE(tone(*k), ResultScreen::Tone::Welcome);
            QCOMPARE(speaker.said.value(1), expected.welcomeByHand);
            QVERIFY(!speaker.said.value(1).contains(QStringLiteral("Hà")));
            k->wait(k->timing.resultMs);
            // No app where it is required: to the receptionist.
            k->flow->codeScanned(k->pass(QStringLiteral("P-7"), QStringLiteral("Trần Văn Minh")));
            k->wait(k->timing.appWaitMs);
            QCOMPARE(tone(*k), ResultScreen::Tone::Refused);
            QCOMPARE(speaker.said.value(2), expected.refused);
            k->flow->cancel();
            // A check-out by a typed ID number: the same answer whoever it was, goodbye, no name.
            k->tap(k->find(QStringLiteral("CheckOutButton")));
            k->tap(k->find(QStringLiteral("SecondaryButton"))); // type my ID number instead
            k->type(QStringLiteral("IdNumber"), QStringLiteral("046201007788"));
            k->tap(k->find(QStringLiteral("PrimaryButton")));
            QCOMPARE(tone(*k), ResultScreen::Tone::Noted);
            QCOMPARE(speaker.said.value(3), expected.goodbyeByHand);
            QCOMPARE(speaker.said.size(), 4);
        }
    }

    void theElectronicPosterTakesTurnsWhileNobodyIsThere()
    {
        // Issue 16: after a minute without anyone the idle screen takes turns with the entrance
        // poster, until a touch or a phone with the app.
        auto k = kiosk(Policy::Kind::Recommended);
        QWidget* poster = k->window->posterScreen();
        k->wait(KioskWindow::PosterAfterMs - 1000);
        QCOMPARE(k->window->currentScreen(), k->window->idleScreen());
        k->wait(1000);
        QCOMPARE(k->window->currentScreen(), poster);
        QVERIFY(QDir().mkpath(QStringLiteral(GATEHOUSE_PICTURES "/screens"))); // TestScreenshots may not have run
        QVERIFY(k->window->grab().save(QStringLiteral(GATEHOUSE_PICTURES "/screens/11-poster-1280x800.png")));
        k->wait(KioskWindow::PosterTurnMs);
        QCOMPARE(k->window->currentScreen(), k->window->idleScreen());
        k->wait(KioskWindow::PosterTurnMs);
        QCOMPARE(k->window->currentScreen(), poster);
        // A touch brings the idle screen back, and presses nothing under the poster.
        QTest::mouseClick(poster, Qt::LeftButton, {}, poster->rect().center());
        QCOMPARE(k->window->currentScreen(), k->window->idleScreen());
        QCOMPARE(k->flow->state(), KioskFlow::State::Idle);
        k->wait(KioskWindow::PosterAfterMs);
        QCOMPARE(k->window->currentScreen(), poster);
        // So does a phone with the app at the door.
        k->flow->appVerified(SiteLog::bluezonePhone());
        k->wait(250);
        QCOMPARE(k->window->currentScreen(), k->window->idleScreen());
    }

    void withoutTheAppRequiredThenReceptionistAdmits()
    {
        auto k = kiosk(Policy::Kind::Required);
        k->flow->codeScanned(CARD);
        k->wait(k->timing.appWaitMs);
        QCOMPARE(tone(*k), ResultScreen::Tone::Refused);
        QVERIFY(k->site.entries().isEmpty()); // refused: nothing recorded
        k->wait(k->timing.resultMs * 2);      // a refusal waits for the receptionist
        QCOMPARE(k->window->currentScreen(), k->window->resultScreen());

        k->tap(k->find(QStringLiteral("SecondaryButton"))); // receptionist
        // The receptionist chooses their name from the site's accounts; nobody types it.
        auto* account = k->find<QComboBox>(QStringLiteral("Receptionist"));
        QVERIFY(account);
        QCOMPARE(account->count(), 1);
        QCOMPARE(account->currentText(), QString::fromUtf8(Kiosk::Receptionist));
        k->type(QStringLiteral("Pin"), QStringLiteral("111111"));
        k->type(QStringLiteral("Reason"), QStringLiteral("Điện thoại hết pin"));
        k->tap(k->find(QStringLiteral("AdmitButton")));
        QVERIFY(k->site.entries().isEmpty()); // a wrong PIN admits nobody
        QVERIFY(k->find<QLabel>(QStringLiteral("FormProblem"))->text().contains(QStringLiteral("PIN")));
        QCOMPARE(k->find<QLineEdit>(QStringLiteral("Pin"))->text(), QString()); // the wrong PIN is gone
        k->type(QStringLiteral("Pin"), QString::fromLatin1(Kiosk::ReceptionistPin));
        k->tap(k->find(QStringLiteral("AdmitButton")));
        QCOMPARE(tone(*k), ResultScreen::Tone::Welcome);
        const Entry entry = k->site.entries().value(0);
        QCOMPARE(entry.appStatus, Entry::AppStatus::Overridden);
        QCOMPARE(entry.overrideReason, QStringLiteral("Điện thoại hết pin"));
        // The audit log names who admitted, and who typed a wrong PIN; never the PIN.
        const auto audit = k->site.audit.latest(10).value();
        QVERIFY(std::any_of(audit.begin(), audit.end(), [](const AuditLog::Record& record) {
            return record.action == QLatin1String("override") && record.actor == QString::fromUtf8(Kiosk::Receptionist);
        }));
        QVERIFY(std::any_of(audit.begin(), audit.end(), [](const AuditLog::Record& record) {
            return record.action == QLatin1String("pin_failed") &&
                   record.actor == QString::fromUtf8(Kiosk::Receptionist);
        }));
        for (const AuditLog::Record& record : audit)
            QVERIFY(!record.details.contains(QStringLiteral("111111")) &&
                    !record.details.contains(QStringLiteral("246810")));
    }

    void healthDeclaration()
    {
        auto k = kiosk(Policy::Kind::Recommended, true);
        k->flow->codeScanned(CARD);
        k->flow->appVerified(SiteLog::bluezonePhone());
        QCOMPARE(k->window->currentScreen(), k->window->healthDeclarationScreen());
        QPushButton* send = k->find(QStringLiteral("PrimaryButton"));
        QVERIFY(!send->isEnabled()); // every question first
        auto* screen = k->window->healthDeclarationScreen();
        const int questions = int(HealthQuestions::load().value().questions().size());
        for (int i = 0; i < questions; ++i) {
            screen->answerButton(i, i == 1)->click(); // a cough, nothing else
        }
        QVERIFY(send->isEnabled());
        k->tap(send);
        QCOMPARE(tone(*k), ResultScreen::Tone::Welcome);
        const Entry entry = k->site.entries().value(0);
        QCOMPARE(entry.declaration.size(), questions);
        QCOMPARE(entry.declaration[1], qMakePair(QStringLiteral("cough"), QStringLiteral("yes")));
        QCOMPARE(entry.declaration[0], qMakePair(QStringLiteral("fever"), QStringLiteral("no")));
    }

    void checkOutByIdDigits()
    {
        auto k = kiosk(Policy::Kind::Recommended);
        k->flow->codeScanned(CARD);
        k->flow->appVerified(SiteLog::bluezonePhone());
        k->wait(k->timing.resultMs);
        QCOMPARE(k->window->currentScreen(), k->window->idleScreen());
        // Someone else comes in by typing their details.
        k->tap(k->find(QStringLiteral("CheckInButton")));
        k->tap(k->find(QStringLiteral("SecondaryButton")));
        k->type(QStringLiteral("FullName"), QStringLiteral("Lê Thị Thu Hà"));
        k->type(QStringLiteral("IdNumber"), QStringLiteral("046201007788"));
        k->tap(k->find(QStringLiteral("PrimaryButton")));
        k->flow->appVerified(SiteLog::bluezonePhone());
        QCOMPARE(tone(*k), ResultScreen::Tone::Welcome);
        k->wait(k->timing.resultMs);

        k->tap(k->find(QStringLiteral("CheckOutButton")));
        QCOMPARE(k->window->currentScreen(), k->window->checkOutScreen());
        // Nothing on this screen names anyone.
        for (auto* label : k->window->checkOutScreen()->findChildren<QLabel*>())
            QVERIFY(!label->text().contains(QStringLiteral("Hoa")));
        // The camera first; the field when asked for.
        QVERIFY(k->window->checkOutScreen()->viewfinder()->isVisible());
        QVERIFY(!k->find<QLineEdit>(QStringLiteral("IdNumber")));
        k->tap(k->find(QStringLiteral("SecondaryButton")));
        QVERIFY(!k->window->checkOutScreen()->viewfinder()->isVisible());
        k->type(QStringLiteral("IdNumber"), QStringLiteral("0462"));
        k->tap(k->find(QStringLiteral("PrimaryButton")));
        QCOMPARE(k->window->currentScreen(), k->window->checkOutScreen()); // not an ID number: say so

        // Issue 24: a typed number may be anyone's. Nobody inside with it, Hoa (who came in with her
        // card) and Hà (who typed hers) get the same screen, word for word; only Hà's exit is
        // recorded: Hoa shows her card, or sees the receptionist.
        const QString answer = QStringLiteral("Cảm ơn. Nếu bạn vào bằng cách nhập số này, khai báo ra của bạn đã "
                                              "được ghi nhận. Nếu bạn vào bằng căn cước công dân hoặc thẻ khách, hãy "
                                              "đưa thẻ trước camera để khai báo ra, hoặc gặp lễ tân.");
        for (const QString& typed :
             {QStringLiteral("000000000000"), QStringLiteral("046 090 001 234"), QStringLiteral("046-201-007-788")}) {
            if (k->window->currentScreen() != k->window->checkOutScreen()) {
                k->tap(k->find(QStringLiteral("PrimaryButton"))); // done
                k->tap(k->find(QStringLiteral("CheckOutButton")));
                k->tap(k->find(QStringLiteral("SecondaryButton")));
            }
            k->find<QLineEdit>(QStringLiteral("IdNumber"))->clear();
            k->type(QStringLiteral("IdNumber"), typed); // any spelling
            k->tap(k->find(QStringLiteral("PrimaryButton")));
            QCOMPARE(tone(*k), ResultScreen::Tone::Noted);
            QCOMPARE(k->find<QLabel>(QStringLiteral("ResultSentence"))->text(), answer);
            for (auto* label : k->window->resultScreen()->findChildren<QLabel*>())
                QVERIFY2(!label->text().contains(QStringLiteral("Hoa")) &&
                             !label->text().contains(QStringLiteral("Hà")),
                         qPrintable(label->text()));
        }
        QVERIFY(!k->site.entries().value(0).checkedOutAt.has_value()); // Hoa: still inside
        QVERIFY(k->site.entries().value(1).checkedOutAt.has_value());  // Hà: left
        // Hoa's own card checks her out, by name.
        k->tap(k->find(QStringLiteral("PrimaryButton")));
        k->tap(k->find(QStringLiteral("CheckOutButton")));
        k->flow->codeScanned(CARD);
        QCOMPARE(tone(*k), ResultScreen::Tone::Goodbye);
        QVERIFY(k->find<QLabel>(QStringLiteral("ResultSentence"))->text().contains(QStringLiteral("Hoa")));
        QVERIFY(k->site.entries().value(0).checkedOutAt.has_value());
    }

    // The identify form is empty, and Ctrl+Z brings nothing back.
    static void expectAnEmptyForm(const Kiosk& k)
    {
        k.tap(k.find(QStringLiteral("SecondaryButton"))); // type my details instead
        for (const char* field : {"FullName", "IdNumber", "Phone"}) {
            auto* edit = k.find<QLineEdit>(QString::fromLatin1(field));
            QVERIFY(edit);
            QCOMPARE(edit->text(), QString());
            edit->setFocus();
            QTest::keyClick(edit, Qt::Key_Z, Qt::ControlModifier);
            QTest::keyClick(edit, Qt::Key_Z, Qt::ControlModifier);
            QCOMPARE(edit->text(), QString());
        }
    }

    // A visitor types their details and is recorded without the app (the amber result).
    static void typeAndRecord(Kiosk& k, const QString& name, const QString& idNumber)
    {
        k.tap(k.find(QStringLiteral("SecondaryButton")));
        k.type(QStringLiteral("FullName"), name);
        k.type(QStringLiteral("IdNumber"), idNumber);
        k.type(QStringLiteral("Phone"), QStringLiteral("0905111222"));
        k.tap(k.find(QStringLiteral("PrimaryButton")));
        k.wait(k.timing.appWaitMs);
        QCOMPARE(tone(k), ResultScreen::Tone::Recommend);
    }

    void theNextVisitorSeesNothingOfTheLast()
    {
        auto k = kiosk(Policy::Kind::Recommended);
        k->tap(k->find(QStringLiteral("CheckInButton")));
        typeAndRecord(*k, QStringLiteral("Vo Van Tam"), QStringLiteral("046066009999"));
        // The next visitor: "Done", then "check in" on the idle screen.
        k->tap(k->find(QStringLiteral("PrimaryButton")));
        k->tap(k->find(QStringLiteral("CheckInButton")));
        expectAnEmptyForm(*k);

        // Another visitor, and the next one scans a code while the result is still on screen.
        k->tap(k->find(QStringLiteral("CancelButton")));
        k->tap(k->find(QStringLiteral("CheckInButton")));
        typeAndRecord(*k, QStringLiteral("Ho Thi Lan"), QStringLiteral("046066001111"));
        k->flow->codeScanned(QStringLiteral("https://bluezone.vn/")); // not identity: the form waits
        QCOMPARE(k->window->currentScreen(), k->window->identifyScreen());
        expectAnEmptyForm(*k);
        QCOMPARE(k->site.entries().size(), 2);
    }

    void htmlInANameIsShownAsTyped()
    {
        // Typed by hand: the welcome names them.
        auto k = kiosk(Policy::Kind::Recommended);
        k->tap(k->find(QStringLiteral("CheckInButton")));
        k->tap(k->find(QStringLiteral("SecondaryButton")));
        k->find<QLineEdit>(QStringLiteral("FullName"))->setText(HTML_NAME);
        k->type(QStringLiteral("IdNumber"), QStringLiteral("046066009999"));
        k->tap(k->find(QStringLiteral("PrimaryButton")));
        k->flow->appVerified(SiteLog::bluezonePhone());
        QCOMPARE(tone(*k), ResultScreen::Tone::Welcome);
        QCOMPARE(htmlNameShownLiterally(*k), 1);
        k->tap(k->find(QStringLiteral("PrimaryButton")));

        // From a card's QR: the welcome, "already checked in" on a second scan, the goodbye.
        const QString card = QStringLiteral("046090007777||%1|12031990|Nữ|Huế|01062021").arg(HTML_NAME);
        k->flow->appVerified(SiteLog::bluezonePhone());
        k->flow->codeScanned(card);
        QCOMPARE(tone(*k), ResultScreen::Tone::Welcome);
        QCOMPARE(htmlNameShownLiterally(*k), 1);
        k->flow->codeScanned(card);
        k->flow->appVerified(SiteLog::bluezonePhone());
        QCOMPARE(tone(*k), ResultScreen::Tone::Problem);
        QCOMPARE(htmlNameShownLiterally(*k), 1);
        k->tap(k->find(QStringLiteral("PrimaryButton")));
        k->tap(k->find(QStringLiteral("CheckOutButton")));
        k->flow->codeScanned(card);
        QCOMPARE(tone(*k), ResultScreen::Tone::Goodbye);
        QCOMPARE(htmlNameShownLiterally(*k), 1);
        QCOMPARE(k->site.entries().size(), 2);
        QCOMPARE(k->site.entries().value(1).fullName, HTML_NAME); // stored as given, shown as given
    }

    // Qt Virtual Keyboard, which the kiosk loads, learns the words picked on it into a dictionary
    // under the kiosk's home and offers them to the next person, unless the focused field asks it
    // not to (TouchField.h). Every field a visitor or the receptionist types into at the door takes
    // personal data, so each one asks, as the keyboard reads it (QWidget::inputMethodQuery).
    void theOnScreenKeyboardLearnsNoVisitorsWords()
    {
        auto k = kiosk(Policy::Kind::Required, true);
        const QList<QLineEdit*> fields = k->window->findChildren<QLineEdit*>();
        QVERIFY(fields.size() >= 5); // name, ID number, phone, check-out ID, PIN, reason
        for (QLineEdit* field : fields) {
            const auto hints = Qt::InputMethodHints(field->inputMethodQuery(Qt::ImHints).toInt());
            QVERIFY2(hints.testFlag(Qt::ImhSensitiveData), qPrintable(field->objectName()));
            QVERIFY2(hints.testFlag(Qt::ImhNoPredictiveText), qPrintable(field->objectName()));
        }
    }

    void idleResetDropsWhatWasTyped()
    {
        auto k = kiosk(Policy::Kind::Recommended);
        k->tap(k->find(QStringLiteral("CheckInButton")));
        k->tap(k->find(QStringLiteral("SecondaryButton")));
        k->type(QStringLiteral("FullName"), QStringLiteral("Võ Văn Tâm"));
        k->wait(k->timing.idleResetMs - 1000);
        QCOMPARE(k->window->currentScreen(), k->window->identifyScreen()); // typing kept it alive
        k->wait(2000);
        QCOMPARE(k->window->currentScreen(), k->window->idleScreen());
        k->tap(k->find(QStringLiteral("CheckInButton")));
        k->tap(k->find(QStringLiteral("SecondaryButton")));
        QCOMPARE(k->find<QLineEdit>(QStringLiteral("FullName"))->text(), QString()); // the next visitor sees nothing
        QVERIFY(k->site.entries().isEmpty());
    }

    void languageSwitch()
    {
        auto k = kiosk(Policy::Kind::Recommended);
        QPushButton* english = nullptr;
        for (auto* button : k->window->findChildren<QPushButton*>(QStringLiteral("LanguageButton"))) {
            if (button->text() == QLatin1String("English"))
                english = button;
        }
        k->tap(english);
        QTRY_COMPARE(k->find(QStringLiteral("CheckInButton"))->text(), QStringLiteral("Check in"));
        k->tap(k->find(QStringLiteral("CheckInButton")));
        QVERIFY(k->find<QLabel>(QStringLiteral("PrivacyNotice"))->text().contains(QStringLiteral("30 days")));
        k->tap(k->find(QStringLiteral("CancelButton")));
        QPushButton* vietnamese = nullptr;
        for (auto* button : k->window->findChildren<QPushButton*>(QStringLiteral("LanguageButton"))) {
            if (button->text() != QLatin1String("English"))
                vietnamese = button;
        }
        k->tap(vietnamese);
        QTRY_COMPARE(k->find(QStringLiteral("CheckInButton"))->text(), QStringLiteral("Khai báo vào"));
    }
};

QTEST_MAIN(TestKioskScreens)
#include "TestKioskScreens.moc"
